import "reflect-metadata";
import { Arg, Args, Ctx, FieldResolver, Float, Int, Query, Resolver, Root } from "type-graphql";
import { requireUserId, type GraphQLContext } from "../../graphql/context.ts";
import { availableToMeKeys } from "../watch-providers/available-to-me.ts";
import { firstOf, hasNextOffsetPage, offsetCursor, pageSize, toConnection } from "../../graphql/connection.ts";

/** Most of a title's cast one answer lists, and most similar titles. */
const MAX_CAST = 20;
const MAX_SIMILAR = 12;
import type { MediaCache } from "../../generated/prisma/client.ts";
import { MAX_ALSO_LIKED, withoutTmdb } from "./media.loaders.ts";
import { toMedia, type MediaSource } from "./media.mapper.ts";
import { BrowseArgs, MediaConnection, SearchMediaArgs } from "./media.inputs.ts";
import { browseMedia, getMedia, searchMedia } from "./media.service.ts";
import { BackdropSize, Genre, Media, MediaType, Person, PosterSize, Trailer } from "./media.types.ts";
import { storedTrailer, trailerUrl } from "./trailer.ts";
import { toGenre, toPerson } from "./media.mapper.ts";
import { type TranslatedText, translationOf } from "./translations.ts";

const browseCursor = offsetCursor("browse");
const searchCursor = offsetCursor("searchMedia");

function mediaConnection(rows: MediaCache[], offset: number, size: number, cursors: ReturnType<typeof offsetCursor>, after: string | null | undefined) {
  return toConnection({
    items: rows,
    size,
    node: toMedia,
    cursor: (_row, index) => cursors.encode(offset + index + 1),
    after,
    hasNextPage: hasNextOffsetPage({ offset, size, fetched: rows.length }),
  });
}

/** The cache row, with details fetched first when `missing` says a field is still empty. */
async function withDetails(ctx: GraphQLContext, media: MediaSource, missing: (row: MediaCache) => boolean): Promise<MediaCache> {
  if (media.row.detailsFetchedAt || !missing(media.row)) return media.row;
  return (await ctx.loaders.mediaDetails.load(media.id).catch(withoutTmdb)) ?? media.row;
}

/**
 * The title's text in the caller's language (translations.ts), with details fetched first when its
 * translations are not known yet; undefined for English callers, at no cost.
 */
function inCallerLanguage(ctx: GraphQLContext, media: MediaSource): Promise<TranslatedText | undefined> | undefined {
  if (ctx.locale === "en") return undefined;
  return withDetails(ctx, media, (row) => row.translations === null).then((row) => translationOf(row, ctx.locale));
}

