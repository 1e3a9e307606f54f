import type { GraphQLContext } from "../../graphql/context.ts";
import { afterAdded, type AddedCursor } from "../../graphql/media-ref.input.ts";
import { mediaKey, type MediaRef } from "../media/media-key.ts";
import { getMedia, withMedia } from "../media/media.service.ts";
import { inTasteSet, lockUserTasteSet, recordEnteredTasteSet, recordLeftTasteSet } from "../recommendations/cooccurrence.service.ts";

/** Adds a favourite; adding one twice is not an error. Unknown titles are NOT_FOUND. */
export async function addFavourite(ctx: GraphQLContext, input: { userId: string; ref: MediaRef }) {
  const media = await getMedia(ctx, input.ref);
  const { userId, ref } = input;
  await ctx.prisma.$transaction(async (tx) => {
    await lockUserTasteSet(tx, userId);
    const wasInSet = await inTasteSet(tx, userId, ref);
    const inserted = await tx.favourite.createMany({ data: [{ userId, ...ref }], skipDuplicates: true });
    if (inserted.count) await recordEnteredTasteSet(tx, userId, ref, wasInSet);
  });
  ctx.loaders.viewerState.clear(mediaKey(ref));
  return media;
}

/** Removes a favourite; removing one that is not there is not an error. */
export async function removeFavourite(ctx: GraphQLContext, input: { userId: string; ref: MediaRef }) {
  const { userId, ref } = input;
  await ctx.prisma.$transaction(async (tx) => {
    await lockUserTasteSet(tx, userId);
    const removed = await tx.favourite.deleteMany({ where: { userId, mediaType: ref.mediaType, tmdbId: ref.tmdbId } });
    if (removed.count) await recordLeftTasteSet(tx, userId, ref);
  });
  ctx.loaders.viewerState.clear(mediaKey(ref));
  return getMedia(ctx, ref);
}

export async function listFavourites(ctx: GraphQLContext, input: { userId: string; after: AddedCursor | null; size: number }) {
  const rows = await ctx.prisma.favourite.findMany({
    where: { userId: input.userId, ...afterAdded(input.after) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.size + 1,
  });
  return withMedia(ctx, rows);
}
