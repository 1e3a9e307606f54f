// Reading titles: one by id, search, and browse/discover. All from MediaCache; TMDB is asked only
// when the cache has nothing to show (and what it answers is written back for next time).
import type { Prisma } from "../../generated/prisma/client.ts";
import type { MediaCache } from "../../generated/prisma/client.ts";
import { AppError, badInput, notFound } from "../../errors.ts";
import { TmdbError } from "../../tmdb/tmdb-errors.ts";
import { type EnrichmentService, givenAgain, UNREADABLE_SECONDS } from "./enrichment.service.ts";
import type { MediaLoaders } from "./media.loaders.ts";
import { discoverIntoCache, releaseDateField, searchIntoCache, type TmdbIntoCacheDeps } from "./tmdb-into-cache.ts";
import { assertTmdbId, mediaKey, type MediaRef } from "./media-key.ts";
import { toMediaKind, type MediaKind } from "../../media-kind.ts";
import type { MediaType } from "../../generated/prisma/enums.ts";
import { withinMs } from "../../redis.ts";
import { type FallbackDeps, fallbacksSpent, firstAskInAWhile, askAgainSoon, takeFallback } from "./tmdb-fallbacks.ts";

/** How long a search with some cached matches waits for TMDB's answer before showing those. */
const SEARCH_FALLBACK_WAIT_MS = 1_500;

/**
 * What reading titles needs: a batching loader (a request's, or createMediaLoaders' for a job, the
 * CLI or a bench) and enrichment for titles not cached yet.
 */
export interface MediaReadDeps {
  loaders: Pick<MediaLoaders, "media">;
  enrichment: EnrichmentService;
}

/** Pairs list rows (favourites, watchlist items) with their titles, in one batched query. */
export async function withMedia<Row extends MediaRef>(ctx: MediaReadDeps, rows: Row[]): Promise<Array<{ row: Row; media: MediaCache }>> {
  const media = await ctx.loaders.media.loadMany(rows.map(mediaKey));
  return rows.flatMap((row, index) => {
    const item = media[index];
    return item && !(item instanceof Error) ? [{ row, media: item }] : [];
  });
}

/** How long a client is told to wait after TMDB did not answer for a title not stored yet. */
const TMDB_RETRY_AFTER_SECONDS = 30;

const tmdbUnavailable = (
  message = "TMDB did not answer, and movierec has not stored this title yet: try again in a minute.",
  retryAfterSeconds = TMDB_RETRY_AFTER_SECONDS,
) => {
  const error = new AppError("TMDB_UNAVAILABLE", message);
  error.extensions.retryAfterSeconds = retryAfterSeconds;
  return error;
};

/** TMDB answered for a title not stored, in a shape movierec cannot read (enrichment.service.ts remembers it for a while). */
const tmdbUnreadable = (retryAfterSeconds = UNREADABLE_SECONDS) =>
  tmdbUnavailable("TMDB's answer for this title could not be read, and movierec has not stored it yet: try again in a few minutes.", retryAfterSeconds);

/**
 * A title by id: from the cache, else from TMDB (written to the cache), within the caller's
 * budget of TMDB fallbacks when `ctx` is a request's (tmdb-fallbacks.ts). NOT_FOUND for an id TMDB
 * does not know, without asking it again for a day; TMDB_UNAVAILABLE when TMDB did not answer for a
 * title not stored yet (not NOT_FOUND: the title may well exist), or answered in a shape we cannot
 * read (then not asked again for UNREADABLE_SECONDS).
 */
export async function getMedia(ctx: MediaReadDeps & Partial<FallbackDeps>, ref: MediaRef): Promise<MediaCache> {
  assertTmdbId(ref.tmdbId);
  const key = mediaKey(ref);
  const missing = () => notFound(`No ${ref.mediaType === "MOVIE" ? "movie" : "TV series"} with TMDB id ${ref.tmdbId}.`);
  const cached = await ctx.loaders.media.load(key);
  if (cached) return cached;
  const known = await ctx.enrichment.knownOutcome(key);
  if (known.missing) throw missing();
  // The wait is what is left of the mark: TMDB is asked again once it has gone.
  if (known.unreadableForSeconds > 0) throw tmdbUnreadable(known.unreadableForSeconds);
  const wait = await takeFallback(ctx);
  if (wait > 0) throw fallbacksSpent(wait);
  const row = await ctx.enrichment.fetchDetails(key).catch((error: unknown) => {
    if (error instanceof TmdbError) throw givenAgain(error) ? tmdbUnreadable() : tmdbUnavailable();
    throw error;
  });
  if (!row) throw missing();
  return row;
}