@Resolver(() => Media)
export class MediaResolver {
  @Query(() => Media, { description: "One film or series by TMDB id. Fetched from TMDB (and cached) if the cache lacks it." })
  async media(
    @Arg("type", () => MediaType, { description: "MOVIE or TV." }) type: MediaType,
    @Arg("tmdbId", () => Int, { description: "TMDB's id of the title." }) tmdbId: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<MediaSource> {
    return toMedia(await getMedia(ctx, { mediaType: type, tmdbId }));
  }

  @Query(() => MediaConnection, { description: "Titles whose title matches the query, best match first." })
  async searchMedia(@Args(() => SearchMediaArgs) args: SearchMediaArgs, @Ctx() ctx: GraphQLContext) {
    const size = pageSize(args.first);
    const offset = searchCursor.decode(args.after);
    return mediaConnection(
      await searchMedia({ ...ctx, catalogue: ctx.recommendationServing }, { query: args.query, mediaType: args.type ?? null, offset, size }),
      offset,
      size,
      searchCursor,
      args.after,
    );
  }

  @Query(() => MediaConnection, { description: "Browse films or series by genres, years, language and rating, sorted." })
  async browse(@Args(() => BrowseArgs) args: BrowseArgs, @Ctx() ctx: GraphQLContext) {
    const size = pageSize(args.first);
    const offset = browseCursor.decode(args.after);
    const { filter } = args;
    const rows = await browseMedia(
      { ...ctx, catalogue: ctx.recommendationServing },
      {
        mediaType: filter.type,
        genreIds: filter.genreIds ?? [],
        yearFrom: filter.yearFrom ?? null,
        yearTo: filter.yearTo ?? null,
        language: filter.language ?? null,
        minRating: filter.minRating ?? null,
        streamingOn: filter.availableToMe ? availableToMeKeys(await this.callerPreferences(ctx), "filter.availableToMe") : [],
        sort: args.sort,
        offset,
        size,
      },
    );
    return mediaConnection(rows, offset, size, browseCursor, args.after);
  }

  @Query(() => [Genre], { description: "TMDB's genres for films or for series." })
  async genres(
    @Arg("type", () => MediaType, { description: "Films' genres or series' genres." }) type: MediaType,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Genre[]> {
    const genres = await ctx.genres.genres(type, ctx.locale);
    // TMDB always has genres: none means their first load failed (genre.service.ts), for now.
    if (genres.size === 0) ctx.incompleteAnswer = true;
    return [...genres].map(([id, name]) => toGenre(id, name)).sort((a, b) => a.name.localeCompare(b.name, ctx.locale));
  }

  @FieldResolver(() => [Genre], { name: "genres", description: "Its genres, as TMDB lists them." })
  async mediaGenres(@Root() media: MediaSource, @Ctx() ctx: GraphQLContext): Promise<Genre[]> {
    const names = await ctx.genres.genres(media.row.mediaType, ctx.locale);
    return media.row.genreIds.map((id) => toGenre(id, names.get(id) ?? `Genre ${id}`));
  }

  @FieldResolver(() => Float, { nullable: true, description: "TMDB vote average, 0 to 10; null when nobody has voted." })
  async voteAverage(@Root() media: MediaSource, @Ctx() ctx: GraphQLContext) {
    return (await withDetails(ctx, media, (row) => row.voteAverage === null)).voteAverage;
  }

  @FieldResolver(() => Int, { nullable: true, description: "How many TMDB users voted." })
  async voteCount(@Root() media: MediaSource, @Ctx() ctx: GraphQLContext) {
    return (await withDetails(ctx, media, (row) => row.voteCount === null)).voteCount;
  }

  @FieldResolver(() => Int, { nullable: true, description: "Minutes (an episode's, for series)." })
  async runtime(@Root() media: MediaSource, @Ctx() ctx: GraphQLContext) {
    return (await withDetails(ctx, media, (row) => row.runtime === null)).runtime;
  }

  @FieldResolver()
  title(@Root() media: MediaSource, @Ctx() ctx: GraphQLContext): string | Promise<string> {
    return inCallerLanguage(ctx, media)?.then((text) => text?.title ?? media.title) ?? media.title;
  }

  @FieldResolver()
  overview(@Root() media: MediaSource, @Ctx() ctx: GraphQLContext): string | Promise<string> {
    return inCallerLanguage(ctx, media)?.then((text) => text?.overview ?? media.overview) ?? media.overview;
  }

  @FieldResolver(() => String, { nullable: true, description: "Its tagline, in the caller's language when TMDB has one in it; null when it has none." })
  async tagline(@Root() media: MediaSource, @Ctx() ctx: GraphQLContext) {
    const translated = (await inCallerLanguage(ctx, media))?.tagline;
    return translated ?? (await withDetails(ctx, media, (row) => row.tagline === null)).tagline;
  }

  @FieldResolver(() => Trailer, { nullable: true, description: "Its trailer (else a teaser) on YouTube or Vimeo; null when TMDB lists none." })
  async trailer(@Root() media: MediaSource, @Ctx() ctx: GraphQLContext): Promise<Trailer | null> {
    const trailer = storedTrailer((await withDetails(ctx, media, (row) => row.trailer === null)).trailer);
    return trailer && { ...trailer, url: trailerUrl(trailer) };
  }

  @FieldResolver(() => String, { nullable: true, description: "Its poster at the size asked for, from TMDB's image server; null when it has none." })
  async posterUrl(
    @Root() media: MediaSource,
    @Arg("size", () => PosterSize, { defaultValue: PosterSize.W342, description: "How wide." }) size: PosterSize,
    @Ctx() ctx: GraphQLContext,
  ) {
    const row = await withDetails(ctx, media, (candidate) => candidate.posterPath === null);
    return ctx.images.url(row.posterPath, size);
  }

  @FieldResolver(() => String, { nullable: true, description: "Its backdrop (a wide still) at the size asked for; null when it has none." })
  async backdropUrl(
    @Root() media: MediaSource,
    @Arg("size", () => BackdropSize, { defaultValue: BackdropSize.W1280, description: "How wide." }) size: BackdropSize,
    @Ctx() ctx: GraphQLContext,
  ) {
    const row = await withDetails(ctx, media, (candidate) => candidate.backdropPath === null);
    return ctx.images.url(row.backdropPath, size);
  }

  @FieldResolver(() => [Person], { description: "Top-billed cast, in billing order." })
  async cast(
    @Root() media: MediaSource,
    @Arg("first", () => Int, { defaultValue: 10, description: "How many, 1 to 20." }) first: number,
    @Ctx() ctx: GraphQLContext,
  ) {
    const row = await withDetails(ctx, media, (candidate) => candidate.castIds.length === 0);
    return this.people(ctx, row.castIds.slice(0, firstOf(first, { max: MAX_CAST, fallback: 10 })));
  }

  @FieldResolver(() => [Person], { description: "Directors (for series: their creators)." })
  async directors(@Root() media: MediaSource, @Ctx() ctx: GraphQLContext) {
    const row = await withDetails(ctx, media, (candidate) => candidate.directorIds.length === 0);
    return this.people(ctx, row.directorIds);
  }

  @FieldResolver(() => [Media], {
    description: "Up to 12 titles of the same type most like this one (shared genres, keywords, director, cast), from the cache.",
  })
  async similar(
    @Root() media: MediaSource,
    @Arg("first", () => Int, { defaultValue: 12, description: "How many, 1 to 12." }) first: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<MediaSource[]> {
    return (await ctx.loaders.similar.load(media.id)).slice(0, firstOf(first, { max: MAX_SIMILAR, fallback: MAX_SIMILAR })).map(toMedia);
  }

  @FieldResolver(() => [Media], {
    description:
      "Up to 12 titles that people who liked this one also liked, strongest first: the trained model's neighbours of it (learnt from everyone's favourites, good ratings and watchlists; films and series alike). Empty before the model's first training and for a title too few people have liked.",
  })
  async alsoLiked(
    @Root() media: MediaSource,
    @Arg("first", () => Int, { defaultValue: 12, description: "How many, 1 to 12." }) first: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<MediaSource[]> {
    return (await ctx.loaders.alsoLiked.load(media.id)).slice(0, firstOf(first, { max: MAX_ALSO_LIKED, fallback: MAX_ALSO_LIKED })).map(toMedia);
  }

  @FieldResolver(() => Boolean, { description: "Whether the signed-in caller has it among favourites (false when anonymous)." })
  async isFavourite(@Root() media: MediaSource, @Ctx() ctx: GraphQLContext) {
    return (await ctx.loaders.viewerState.load(media.id)).isFavourite;
  }

  @FieldResolver(() => Boolean, { description: "Whether it is on the signed-in caller's watchlist." })
  async inWatchlist(@Root() media: MediaSource, @Ctx() ctx: GraphQLContext) {
    return (await ctx.loaders.viewerState.load(media.id)).inWatchlist;
  }

  @FieldResolver(() => Date, { nullable: true, description: "When the caller marked it watched on their watchlist." })
  async watchedAt(@Root() media: MediaSource, @Ctx() ctx: GraphQLContext) {
    return (await ctx.loaders.viewerState.load(media.id)).watchedAt;
  }

  @FieldResolver(() => Int, { nullable: true, description: "The caller's rating, 1–10 (half stars to five stars, doubled); null when not rated or anonymous." })
  async myRating(@Root() media: MediaSource, @Ctx() ctx: GraphQLContext) {
    return (await ctx.loaders.viewerState.load(media.id)).rating;
  }

  @FieldResolver(() => Boolean, { description: 'Whether the caller said "not interested".' })
  async isDismissed(@Root() media: MediaSource, @Ctx() ctx: GraphQLContext) {
    return (await ctx.loaders.viewerState.load(media.id)).isDismissed;
  }

  /** The signed-in caller's preferences; "available to me" has no meaning for an anonymous caller. */
  private async callerPreferences(ctx: GraphQLContext) {
    requireUserId(ctx);
    return ctx.loaders.viewerPreferences();
  }

  private async people(ctx: GraphQLContext, ids: number[]): Promise<Person[]> {
    const [people, base] = await Promise.all([ctx.loaders.person.loadMany(ids), ctx.images.baseUrl()]);
    return people.flatMap((person) => (person && !(person instanceof Error) ? [toPerson(person, base)] : []));
  }
}
