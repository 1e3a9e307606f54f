// "Not interested": dismissed titles never appear in the caller's recommendations until undone.
import "reflect-metadata";
import { Arg, Authorized, Ctx, Mutation, Resolver, UseMiddleware } from "type-graphql";
import { ChangesViewerState } from "../../graphql/changes-viewer-state.ts";
import type { GraphQLContext } from "../../graphql/context.ts";
import { requireUserId } from "../../graphql/context.ts";
import { MediaRefInput, mediaRefOf } from "../../graphql/media-ref.input.ts";
import { toMedia } from "../media/media.mapper.ts";
import { Media } from "../media/media.types.ts";
import { dismiss, undoDismiss } from "./dismissal.service.ts";
import { ChangesTaste } from "../recommendations/recommendation.cache.ts";

@Resolver()
export class DismissalResolver {
  @Authorized()
  @Mutation(() => Media, { description: 'Says "not interested" in a title. Doing it twice is fine.' })
  @UseMiddleware(ChangesTaste, ChangesViewerState)
  async dismiss(@Arg("media", () => MediaRefInput, { description: "The title." }) media: MediaRefInput, @Ctx() ctx: GraphQLContext) {
    return toMedia(await dismiss(ctx, { userId: requireUserId(ctx), ref: mediaRefOf(media) }));
  }

  @Authorized()
  @Mutation(() => Media, { description: "Undoes a dismissal. Undoing one that is not there is fine." })
  @UseMiddleware(ChangesTaste, ChangesViewerState)
  async undoDismiss(@Arg("media", () => MediaRefInput, { description: "The title." }) media: MediaRefInput, @Ctx() ctx: GraphQLContext) {
    return toMedia(await undoDismiss(ctx, { userId: requireUserId(ctx), ref: mediaRefOf(media) }));
  }
}