export interface SearchInput {
  query: string;
  mediaType: MediaType | null;
  offset: number;
  size: number;
}

/**
 * The API process's in-memory catalogue (recommendations/serving/recommendation-serving.ts): title
 * search over every cached title (media/title-search.ts), and media rows kept while unchanged.
 */
export interface CatalogueReadDeps {
  catalogue: {
    searchTitles(query: string, options: { mediaType: MediaKind | null; offset: number; limit: number; fresh?: boolean }): Promise<string[]>;
    /** Whether the index, as of its last check, holds every one of these titles. */
    holds(keys: readonly string[]): boolean;
    /** Rows by key as of the catalogue's latest check (null: not cached), without reading Postgres for rows it holds unchanged. */
    currentRows(keys: readonly string[]): Promise<Array<MediaCache | null>>;
  };
}

/** `fresh`: after writing TMDB's answer to the cache, so the index includes it. */
function searchCache(ctx: CatalogueReadDeps, input: SearchInput, query: string, fresh = false): Promise<string[]> {
  const mediaType = input.mediaType ? toMediaKind(input.mediaType) : null;
  return ctx.catalogue.searchTitles(query, { mediaType, offset: input.offset, limit: input.size + 1, fresh });
}

/** Titles whose title matches `query`, best match first. Returns up to size + 1 rows. */
export async function searchMedia(ctx: FallbackDeps & TmdbIntoCacheDeps & CatalogueReadDeps, input: SearchInput): Promise<MediaCache[]> {
  const query = input.query.trim();
  if (query.length < 1 || query.length > 100) throw badInput("query must be 1 to 100 characters.", { argument: "query" });
  let hits = await searchCache(ctx, input, query);
  const askKey = `search:${query.toLowerCase()}`;
  if (input.offset === 0 && hits.length < input.size && (await firstAskInAWhile(ctx, askKey))) {
    // The cache does not know every title: ask TMDB once and keep what it finds. With some matches
    // already in hand the answer waits for TMDB only briefly; a slower answer still lands in the
    // cache for the next search.
    // (it may outlive this request, so no error of it may go unhandled)
    const fallback = searchIntoCache(ctx, query)
      .then(async (found) => {
        // TMDB did not answer: asked again a minute later rather than an hour later.
        if (!found.answered) await askAgainSoon(ctx, askKey);
        return found;
      })
      .catch((error) => {
        ctx.logger.error({ err: error }, "search: TMDB fallback failed; serving the cache's matches");
        return undefined;
      });
    const found = hits.length ? await withinMs(fallback, SEARCH_FALLBACK_WAIT_MS) : await fallback;
    // Titles the index already holds were already searched: the answer stands, and their rows'
    // refresh lands meanwhile (a changed title text reaches the index at its next regular check).
    // Only a title new to the cache is worth the two round trips of waiting for its write and
    // reading the catalogue afresh.
    if (found?.keys.length && !ctx.catalogue.holds(found.keys) && (await found.written)) hits = await searchCache(ctx, input, query, true);
  }
  return presentRows(ctx, hits);
}

/** The orders browse offers: the one list (the GraphQL enum BrowseSort is registered from it). */
export const BROWSE_SORTS = {
  POPULARITY: "Most popular first.",
  RATING: "Best rated first, among titles with at least 50 votes.",
  NEWEST: "Newest release first.",
  OLDEST: "Oldest release first.",
  TITLE: "By title, A to Z.",
} as const;

export type BrowseSort = keyof typeof BROWSE_SORTS;

export interface BrowseInput {
  mediaType: MediaType;
  genreIds: number[];
  yearFrom: number | null;
  yearTo: number | null;
  language: string | null;
  minRating: number | null;
  /** "Available to me": keys like "US:8" (watch-providers/available-to-me.ts); empty keeps every title. */
  streamingOn: string[];
  sort: BrowseSort;
  offset: number;
  size: number;
}

/** Ratings from a handful of votes are noise: the rating sort needs this many. */
const RATING_SORT_MIN_VOTES = 50;

