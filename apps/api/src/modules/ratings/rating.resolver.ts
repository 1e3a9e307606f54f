import "reflect-metadata";
import { Arg, Args, Authorized, Ctx, Int, Mutation, Query, Resolver, UseMiddleware } from "type-graphql";
import { ChangesViewerState } from "../../graphql/changes-viewer-state.ts";
import type { GraphQLContext } from "../../graphql/context.ts";
import { requireUserId } from "../../graphql/context.ts";
import { decodeCursor, encodeCursor, PageArgs, pageSize, toConnection } from "../../graphql/connection.ts";
import { AddedCursor, MediaRefInput, mediaRefOf } from "../../graphql/media-ref.input.ts";
import { toMedia } from "../media/media.mapper.ts";
import { Media } from "../media/media.types.ts";
import { ChangesTaste } from "../recommendations/recommendation.cache.ts";
import { clearRating, listRatings, rate } from "./rating.service.ts";
import { RatingConnection } from "./rating.types.ts";
import { countInteractions } from "../interactions/interaction.service.ts";

const ref = (media: MediaRefInput) => mediaRefOf(media);

@Resolver()
export class RatingResolver {
  @Authorized()
  @Query(() => RatingConnection, { description: "The titles the caller rated, newest first (by when each was first rated), with their ratings." })
  async ratings(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: GraphQLContext) {
    const size = pageSize(args.first);
    const items = await listRatings(ctx, { userId: requireUserId(ctx), after: decodeCursor("ratings", args.after, AddedCursor), size });
    const connection = toConnection({
      items,
      size,
      node: (item) => toMedia(item.media),
      cursor: (item) => encodeCursor("ratings", { createdAt: item.row.createdAt.toISOString(), id: item.row.id }),
      edge: (item) => ({ rating: item.row.rating ?? 0, ratedAt: item.row.createdAt }),
      after: args.after,
    });
    return {
      ...connection,
      countTotal: () => countInteractions(ctx, { userId: requireUserId(ctx), kind: "RATING" }),
    };
  }

  @Authorized()
  @Mutation(() => Media, {
    description:
      "Rates a title on Letterboxd's scale, ½ to 5 stars, given as 1–10 (7 is 3½ stars); rating it again changes the rating. Ratings teach your recommendations: from 2½ stars up a rating speaks for the title and its like, and a rated title is never recommended back.",
  })
  @UseMiddleware(ChangesTaste, ChangesViewerState)
  async rate(
    @Arg("media", () => MediaRefInput, { description: "The title." }) media: MediaRefInput,
    @Arg("rating", () => Int, { description: "1–10: half stars to five stars, doubled." }) rating: number,
    @Ctx() ctx: GraphQLContext,
  ) {
    return toMedia(await rate(ctx, { userId: requireUserId(ctx), ref: ref(media), rating }));
  }

  @Authorized()
  @Mutation(() => Media, { description: "Takes the caller's rating off a title. Clearing one that is not there is fine." })
  @UseMiddleware(ChangesTaste, ChangesViewerState)
  async clearRating(@Arg("media", () => MediaRefInput, { description: "The title." }) media: MediaRefInput, @Ctx() ctx: GraphQLContext) {
    return toMedia(await clearRating(ctx, { userId: requireUserId(ctx), ref: ref(media) }));
  }
}
