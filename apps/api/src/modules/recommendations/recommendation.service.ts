// Recommendations (docs/recommendations.md): read the caller's own interactions as they are now,
// score what the trained item-to-item model says about them (collaborative.ts, the neighbour lists
// of model/), and build a bounded candidate pool from those titles plus content pools (shared
// genres, shared people, popular and top-rated titles) with every hard filter and exclusion applied,
// from the catalogue this process holds in memory (serving/); then score, diversify and explain
// (ranking/). When the cache yields too few, TMDB discover is asked for the caller's genres and
// what it returns is written to MediaCache and used. A ranking is reused from Redis until the
// caller's taste changes (recommendation.cache.ts); it never depends on the page size, so any page
// is a slice of one list.
import type { InteractionKind, MediaType } from "../../generated/prisma/enums.ts";
import { badInput } from "../../errors.ts";
import type { AppServices } from "../../app-services.ts";
import { discoverIntoCache, releaseDateField } from "../media/tmdb-into-cache.ts";
import { toMediaKind, type MediaKind } from "../../media-kind.ts";
import { checkYearsAndGenres } from "../media/media.service.ts";
import { firstAskInAWhile, askAgainSoon } from "../media/tmdb-fallbacks.ts";
import { getPreferences } from "../preferences/preference.service.ts";
import { availableToMeKeys } from "../watch-providers/available-to-me.ts";
import { rankRecommendations } from "./ranking/rank.ts";
import { collaborativeEvidence } from "./ranking/taste-profile.ts";
import type { SeedTitle, TasteProfile } from "./ranking/types.ts";
import { MAX_SEEDS } from "./ranking/weights.ts";
import { bestCollaborativeKeys } from "./collaborative.ts";
import { interactionWeight } from "./interaction-weights.ts";
import { POOL_LIMITS, seedOf, type CatalogueTitle, type HardFilters, type PoolInput } from "./serving/catalogue-index.ts";
import type { ServingSnapshot } from "./serving/recommendation-serving.ts";
import { rankingField, readRanking, storeRanking, type CachedRanking } from "./recommendation.cache.ts";

/**
 * Fewer candidates than this in the pools asks TMDB discover for more. A constant, not the page's
 * depth, so that the list does not depend on how deep a page reaches.
 */
const DISCOVER_WHEN_FEWER_THAN = 100;
/** How deep recommendations page: `after` past this is refused, and the page that reaches it says there is no next. */
export const RECOMMENDATIONS_DEPTH = 500;

/**
 * Whether a page of `size` at `offset`, for which `fetched` titles were ranked (size + 1 asked), has a
 * next page whose cursor will be taken: not past RECOMMENDATIONS_DEPTH, or a client that follows
 * pageInfo would be refused.
 */
export function hasNextRecommendationPage({ offset, size, fetched }: { offset: number; size: number; fetched: number }): boolean {
  return fetched > size && offset + size <= RECOMMENDATIONS_DEPTH;
}
/** A fresh ranking goes at least this deep, so the next pages are served from the same stored list. */
const RANKED_AT_LEAST = 60;

/** What ranking needs: Postgres, Redis (stored rankings, fallback bookkeeping), TMDB, genre names and the serving index. */
export type RecommendationDeps = Pick<AppServices, "prisma" | "redis" | "config" | "logger" | "tmdb" | "genres" | "recommendationServing">;

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
    /** Only titles streamed on the caller's services in their region (preferences). */
    availableToMe: boolean;
  };
}

