import "reflect-metadata";
import { Arg, Args, Authorized, Ctx, Mutation, Query, Resolver, UseMiddleware } from "type-graphql";
import { ChangesViewerState } from "../../graphql/changes-viewer-state.ts";
import type { GraphQLContext } from "../../graphql/context.ts";
import { requireUserId } from "../../graphql/context.ts";
import { decodeCursor, encodeCursor, PageArgs, pageSize, toConnection } from "../../graphql/connection.ts";
import { countInteractions } from "../interactions/interaction.service.ts";
import { AddedCursor, MediaRefInput, mediaRefOf } from "../../graphql/media-ref.input.ts";
import { toMedia } from "../media/media.mapper.ts";
import { Media } from "../media/media.types.ts";
import { FavouriteConnection } from "./favourite.types.ts";
import { addFavourite, listFavourites, removeFavourite } from "./favourite.service.ts";
import { ChangesTaste } from "../recommendations/recommendation.cache.ts";

@Resolver()
export class FavouriteResolver {
  @Authorized()
  @Query(() => FavouriteConnection, { description: "The caller's favourites, newest first." })
  async favourites(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: GraphQLContext) {
    const size = pageSize(args.first);
    const items = await listFavourites(ctx, { userId: requireUserId(ctx), after: decodeCursor("favourites", args.after, AddedCursor), size });
    const connection = toConnection({
      items,
      size,
      node: (item) => toMedia(item.media),
      cursor: (item) => encodeCursor("favourites", { createdAt: item.row.createdAt.toISOString(), id: item.row.id }),
      edge: (item) => ({ addedAt: item.row.createdAt }),
      after: args.after,
    });
    const userId = requireUserId(ctx);
    return {
      ...connection,
      countTotal: () => countInteractions(ctx, { userId, kind: "FAVOURITE" }),
    };
  }

  @Authorized()
  @Mutation(() => Media, { description: "Makes a title a favourite. Doing it twice is fine." })
  @UseMiddleware(ChangesTaste, ChangesViewerState)
  async addFavourite(
    @Arg("media", () => MediaRefInput, { description: "The title." }) media: MediaRefInput,
    @Arg("addedAt", () => Date, {
      nullable: true,
      description:
        "When it became a favourite (default now; not in the future), e.g. to put a title back in its place after taking it off. A favourite already keeps its date.",
    })
    addedAt: Date | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return toMedia(await addFavourite(ctx, { userId: requireUserId(ctx), ref: mediaRefOf(media), addedAt }));
  }

  @Authorized()
  @Mutation(() => Media, { description: "Removes a favourite. Removing one that is not there is fine." })
  @UseMiddleware(ChangesTaste, ChangesViewerState)
  async removeFavourite(@Arg("media", () => MediaRefInput, { description: "The title." }) media: MediaRefInput, @Ctx() ctx: GraphQLContext) {
    return toMedia(await removeFavourite(ctx, { userId: requireUserId(ctx), ref: mediaRefOf(media) }));
  }
}
