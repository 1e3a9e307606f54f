// Recommendations (ARCHITECTURE.md flow 1): read the caller's own interactions as they are now,
// score what the trained item-to-item model says about them (collaborative.ts, the neighbour lists
// of model/), and build a bounded candidate pool in SQL from those titles plus content pools (genre
// overlap via the GIN index, shared people, popular and top-rated titles), with every hard filter
// and exclusion applied in SQL; then score, diversify and explain in TypeScript (ranking.ts). When
// the cache yields too few, TMDB discover is asked for the caller's genres and what it returns is
// written to MediaCache and used. A ranking is reused from Redis until the caller's taste changes
// (recommendation.cache.ts); it never depends on the page size, so any page is a slice of one list.
import { Prisma, type MediaCache } from "../../generated/prisma/client.ts";
import type { MediaType } from "../../generated/prisma/enums.ts";
import { badInput } from "../../errors.ts";
import type { GraphQLContext } from "../../graphql/context.ts";
import { TmdbError } from "../../tmdb/index.ts";
import { listItem, upsertListItems } from "../media/media-cache.writer.ts";
import { mediaKey, parseMediaKey, toTmdbKind } from "../media/media-key.ts";
import { firstAskInAWhile } from "../media/media.service.ts";
import { getPreferences } from "../preferences/preference.service.ts";
import { rankRecommendations } from "./ranking.ts";
import type { CandidateSource, CandidateTitle, SeedTitle, TasteProfile } from "./ranking.types.ts";
import { bestCollaborativeKeys, collaborativeScores } from "./collaborative.ts";
import { interactionWeight } from "./interaction-weights.ts";
import { LIVE_MODEL_VERSION_SQL, liveNeighbours } from "./model/item-model.store.ts";
import { rankingField, readRanking, storeRanking, type CachedRanking } from "./recommendation.cache.ts";

/** Per-pool bounds: the pool stays a few hundred titles whatever the cache size. */
const POOL_LIMITS = { genre: 300, topRated: 150, people: 200, collaborative: 300, popular: 150 } as const;
/** The caller's most recent titles that count as seeds (content and collaborative). */
const MAX_SEEDS = 200;
/**
 * Fewer candidates than this after the SQL pools asks TMDB discover for more. A constant, not the
 * page's depth, so that the list does not depend on how deep a page reaches.
 */
const DISCOVER_WHEN_FEWER_THAN = 100;
const MAX_OFFSET = 500;
/** A fresh ranking goes at least this deep, so the next pages are served from the same stored list. */
const RANKED_AT_LEAST = 60;

export interface RecommendationRequest {
  userId: string;
  offset: number;
  size: number;
  filter: {
    mediaType: MediaType | null;
    genreIds: number[];
    yearFrom: number | null;
    yearTo: number | null;
    minRating: number | null;
    maxRuntime: number | null;
    languages: string[];
  };
}

interface HardFilters {
  mediaTypes: MediaType[];
  languages: string[];
  yearFrom: number | null;
  yearTo: number | null;
  maxRuntime: number | null;
  minRating: number | null;
  includeAdult: boolean;
  dislikedGenreIds: number[];
  anyOfGenreIds: number[];
}

const dbType = (type: MediaType) => (type === "MOVIE" ? "movie" : "tv");

