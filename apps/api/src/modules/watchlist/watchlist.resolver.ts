import "reflect-metadata";
import { Arg, Args, Authorized, Ctx, Mutation, Query, Resolver, UseMiddleware } from "type-graphql";
import { ChangesViewerState } from "../../graphql/changes-viewer-state.ts";
import type { GraphQLContext } from "../../graphql/context.ts";
import { requireUserId } from "../../graphql/context.ts";
import { decodeCursor, encodeCursor, PageArgs, pageSize, toConnection } from "../../graphql/connection.ts";
import { AddedCursor, MediaRefInput, mediaRefOf } from "../../graphql/media-ref.input.ts";
import { toMedia } from "../media/media.mapper.ts";
import { Media } from "../media/media.types.ts";
import { WatchlistConnection } from "./watchlist.types.ts";
import { listWatchlist, removeWatchlistItem, saveWatchlistItem } from "./watchlist.service.ts";
import { ChangesTaste } from "../recommendations/recommendation.cache.ts";
import { countWatchlist } from "../interactions/interaction.service.ts";

const ref = (media: MediaRefInput) => mediaRefOf(media);

@Resolver()
export class WatchlistResolver {
  @Authorized()
  @Query(() => WatchlistConnection, { description: "The caller's watchlist, newest first. `watched` filters to watched (true) or still to watch (false)." })
  async watchlist(
    @Args(() => PageArgs) args: PageArgs,
    @Arg("watched", () => Boolean, { nullable: true, description: "true: only watched; false: only still to watch; not given: both." }) watched: boolean | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    const size = pageSize(args.first);
    const items = await listWatchlist(ctx, {
      userId: requireUserId(ctx),
      after: decodeCursor("watchlist", args.after, AddedCursor),
      size,
      watched: watched ?? null,
    });
    const connection = toConnection({
      items,
      size,
      node: (item) => toMedia(item.media),
      cursor: (item) => encodeCursor("watchlist", { createdAt: item.row.createdAt.toISOString(), id: item.row.id }),
      edge: (item) => ({ addedAt: item.row.createdAt, watchedAt: item.row.watchedAt }),
      after: args.after,
    });
    return {
      ...connection,
      countTotal: () => countWatchlist(ctx, { userId: requireUserId(ctx), watched: watched ?? null }),
    };
  }

  @Authorized()
  @Mutation(() => Media, { description: "Adds a title to the watchlist. Doing it twice is fine." })
  @UseMiddleware(ChangesTaste, ChangesViewerState)
  async addToWatchlist(
    @Arg("media", () => MediaRefInput, { description: "The title." }) media: MediaRefInput,
    @Arg("addedAt", () => Date, {
      nullable: true,
      description:
        "When it was added (default now; not in the future), e.g. to put a title back in its place after taking it off. A title already there keeps its date.",
    })
    addedAt: Date | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return toMedia(await saveWatchlistItem(ctx, { userId: requireUserId(ctx), ref: ref(media), addedAt }));
  }

  @Authorized()
  @Mutation(() => Media, { description: "Removes a title from the watchlist. Removing one that is not there is fine." })
  @UseMiddleware(ChangesTaste, ChangesViewerState)
  async removeFromWatchlist(@Arg("media", () => MediaRefInput, { description: "The title." }) media: MediaRefInput, @Ctx() ctx: GraphQLContext) {
    return toMedia(await removeWatchlistItem(ctx, { userId: requireUserId(ctx), ref: ref(media) }));
  }

  @Authorized()
  @Mutation(() => Media, { description: "Marks a title watched (adding it to the watchlist if needed), or unwatched with watched: false." })
  @UseMiddleware(ChangesTaste, ChangesViewerState)
  async markWatched(
    @Arg("media", () => MediaRefInput, { description: "The title." }) media: MediaRefInput,
    @Arg("watched", () => Boolean, { description: "true marks it watched (now, or at watchedAt); false marks it to watch again.", defaultValue: true })
    watched: boolean,
    @Arg("watchedAt", () => Date, {
      nullable: true,
      description:
        "With watched: true, when it was watched (default now; not in the future), e.g. to put a watched title back with its date after taking it off the watchlist. A title already marked watched keeps its date.",
    })
    watchedAt: Date | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return toMedia(await saveWatchlistItem(ctx, { userId: requireUserId(ctx), ref: ref(media), watched, watchedAt }));
  }
}
