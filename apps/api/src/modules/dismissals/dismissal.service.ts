import type { GraphQLContext } from "../../graphql/context.ts";
import { mediaKey, type MediaRef } from "../media/media-key.ts";
import { getMedia } from "../media/media.service.ts";

export async function dismiss(ctx: GraphQLContext, input: { userId: string; ref: MediaRef }) {
  const media = await getMedia(ctx, input.ref);
  await ctx.prisma.dismissal.createMany({ data: [{ userId: input.userId, ...input.ref }], skipDuplicates: true });
  ctx.loaders.viewerState.clear(mediaKey(input.ref));
  return media;
}

export async function undoDismiss(ctx: GraphQLContext, input: { userId: string; ref: MediaRef }) {
  await ctx.prisma.dismissal.deleteMany({ where: { userId: input.userId, mediaType: input.ref.mediaType, tmdbId: input.ref.tmdbId } });
  ctx.loaders.viewerState.clear(mediaKey(input.ref));
  return getMedia(ctx, input.ref);
}