/** The WHERE fragment every pool shares: hard filters and the caller's exclusions. */
function poolFilter(userId: string, filters: HardFilters): Prisma.Sql {
  // Anything the caller already did with a title (favourite, watchlist, watched, rated, dismissed) rules it out.
  const parts: Prisma.Sql[] = [
    Prisma.sql`NOT EXISTS (SELECT 1 FROM interaction x WHERE x.user_id = ${userId}::uuid AND x.media_type = m.media_type AND x.tmdb_id = m.tmdb_id)`,
  ];
  if (!filters.includeAdult) parts.push(Prisma.sql`NOT m.adult`);
  if (filters.mediaTypes.length) parts.push(Prisma.sql`m.media_type = ANY(${filters.mediaTypes.map(dbType)}::media_type[])`);
  if (filters.languages.length) parts.push(Prisma.sql`m.original_language = ANY(${filters.languages}::text[])`);
  if (filters.yearFrom) parts.push(Prisma.sql`m.release_date >= make_date(${filters.yearFrom}, 1, 1)`);
  if (filters.yearTo) parts.push(Prisma.sql`m.release_date < make_date(${filters.yearTo + 1}, 1, 1)`);
  if (filters.maxRuntime) parts.push(Prisma.sql`(m.runtime IS NULL OR m.runtime <= ${filters.maxRuntime})`);
  if (filters.minRating !== null) parts.push(Prisma.sql`m.vote_average >= ${filters.minRating}`);
  if (filters.dislikedGenreIds.length) parts.push(Prisma.sql`NOT (m.genre_ids && ${filters.dislikedGenreIds}::int[])`);
  if (filters.anyOfGenreIds.length) parts.push(Prisma.sql`m.genre_ids && ${filters.anyOfGenreIds}::int[]`);
  return Prisma.join(parts, " AND ");
}

interface PoolInput {
  userId: string;
  filters: HardFilters;
  genreIds: number[];
  castIds: number[];
  directorIds: number[];
  /** The titles the trained model scores best for the caller (collaborative.ts), best first. */
  collaborativeKeys: string[];
}

/** The one statement that builds the candidate pool (the benchmarks time it alone as the floor). */
function candidatePoolSql(input: PoolInput): Prisma.Sql {
  const where = poolFilter(input.userId, input.filters);
  const pools: Prisma.Sql[] = [
    Prisma.sql`(SELECT m.media_type, m.tmdb_id, 'popular' AS source FROM media_cache m WHERE ${where} ORDER BY m.popularity DESC, m.tmdb_id LIMIT ${POOL_LIMITS.popular})`,
  ];
  if (input.genreIds.length) {
    pools.push(Prisma.sql`(SELECT m.media_type, m.tmdb_id, 'genre' FROM media_cache m WHERE m.genre_ids && ${input.genreIds}::int[] AND ${where} ORDER BY m.popularity DESC, m.tmdb_id LIMIT ${POOL_LIMITS.genre})`);
    pools.push(
      Prisma.sql`(SELECT m.media_type, m.tmdb_id, 'top-rated' FROM media_cache m WHERE m.genre_ids && ${input.genreIds}::int[] AND m.vote_count >= 100 AND ${where} ORDER BY m.vote_average DESC, m.tmdb_id LIMIT ${POOL_LIMITS.topRated})`,
    );
  } else {
    pools.push(Prisma.sql`(SELECT m.media_type, m.tmdb_id, 'top-rated' FROM media_cache m WHERE m.vote_count >= 100 AND ${where} ORDER BY m.vote_average DESC, m.tmdb_id LIMIT ${POOL_LIMITS.topRated})`);
  }
  if (input.castIds.length || input.directorIds.length) {
    pools.push(
      Prisma.sql`(SELECT m.media_type, m.tmdb_id, 'people' FROM media_cache m WHERE (m.cast_ids && ${input.castIds}::int[] OR m.director_ids && ${input.directorIds}::int[]) AND ${where} ORDER BY m.popularity DESC, m.tmdb_id LIMIT ${POOL_LIMITS.people})`,
    );
  }
  if (input.collaborativeKeys.length) {
    const keys = JSON.stringify(input.collaborativeKeys.map(parseMediaKey).map((ref) => ({ type: toTmdbKind(ref.mediaType), id: ref.tmdbId })));
    pools.push(Prisma.sql`(SELECT m.media_type, m.tmdb_id, 'collaborative'
        FROM jsonb_to_recordset(${keys}::jsonb) AS k(type text, id int)
        JOIN media_cache m ON m.media_type = k.type::media_type AND m.tmdb_id = k.id
       WHERE ${where})`);
  }
  // Only what ranking reads (and whether the live model knows each title): the page's
  // titles are loaded whole afterwards, 20 rows instead of ~1,000.
  // LATERAL keeps the lookup by primary key: joining the pool to media_cache let the planner, which
  // cannot estimate the pool's size, hash the whole table instead.
  return Prisma.sql`
    WITH pool AS (${Prisma.join(pools, " UNION ALL ")}),
         keys AS (SELECT media_type, tmdb_id, array_agg(DISTINCT source) AS sources FROM pool GROUP BY 1, 2)
    SELECT m.media_type, m.tmdb_id, m.title, m.genre_ids, m.cast_ids, m.director_ids, m.keyword_ids, m.original_language,
           m.release_date, m.popularity, m.vote_average, m.vote_count, m.runtime, keys.sources,
           EXISTS (SELECT 1 FROM item_neighbours n
                    WHERE n.model_version = ${Prisma.raw(LIVE_MODEL_VERSION_SQL)} AND n.media_type = m.media_type AND n.tmdb_id = m.tmdb_id) AS in_model
      FROM keys CROSS JOIN LATERAL (SELECT * FROM media_cache m WHERE m.media_type = keys.media_type AND m.tmdb_id = keys.tmdb_id) m`;
}

