import type { MiddlewareFn } from "type-graphql";
import { mediaKey } from "../modules/media/media-key.ts";
import type { GraphQLContext } from "./context.ts";
import { type MediaRefInput, mediaRefOf } from "./media-ref.input.ts";

/**
 * Marks a mutation of the caller's state of one title (its \`media\` argument): the answer's
 * isFavourite, inWatchlist… are read afresh, not from what the request's loader saw before.
 */
export const ChangesViewerState: MiddlewareFn<GraphQLContext> = async ({ args, context }, next) => {
  const result = await next();
  const media = args.media as MediaRefInput | undefined;
  // The resolver has already refused a media argument that names no title.
  if (media) context.loaders.viewerState.clear(mediaKey(mediaRefOf(media)));
  return result;
};