function browseWhere(input: BrowseInput): Prisma.MediaCacheWhereInput {
  return {
    mediaType: input.mediaType,
    adult: false,
    ...(input.genreIds.length ? { genreIds: { hasEvery: input.genreIds } } : {}),
    ...(input.yearFrom || input.yearTo
      ? {
          releaseDate: {
            ...(input.yearFrom ? { gte: new Date(Date.UTC(input.yearFrom, 0, 1)) } : {}),
            ...(input.yearTo ? { lt: new Date(Date.UTC(input.yearTo + 1, 0, 1)) } : {}),
          },
        }
      : {}),
    ...(input.language ? { originalLanguage: input.language } : {}),
    ...(input.minRating !== null ? { voteAverage: { gte: input.minRating } } : {}),
    ...(input.streamingOn.length ? { streamingOn: { hasSome: input.streamingOn } } : {}),
    // With 50+ votes a title has a rating; saying so lets the walk use the rating index (nulls aside).
    ...(input.sort === "RATING" ? { voteCount: { gte: RATING_SORT_MIN_VOTES }, ...(input.minRating === null ? { voteAverage: { not: null } } : {}) } : {}),
  };
}

// Each order walks an index (schema.prisma, "Browse's orders") and stops at the page. NEWEST is
// not here: it walks the oldest-first index backwards (newestKeys).
const browseOrder: Record<Exclude<BrowseSort, "NEWEST">, Prisma.MediaCacheOrderByWithRelationInput[]> = {
  POPULARITY: [{ popularity: "desc" }, { tmdbId: "asc" }],
  RATING: [{ voteAverage: "desc" }, { voteCount: "desc" }, { tmdbId: "asc" }],
  OLDEST: [{ releaseDate: { sort: "asc", nulls: "last" } }, { tmdbId: "asc" }],
  TITLE: [{ title: "asc" }, { tmdbId: "asc" }],
};

type BrowseKey = { mediaType: MediaType; tmdbId: number };
const KEY_COLUMNS = { mediaType: true, tmdbId: true } as const;

/**
 * NEWEST: dated titles by release date, newest first, then undated ones; ties newest TMDB id first.
 * Each part is the oldest-first index (media_type, release_date, tmdb_id) walked backwards, which
 * stops at the page; `release_date DESC NULLS LAST` in one statement matches no index (Prisma cannot
 * declare a nulls-last descending one) and sorted every matching row: 18 ms a statement on 20,000
 * titles, the load bench's most expensive statement. The undated part is asked for only when a page
 * reaches past the dated titles (never with a year filter, which undated titles cannot pass).
 */
async function newestKeys(ctx: Pick<TmdbIntoCacheDeps, "prisma">, input: BrowseInput, where: Prisma.MediaCacheWhereInput): Promise<BrowseKey[]> {
  const want = input.size + 1;
  const datedWhere: Prisma.MediaCacheWhereInput = { AND: [where, { releaseDate: { not: null } }] };
  const newestFirst: Prisma.MediaCacheOrderByWithRelationInput[] = [{ releaseDate: "desc" }, { tmdbId: "desc" }];
  const dated = await ctx.prisma.mediaCache.findMany({ where: datedWhere, orderBy: newestFirst, skip: input.offset, take: want, select: KEY_COLUMNS });
  if (dated.length === want || input.yearFrom || input.yearTo) return dated;
  // How many dated titles precede the undated ones: known from this page unless it started past them all.
  const datedCount = dated.length ? input.offset + dated.length : await ctx.prisma.mediaCache.count({ where: datedWhere });
  const undated = await ctx.prisma.mediaCache.findMany({
    where: { AND: [where, { releaseDate: null }] },
    orderBy: [{ tmdbId: "desc" }],
    skip: Math.max(0, input.offset - datedCount),
    take: want - dated.length,
    select: KEY_COLUMNS,
  });
  return [...dated, ...undated];
}

const tmdbSort: Record<BrowseSort, (kind: MediaKind) => string> = {
  POPULARITY: () => "popularity.desc",
  RATING: () => "vote_average.desc",
  NEWEST: (kind) => (kind === "movie" ? "primary_release_date.desc" : "first_air_date.desc"),
  OLDEST: (kind) => (kind === "movie" ? "primary_release_date.asc" : "first_air_date.asc"),
  TITLE: () => "popularity.desc",
};

