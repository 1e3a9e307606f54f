// "Not interested": dismissed titles never appear in the caller's recommendations until undone.
import "reflect-metadata";
import { Arg, Args, Authorized, Ctx, Mutation, Query, Resolver, UseMiddleware } from "type-graphql";
import { decodeCursor, encodeCursor, PageArgs, pageSize, toConnection } from "../../graphql/connection.ts";
import { countInteractions } from "../interactions/interaction.service.ts";
import { ChangesViewerState } from "../../graphql/changes-viewer-state.ts";
import type { GraphQLContext } from "../../graphql/context.ts";
import { requireUserId } from "../../graphql/context.ts";
import { AddedCursor, MediaRefInput, mediaRefOf } from "../../graphql/media-ref.input.ts";
import { toMedia } from "../media/media.mapper.ts";
import { Media } from "../media/media.types.ts";
import { dismiss, listDismissed, undoDismiss } from "./dismissal.service.ts";
import { DismissedConnection } from "./dismissal.types.ts";
import { ChangesTaste } from "../recommendations/recommendation.cache.ts";

@Resolver()
export class DismissalResolver {
  @Authorized()
  @Query(() => DismissedConnection, { description: 'The titles the caller said "not interested" in, newest first (undoDismiss restores one).' })
  async dismissed(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: GraphQLContext) {
    const userId = requireUserId(ctx);
    const size = pageSize(args.first);
    const items = await listDismissed(ctx, { userId, after: decodeCursor("dismissed", args.after, AddedCursor), size });
    return {
      ...toConnection({
        items,
        size,
        node: (item) => toMedia(item.media),
        cursor: (item) => encodeCursor("dismissed", { createdAt: item.row.createdAt.toISOString(), id: item.row.id }),
        edge: (item) => ({ dismissedAt: item.row.createdAt }),
        after: args.after,
      }),
      countTotal: () => countInteractions(ctx, { userId, kind: "DISMISSED" }),
    };
  }

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