function validateRequest(request: RecommendationRequest) {
  if (request.offset > RECOMMENDATIONS_DEPTH) throw badInput(`Recommendations go ${RECOMMENDATIONS_DEPTH} deep; after is past that.`, { argument: "after" });
  const { filter } = request;
  checkYearsAndGenres(filter, "filter.");
  if (filter.minRating !== null && !(filter.minRating >= 0 && filter.minRating <= 10))
    throw badInput("minRating must be between 0 and 10.", { argument: "filter.minRating" });
  if (filter.maxRuntime !== null && !(filter.maxRuntime >= 1 && filter.maxRuntime <= 1000))
    throw badInput("maxRuntime must be 1 to 1000 minutes.", { argument: "filter.maxRuntime" });
  if (filter.languages.some((language) => !/^[a-z]{2}$/.test(language)))
    throw badInput('languages must be ISO 639-1 codes such as "en".', { argument: "filter.languages" });
  if (filter.genreIds.length > 20) throw badInput("At most 20 genreIds.", { argument: "filter.genreIds" });
}

/**
 * The caller's interactions as they are now: every title they did something with (none is a
 * candidate), and their seeds, the most recent titles with a positive interaction, each weighted by
 * its strongest kind (interaction-weights.ts) and dated by its latest one.
 */
async function readTaste(ctx: RecommendationDeps, userId: string, serving: Promise<ServingSnapshot>): Promise<{ excluded: Set<string>; seeds: SeedTitle[] }> {
  // Asked while the serving index checks itself: both are needed, neither needs the other's answer.
  const [rows, { catalogue }] = await Promise.all([
    ctx.prisma.$queryRaw<Array<{ media_type: MediaKind; tmdb_id: number; kind: InteractionKind; rating: number | null; created_at: Date }>>`
      SELECT media_type::text AS media_type, tmdb_id, upper(kind::text) AS kind, rating, created_at
        FROM interaction WHERE user_id = ${userId}::uuid ORDER BY created_at DESC, id DESC`,
    serving,
  ]);
  const excluded = new Set<string>();
  const strongest = new Map<string, { weight: number; addedAt: Date; title: CatalogueTitle | undefined }>();
  for (const row of rows) {
    const title = catalogue.find(row.media_type, row.tmdb_id);
    const key = title?.key ?? `${row.media_type}:${row.tmdb_id}`;
    excluded.add(key);
    const weight = interactionWeight(row.kind, row.rating);
    const seen = strongest.get(key);
    if (weight > 0 && (!seen || weight > seen.weight)) strongest.set(key, { weight, addedAt: seen?.addedAt ?? row.created_at, title });
  }
  const seeds: SeedTitle[] = [];
  for (const { title, weight, addedAt } of strongest.values()) {
    if (seeds.length >= MAX_SEEDS) break;
    if (title) seeds.push(seedOf(title, weight, addedAt));
  }
  return { excluded, seeds };
}

/** What the caller's taste and filters make of a request: seeds, neighbour lists, hard filters and the pools' inputs. */
async function planRecommendations(ctx: RecommendationDeps, request: RecommendationRequest) {
  const { userId } = request;
  const snapshot = ctx.recommendationServing.snapshot();
  const [preferences, taste, serving] = await Promise.all([getPreferences(ctx, { userId }), readTaste(ctx, userId, snapshot), snapshot]);
  const { seeds, excluded } = taste;
  const neighbours = await serving.neighbours(seeds.map((seed) => seed.key));

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
    streamingOn: request.filter.availableToMe ? availableToMeKeys(preferences, "filter.availableToMe") : [],
  };

  // Genres and people that recur across the seeds steer the pools.
  const tally = (lists: number[][]) => {
    const counts = new Map<number, number>();
    for (const list of lists) for (const id of list) counts.set(id, (counts.get(id) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1]).map(([id]) => id);
  };
  const poolGenres = [...new Set([...preferences.likedGenreIds, ...tally(seeds.map((seed) => seed.genreIds)).slice(0, 4)])].filter(
    (id) => !filters.dislikedGenreIds.includes(id),
  );
  const castIds = tally(seeds.map((seed) => seed.castIds.slice(0, 8))).slice(0, 60);
  const directorIds = tally(seeds.map((seed) => seed.directorIds)).slice(0, 30);
  // What the model says about the seeds, once: the collaborative pool is built from it and the ranking reuses it.
  const now = new Date();
  const collaborative = collaborativeEvidence(seeds, neighbours, now, serving.modelIds);
  // Twice the pool's bound, so titles the caller already has or filters out leave room for the next best.
  const collaborativeKeys = bestCollaborativeKeys(collaborative, POOL_LIMITS.collaborative * 2);
  const pool: PoolInput = { filters, excluded, genreIds: poolGenres, castIds, directorIds, collaborativeKeys, inModel: serving.inModel };
  return { preferences, seeds, neighbours, collaborative, now, filters, pool, catalogue: serving.catalogue };
}

