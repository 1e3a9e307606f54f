import type { FieldNode, GraphQLResolveInfo } from "graphql";
import type { MiddlewareFn } from "type-graphql";
import { mediaKey } from "../modules/media/media-key.ts";
import type { GraphQLContext } from "./context.ts";
import { type MediaRefInput, mediaRefOf } from "./media-ref.input.ts";

/** The per-user fields of `Media` (what the viewer-state loader answers). */
const VIEWER_FIELDS = new Set(["isFavourite", "inWatchlist", "watchedAt", "isDismissed", "rating"]);

/** Whether the answer may read the caller's state of the title (a fragment may: not looked into). */
function asksViewerState(info: GraphQLResolveInfo): boolean {
  return info.fieldNodes.some((node: FieldNode) =>
    (node.selectionSet?.selections ?? []).some((selection) => selection.kind !== "Field" || VIEWER_FIELDS.has(selection.name.value)),
  );
}

/**
 * Marks a mutation of the caller's state of one title (its \`media\` argument): the answer's
 * isFavourite, inWatchlist… are read afresh, not from what the request's loader saw before. The
 * read starts as soon as the change is written, so it runs beside what the mutation still does
 * (ChangesTaste's Redis round trip) instead of after it.
 */
export const ChangesViewerState: MiddlewareFn<GraphQLContext> = async ({ args, context, info }, next) => {
  const result = await next();
  const media = args.media as MediaRefInput | undefined;
  // The resolver has already refused a media argument that names no title.
  if (media) {
    const key = mediaKey(mediaRefOf(media));
    context.loaders.viewerState.clear(key);
    // Its failure reaches the field that reads it (the loader keeps the promise); none is left unhandled.
    if (asksViewerState(info)) context.loaders.viewerState.load(key).catch(() => undefined);
  }
  return result;
};