/** A candidate-pool row (column names) as ranking input. */
function toCandidate(row: Record<string, unknown>): CandidateTitle {
  const mediaType = row.media_type === "movie" ? "movie" : "tv";
  const releaseDate = row.release_date as Date | null;
  return {
    key: `${mediaType}:${row.tmdb_id as number}`,
    mediaType,
    tmdbId: row.tmdb_id as number,
    title: row.title as string,
    genreIds: row.genre_ids as number[],
    castIds: row.cast_ids as number[],
    directorIds: row.director_ids as number[],
    keywordIds: row.keyword_ids as number[],
    originalLanguage: row.original_language as string,
    releaseYear: releaseDate ? releaseDate.getUTCFullYear() : null,
    popularity: row.popularity as number,
    voteAverage: row.vote_average as number | null,
    voteCount: row.vote_count as number | null,
    runtime: row.runtime as number | null,
    sources: row.sources as CandidateSource[],
    inModel: row.in_model as boolean,
  };
}

function validateRequest(request: RecommendationRequest) {
  if (request.offset > MAX_OFFSET) throw badInput(`Recommendations go ${MAX_OFFSET} deep; after is past that.`, { argument: "after" });
  const { filter } = request;
  if (filter.yearFrom && filter.yearTo && filter.yearFrom > filter.yearTo) throw badInput("yearFrom must not be after yearTo.", { argument: "filter.yearFrom" });
  if (filter.minRating !== null && !(filter.minRating >= 0 && filter.minRating <= 10)) throw badInput("minRating must be between 0 and 10.", { argument: "filter.minRating" });
  if (filter.maxRuntime !== null && !(filter.maxRuntime >= 1 && filter.maxRuntime <= 1000)) throw badInput("maxRuntime must be 1 to 1000 minutes.", { argument: "filter.maxRuntime" });
  if (filter.languages.some((language) => !/^[a-z]{2}$/.test(language))) throw badInput('languages must be ISO 639-1 codes such as "en".', { argument: "filter.languages" });
  if (filter.genreIds.length > 20) throw badInput("At most 20 genreIds.", { argument: "filter.genreIds" });
}

/**
 * The caller's seeds: their most recent titles with a positive interaction, each weighted by its
 * strongest kind (interaction-weights.ts) and dated by its latest one.
 */