/**
 * The caller's ranked recommendations from `request.offset` on (at most `size + 1`, so the caller
 * can tell whether there is a next page): reused from Redis while their taste is unchanged.
 */
export async function recommend(ctx: RecommendationDeps, request: RecommendationRequest): Promise<CachedRanking> {
  validateRequest(request);
  const wanted = request.offset + request.size + 1;
  // One list per filter: a page is a slice of it, so a stored list serves any page it reaches
  // (or all pages, when it holds every candidate there was).
  const field = rankingField({ filter: request.filter });
  const cached = await readRanking(ctx, request.userId, field);
  const reusable = cached.hit && (cached.hit.items.length >= wanted || cached.hit.complete) ? cached.hit : undefined;
  // A ranking that cannot be stored (caching off, Redis not answering) goes only as deep as this page.
  const depth = cached.version === undefined ? wanted : Math.max(wanted, RANKED_AT_LEAST);
  const ranking = reusable ?? (await rank(ctx, request, depth));
  if (!reusable && cached.version !== undefined) storeRanking(ctx, request.userId, field, cached.version, ranking);
  return { items: ranking.items.slice(request.offset), coldStart: ranking.coldStart, complete: ranking.complete };
}

async function rank(ctx: RecommendationDeps, request: RecommendationRequest, depth: number): Promise<CachedRanking> {
  const { preferences, seeds, neighbours, collaborative, now, filters, pool: poolInput, catalogue } = await planRecommendations(ctx, request);
  const { castIds, directorIds } = poolInput;

  // The names reasons may use are asked for while the pool is built.
  const names = Promise.all([ctx.genres.allGenres(), ctx.recommendationServing.personNames([...castIds, ...directorIds])]);
  let pool = catalogue.candidatePool(poolInput);
  // Discover's list items carry no providers, so with "available to me" they could never pass.
  if (pool.length < DISCOVER_WHEN_FEWER_THAN && !filters.streamingOn.length && (await discoverFallback(ctx, { filters, genreIds: poolInput.genreIds }))) {
    // What discover wrote to the cache is in the next snapshot.
    const fresher = await ctx.recommendationServing.snapshot({ fresh: true });
    pool = fresher.catalogue.candidatePool({ ...poolInput, inModel: fresher.inModel });
  }
  const [genreNames, personNames] = await names;
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
    candidates: pool,
    neighbours,
    collaborative,
    genreNames,
    personNames,
    now,
    limit: depth,
  });
  return {
    items: ranked.map((item) => ({ key: item.candidate.key, score: item.score, reasons: item.reasons })),
    coldStart: seeds.length === 0,
    complete: ranked.length < depth,
  };
}

/** Asks TMDB discover for the caller's genres (within their filters) and caches what it finds. */
async function discoverFallback(ctx: RecommendationDeps, input: { filters: HardFilters; genreIds: number[] }): Promise<boolean> {
  const types: MediaType[] = input.filters.mediaTypes.length ? input.filters.mediaTypes : ["MOVIE", "TV"];
  let written = 0;
  for (const type of types) {
    const kind = toMediaKind(type);
    const dateField = releaseDateField(kind);
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
    const askKey = `recommendations:${kind}:${JSON.stringify(query)}`;
    if (!(await firstAskInAWhile(ctx, askKey))) continue;
    const found = await discoverIntoCache(ctx, { kind, query, purpose: "recommendations" });
    if (found === null) await askAgainSoon(ctx, askKey);
    written += found ?? 0;
  }
  return written > 0;
}
