import type { GraphQLContext } from "../../graphql/context.ts";
import { recordInteraction, removeInteractions } from "../interactions/interaction.service.ts";
import { mediaKey, type MediaRef } from "../media/media-key.ts";
import { getMedia } from "../media/media.service.ts";

/** "Not interested": the title is never recommended to this person again, until they undo it. */
export async function dismiss(ctx: GraphQLContext, input: { userId: string; ref: MediaRef }) {
  const media = await getMedia(ctx, input.ref);
  await recordInteraction(ctx, { ...input, kind: "DISMISSED" });
  ctx.loaders.viewerState.clear(mediaKey(input.ref));
  return media;
}

export async function undoDismiss(ctx: GraphQLContext, input: { userId: string; ref: MediaRef }) {
  await removeInteractions(ctx, { ...input, kinds: ["DISMISSED"] });
  ctx.loaders.viewerState.clear(mediaKey(input.ref));
  return getMedia(ctx, input.ref);
}