async function loadSeeds(ctx: GraphQLContext, userId: string): Promise<SeedTitle[]> {
  const rows = await ctx.prisma.interaction.findMany({
    where: { userId, kind: { not: "DISMISSED" } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: MAX_SEEDS * 3,
    select: { mediaType: true, tmdbId: true, kind: true, rating: true, createdAt: true },
  });
  const strongest = new Map<string, { weight: number; addedAt: Date }>();
  for (const row of rows) {
    const weight = interactionWeight(row.kind, row.rating);
    const key = mediaKey(row);
    const seen = strongest.get(key);
    if (weight > 0 && (!seen || weight > seen.weight)) strongest.set(key, { weight, addedAt: seen?.addedAt ?? row.createdAt });
  }
  const keys = [...strongest.keys()].slice(0, MAX_SEEDS);
  const media = await ctx.loaders.media.loadMany(keys);
  return keys.flatMap((key, index) => {
    const row = media[index];
    if (!row || row instanceof Error) return [];
    return [{ ...toRankingTitle(row), ...strongest.get(key)! }];
  });
}

/** A cached title as the ranking sees it. */
function toRankingTitle(media: MediaCache) {
  return {
    key: mediaKey(media),
    mediaType: toTmdbKind(media.mediaType),
    tmdbId: media.tmdbId,
    title: media.title,
    genreIds: media.genreIds,
    castIds: media.castIds,
    directorIds: media.directorIds,
    keywordIds: media.keywordIds,
    originalLanguage: media.originalLanguage,
    releaseYear: media.releaseDate ? media.releaseDate.getUTCFullYear() : null,
  };
}

/** What the caller's taste and filters make of a request: seeds, neighbour lists, hard filters and the pools' inputs. */
async function planRecommendations(ctx: GraphQLContext, request: RecommendationRequest) {
  const { userId } = request;
  const [preferences, seeds] = await Promise.all([getPreferences(ctx.prisma, { userId }), loadSeeds(ctx, userId)]);
  const neighbours = await liveNeighbours(ctx, seeds.map((seed) => seed.key));

  const filters: HardFilters = {
    mediaTypes: request.filter.mediaType ? [request.filter.mediaType] : preferences.mediaTypes,
    languages: request.filter.languages.length ? request.filter.languages : preferences.languages,
    yearFrom: request.filter.yearFrom ?? preferences.yearFrom,
    yearTo: request.filter.yearTo ?? preferences.yearTo,
    maxRuntime: request.filter.maxRuntime ?? preferences.maxRuntime,
    minRating: request.filter.minRating ?? preferences.minRating,
    includeAdult: preferences.includeAdult,
    dislikedGenreIds: preferences.dislikedGenreIds,
    anyOfGenreIds: request.filter.genreIds,
  };

  // Genres and people that recur across the seeds steer the pools.
  const tally = (lists: number[][]) => {
    const counts = new Map<number, number>();
    for (const list of lists) for (const id of list) counts.set(id, (counts.get(id) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1]).map(([id]) => id);
  };
  const poolGenres = [...new Set([...preferences.likedGenreIds, ...tally(seeds.map((seed) => seed.genreIds)).slice(0, 4)])].filter((id) => !filters.dislikedGenreIds.includes(id));
  const castIds = tally(seeds.map((seed) => seed.castIds.slice(0, 8))).slice(0, 60);
  const directorIds = tally(seeds.map((seed) => seed.directorIds)).slice(0, 30);
  const collaborativeKeys = bestCollaborativeKeys(collaborativeScores(seeds, neighbours), POOL_LIMITS.collaborative);
  return { preferences, seeds, neighbours, filters, pool: { userId, filters, genreIds: poolGenres, castIds, directorIds, collaborativeKeys } satisfies PoolInput };
}

/** The candidate-pool statement a request would run, for measuring it alone (bench/). */
export async function candidatePoolQuery(ctx: GraphQLContext, request: RecommendationRequest): Promise<Prisma.Sql> {
  validateRequest(request);
  return candidatePoolSql((await planRecommendations(ctx, request)).pool);
}

/**
 * The caller's ranked recommendations from `request.offset` on (at most `size + 1`, so the caller
 * can tell whether there is a next page): reused from Redis while their taste is unchanged.
 */
export async function recommend(ctx: GraphQLContext, request: RecommendationRequest): Promise<CachedRanking> {
  validateRequest(request);
  const wanted = request.offset + request.size + 1;
  // One list per filter: a page is a slice of it, so a stored list serves any page it reaches
  // (or all pages, when it holds every candidate there was).
  const field = rankingField({ filter: request.filter });
  const cached = await readRanking(ctx, request.userId, field);
  const reusable = cached.hit && (cached.hit.items.length >= wanted || cached.hit.complete) ? cached.hit : undefined;
  const ranking = reusable ?? (await rank(ctx, request, Math.max(wanted, RANKED_AT_LEAST)));
  if (!reusable && cached.version !== undefined) storeRanking(ctx, request.userId, field, cached.version, ranking);
  return { items: ranking.items.slice(request.offset), coldStart: ranking.coldStart, complete: ranking.complete };
}

async function rank(ctx: GraphQLContext, request: RecommendationRequest, depth: number): Promise<CachedRanking> {
  const { preferences, seeds, neighbours, filters, pool: poolInput } = await planRecommendations(ctx, request);
  const { castIds, directorIds } = poolInput;

  const loadPool = async () => ctx.prisma.$queryRaw<Array<Record<string, unknown>>>(candidatePoolSql(poolInput));
  // Everything that does not depend on the pool's answer is asked at the same time.
  let [pool, genreNames, people] = await Promise.all([
    loadPool(),
    ctx.genres.allGenres(),
    ctx.prisma.person.findMany({ where: { id: { in: [...castIds, ...directorIds] } }, select: { id: true, name: true } }),
  ]);
  if (pool.length < DISCOVER_WHEN_FEWER_THAN && (await discoverFallback(ctx, { filters, genreIds: poolInput.genreIds }))) pool = await loadPool();
  const profile: TasteProfile = {
    likedGenreIds: preferences.likedGenreIds,
    dislikedGenreIds: preferences.dislikedGenreIds,
    languages: preferences.languages,
    yearFrom: preferences.yearFrom,
    yearTo: preferences.yearTo,
    seeds,
  };
  const ranked = rankRecommendations({
    profile,
    candidates: pool.map(toCandidate),
    neighbours,
    genreNames,
    personNames: new Map(people.map((person) => [person.id, person.name])),
    now: new Date(),
    limit: depth,
  });
  return { items: ranked.map((item) => ({ key: item.candidate.key, score: item.score, reasons: item.reasons })), coldStart: seeds.length === 0, complete: ranked.length < depth };
}

/** Asks TMDB discover for the caller's genres (within their filters) and caches what it finds. */
async function discoverFallback(ctx: GraphQLContext, input: { filters: HardFilters; genreIds: number[] }): Promise<boolean> {
  const types: MediaType[] = input.filters.mediaTypes.length ? input.filters.mediaTypes : ["MOVIE", "TV"];
  let written = 0;
  for (const type of types) {
    const kind = toTmdbKind(type);
    const dateField = kind === "movie" ? "primary_release_date" : "first_air_date";
    const query = {
      with_genres: input.genreIds.join("|") || undefined,
      without_genres: input.filters.dislikedGenreIds.join(",") || undefined,
      with_original_language: input.filters.languages.join("|") || undefined,
      [`${dateField}.gte`]: input.filters.yearFrom ? `${input.filters.yearFrom}-01-01` : undefined,
      [`${dateField}.lte`]: input.filters.yearTo ? `${input.filters.yearTo}-12-31` : undefined,
      "vote_average.gte": input.filters.minRating ?? undefined,
      "with_runtime.lte": input.filters.maxRuntime ?? undefined,
      include_adult: input.filters.includeAdult,
      sort_by: "popularity.desc",
    };
    if (!(await firstAskInAWhile(ctx, `recommendations:${kind}:${JSON.stringify(query)}`))) continue;
    try {
      const page = await ctx.tmdb.discover({ mediaType: kind, page: 1, query });
      const items = page.results.map((item) => (kind === "movie" ? listItem("movie", item as never) : listItem("tv", item as never)));
      written += await upsertListItems(ctx.prisma, items, `discover/${kind}`);
    } catch (error) {
      if (!(error instanceof TmdbError)) throw error;
      ctx.logger.warn({ err: error.message }, "recommendations: TMDB discover fallback unavailable");
    }
  }
  return written > 0;
}
