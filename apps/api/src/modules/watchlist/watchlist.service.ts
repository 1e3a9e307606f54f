import type { GraphQLContext } from "../../graphql/context.ts";
import type { AddedCursor } from "../../graphql/media-ref.input.ts";
import { listWatchlistInteractions, recordInteraction, removeInteractions } from "../interactions/interaction.service.ts";
import { mediaKey, type MediaRef } from "../media/media-key.ts";
import { getMedia, withMedia } from "../media/media.service.ts";

/**
 * Adds to the watchlist (idempotent); with `watched`, also marks it watched (a WATCHED interaction,
 * whose time is when it was watched; marking twice keeps the first) or clears that mark.
 */
export async function saveWatchlistItem(ctx: GraphQLContext, input: { userId: string; ref: MediaRef; watched?: boolean }) {
  const media = await getMedia(ctx, input.ref);
  const { userId, ref } = input;
  await recordInteraction(ctx, { userId, ref, kind: "WATCHLIST" });
  if (input.watched === true) await recordInteraction(ctx, { userId, ref, kind: "WATCHED" });
  if (input.watched === false) await removeInteractions(ctx, { userId, ref, kinds: ["WATCHED"] });
  ctx.loaders.viewerState.clear(mediaKey(ref));
  return media;
}

/** Takes the title off the watchlist, and with it its watched mark. */
export async function removeWatchlistItem(ctx: GraphQLContext, input: { userId: string; ref: MediaRef }) {
  await removeInteractions(ctx, { ...input, kinds: ["WATCHLIST", "WATCHED"] });
  ctx.loaders.viewerState.clear(mediaKey(input.ref));
  return getMedia(ctx, input.ref);
}

export async function listWatchlist(ctx: GraphQLContext, input: { userId: string; after: AddedCursor | null; size: number; watched: boolean | null }) {
  return withMedia(ctx, await listWatchlistInteractions(ctx, input));
}