/**
 * A filter's years and genre ids as browse and recommendations take them (`argumentPrefix`: where
 * they sit in the arguments, e.g. "filter."): years 1874 (the first film) to five years ahead, in
 * order; genre ids positive integers.
 */
export function checkYearsAndGenres(input: { yearFrom: number | null; yearTo: number | null; genreIds: readonly number[] }, argumentPrefix = "") {
  const lastYear = new Date().getUTCFullYear() + 5;
  for (const [name, year] of [
    ["yearFrom", input.yearFrom],
    ["yearTo", input.yearTo],
  ] as const) {
    if (year !== null && (!Number.isInteger(year) || year < 1874 || year > lastYear))
      throw badInput(`${name} must be a year between 1874 and ${lastYear}.`, { argument: `${argumentPrefix}${name}` });
  }
  if (input.yearFrom && input.yearTo && input.yearFrom > input.yearTo)
    throw badInput("yearFrom must not be after yearTo.", { argument: `${argumentPrefix}yearFrom` });
  if (input.genreIds.some((id) => !Number.isInteger(id) || id < 1))
    throw badInput("genreIds must be TMDB genre ids (positive integers; the genres query lists them).", { argument: `${argumentPrefix}genreIds` });
}

function validateBrowse(input: BrowseInput) {
  checkYearsAndGenres(input);
  if (input.minRating !== null && !(input.minRating >= 0 && input.minRating <= 10))
    throw badInput("minRating must be between 0 and 10.", { argument: "minRating" });
  if (input.language !== null && !/^[a-z]{2}$/.test(input.language))
    throw badInput('language must be an ISO 639-1 code such as "en" or "ko".', { argument: "language" });
  if (input.genreIds.length > 10 || input.genreIds.some((id) => !Number.isInteger(id) || id < 1))
    throw badInput("genreIds must be at most 10 TMDB genre ids.", { argument: "genreIds" });
}

/** Rows of these keys in their order (titles not cached dropped), from the in-memory catalogue where it holds them unchanged. */
async function presentRows(ctx: CatalogueReadDeps, keys: readonly string[]): Promise<MediaCache[]> {
  return (await ctx.catalogue.currentRows(keys)).filter((row): row is MediaCache => row !== null);
}

/** Browse by type, genres, years, language and rating. Returns up to size + 1 rows. */
export async function browseMedia(ctx: FallbackDeps & TmdbIntoCacheDeps & CatalogueReadDeps, input: BrowseInput): Promise<MediaCache[]> {
  validateBrowse(input);
  // Postgres orders and pages (by the indexes for each sort); the page's rows come from the
  // in-memory catalogue, which holds the popular ones already (whole rows through Prisma were most
  // of a browse's CPU).
  const query = async () => {
    const where = browseWhere(input);
    const found =
      input.sort === "NEWEST"
        ? await newestKeys(ctx, input, where)
        : await ctx.prisma.mediaCache.findMany({ where, orderBy: browseOrder[input.sort], skip: input.offset, take: input.size + 1, select: KEY_COLUMNS });
    return presentRows(ctx, found.map(mediaKey));
  };
  let rows = await query();
  const fallbackKey = `browse:${JSON.stringify({ ...input, offset: undefined, size: undefined })}`;
  // Discover's list items carry no providers: with "available to me" none of them could pass.
  if (input.offset === 0 && rows.length <= input.size && !input.streamingOn.length && (await firstAskInAWhile(ctx, fallbackKey))) {
    const kind = toMediaKind(input.mediaType);
    const dateField = releaseDateField(kind);
    const written = await discoverIntoCache(ctx, {
      kind,
      purpose: "browse",
      query: {
        with_genres: input.genreIds.join(",") || undefined,
        [`${dateField}.gte`]: input.yearFrom ? `${input.yearFrom}-01-01` : undefined,
        [`${dateField}.lte`]: input.yearTo ? `${input.yearTo}-12-31` : undefined,
        with_original_language: input.language ?? undefined,
        "vote_average.gte": input.minRating ?? undefined,
        "vote_count.gte": input.sort === "RATING" ? RATING_SORT_MIN_VOTES : undefined,
        sort_by: tmdbSort[input.sort](kind),
        include_adult: false,
      },
    });
    if (written === null) await askAgainSoon(ctx, fallbackKey);
    else if (written) rows = await query();
  }
  return rows;
}
