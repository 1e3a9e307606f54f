import type { GraphQLContext } from "../../graphql/context.ts";
import type { AddedCursor } from "../../graphql/media-ref.input.ts";
import { listInteractions, recordInteraction, removeInteractions } from "../interactions/interaction.service.ts";
import { mediaKey, type MediaRef } from "../media/media-key.ts";
import { getMedia, withMedia } from "../media/media.service.ts";

/** Adds a favourite; adding one twice is not an error. Unknown titles are NOT_FOUND. */
export async function addFavourite(ctx: GraphQLContext, input: { userId: string; ref: MediaRef }) {
  const media = await getMedia(ctx, input.ref);
  await recordInteraction(ctx, { ...input, kind: "FAVOURITE" });
  ctx.loaders.viewerState.clear(mediaKey(input.ref));
  return media;
}

/** Removes a favourite; removing one that is not there is not an error. */
export async function removeFavourite(ctx: GraphQLContext, input: { userId: string; ref: MediaRef }) {
  await removeInteractions(ctx, { ...input, kinds: ["FAVOURITE"] });
  ctx.loaders.viewerState.clear(mediaKey(input.ref));
  return getMedia(ctx, input.ref);
}

export async function listFavourites(ctx: GraphQLContext, input: { userId: string; after: AddedCursor | null; size: number }) {
  return withMedia(ctx, await listInteractions(ctx, { ...input, kind: "FAVOURITE" }));
}
