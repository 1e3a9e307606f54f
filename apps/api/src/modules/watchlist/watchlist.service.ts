import type { GraphQLContext } from "../../graphql/context.ts";
import { afterAdded, type AddedCursor } from "../../graphql/media-ref.input.ts";
import { mediaKey, type MediaRef } from "../media/media-key.ts";
import { getMedia, withMedia } from "../media/media.service.ts";
import { inTasteSet, lockUserTasteSet, recordEnteredTasteSet, recordLeftTasteSet } from "../recommendations/cooccurrence.service.ts";

/** Adds to the watchlist (idempotent); with `watched`, also sets or clears when it was watched. */
export async function saveWatchlistItem(ctx: GraphQLContext, input: { userId: string; ref: MediaRef; watched?: boolean }) {
  const media = await getMedia(ctx, input.ref);
  const { userId, ref } = input;
  await ctx.prisma.$transaction(async (tx) => {
    await lockUserTasteSet(tx, userId);
    const wasInSet = await inTasteSet(tx, userId, ref);
    const inserted = await tx.watchlistItem.createMany({ data: [{ userId, ...ref, watchedAt: input.watched ? new Date() : null }], skipDuplicates: true });
    if (inserted.count) {
      await recordEnteredTasteSet(tx, userId, ref, wasInSet);
    } else if (input.watched !== undefined) {
      // Marking watched twice keeps the first date.
      await tx.watchlistItem.updateMany({
        where: { userId, mediaType: ref.mediaType, tmdbId: ref.tmdbId, ...(input.watched ? { watchedAt: null } : {}) },
        data: { watchedAt: input.watched ? new Date() : null },
      });
    }
  });
  ctx.loaders.viewerState.clear(mediaKey(ref));
  return media;
}

export async function removeWatchlistItem(ctx: GraphQLContext, input: { userId: string; ref: MediaRef }) {
  const { userId, ref } = input;
  await ctx.prisma.$transaction(async (tx) => {
    await lockUserTasteSet(tx, userId);
    const removed = await tx.watchlistItem.deleteMany({ where: { userId, mediaType: ref.mediaType, tmdbId: ref.tmdbId } });
    if (removed.count) await recordLeftTasteSet(tx, userId, ref);
  });
  ctx.loaders.viewerState.clear(mediaKey(ref));
  return getMedia(ctx, ref);
}

export async function listWatchlist(ctx: GraphQLContext, input: { userId: string; after: AddedCursor | null; size: number; watched: boolean | null }) {
  const rows = await ctx.prisma.watchlistItem.findMany({
    where: { userId: input.userId, ...afterAdded(input.after), ...(input.watched === null ? {} : { watchedAt: input.watched ? { not: null } : null }) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.size + 1,
  });
  return withMedia(ctx, rows);
}
