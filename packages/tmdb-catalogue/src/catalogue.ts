// The catalogue: generated data plus lookups and the queries the HTTP routes need
// (ranked lists, trending, discover, search, similar, recommendations, people's credits).
// Query results are cached; everything is deterministic for a given (size, seed).
// How each query ranks lives under catalogue/:
//   catalogue/ordering.ts      sort_by comparators, top-k selection, movie/tv/person order
//   catalogue/trending.ts      trending scores
//   catalogue/search.ts        text normalization, matching and ranking
//   catalogue/similarity.ts    similar and recommended titles
//   catalogue/person-index.ts  every person's credits
//   catalogue/lru.ts           the bounded query caches
import * as D from "./data.ts";
import { discoverPredicates } from "./discover-filters.ts";
import { generateCatalogue } from "./generate.ts";
import { appendHostileTitles } from "./hostile.ts";
import { DEFAULT_SEED, DEFAULT_SIZE, TOP_RATED_MIN_VOTES } from "./model.ts";
import type { CatalogueMovie, CatalogueTitle, CatalogueTv, Collection, Company, Genre, Keyword, MediaType, Network, Person, TitleVideo } from "./model.ts";
import { hash32, unitHash } from "./random.ts";
import { type LackingFields, lacksPoster, lacksVotes } from "./catalogue/degraded-list-items.ts";
import { Lru } from "./catalogue/lru.ts";
import { type Comparator, cmpStr, moviesByCollection, titleComparator } from "./catalogue/ordering.ts";
import { type PersonCastCredit, type PersonCrewCredit, type PersonIndex, buildPersonIndex, creditsOfPerson, knownForTitles } from "./catalogue/person-index.ts";
import {
  type SearchHit,
  type SearchKeys,
  type SearchKind,
  type SearchOptions,
  buildSearchKeys,
  normalizeText,
  searchCacheKey,
  searchHits,
} from "./catalogue/search.ts";
import { type ScanData, buildScanData, overlapScores, recommendedTitles, similarTitles } from "./catalogue/similarity.ts";
import { type TrendingEntry, type TrendingMedia, type TrendingWindow, rankTrending } from "./catalogue/trending.ts";

export { normalizeText } from "./catalogue/search.ts";
export { LIST_POSTER_NULL_RATE, LIST_VOTES_ZERO_RATE } from "./catalogue/degraded-list-items.ts";
export type { LackingFields } from "./catalogue/degraded-list-items.ts";
export type { PersonCastCredit, PersonCrewCredit } from "./catalogue/person-index.ts";
export type { SearchHit, SearchKind, SearchOptions } from "./catalogue/search.ts";
export type { TrendingEntry, TrendingMedia, TrendingWindow } from "./catalogue/trending.ts";

export interface BuildCatalogueOptions {
  /** total titles (≈70% movies, 30% tv); default 5000 */
  size?: number;
  /** PRNG seed; default 42 */
  seed?: number;
  /** append the hostile titles of hostile.ts (markup, script, SQL-like and bidi text); default false */
  hostileTitles?: boolean;
  /**
   * At most this many of the movies are real films (the rest invented); default: as many as fit.
   * Real films carry only what movies.json says (no cast, overview or trailers), so a small
   * catalogue for tests of credits and enrichment keeps room for invented films beside them.
   */
  realFilms?: number;
}

function byId<T extends { id: number }>(items: readonly T[], id: number): T | undefined {
  // ids are strictly increasing with position for titles and people
  let lo = 0;
  let hi = items.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const item = items[mid] as T;
    if (item.id === id) return item;
    if (item.id < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

export class Catalogue {
  readonly size: number;
  readonly seed: number;
  /** ≈70% of size; the first ones are real films from vega-datasets' movies.json */
  readonly movies: readonly CatalogueMovie[];
  readonly tv: readonly CatalogueTv[];
  readonly people: readonly Person[];
  readonly keywords: readonly Keyword[];
  readonly companies: readonly Company[];
  readonly networks: readonly Network[];
  readonly collections: readonly Collection[];
  readonly movieGenres: readonly Genre[] = D.MOVIE_GENRES;
  readonly tvGenres: readonly Genre[] = D.TV_GENRES;
  /** milliseconds the generation took */
  readonly buildMs: number;

  private readonly keywordById: Map<number, Keyword>;
  private readonly companyById: Map<number, Company>;
  private readonly networkById: Map<number, Network>;
  private readonly collectionById: Map<number, Collection>;
  private readonly orderCache = new Map<string, readonly CatalogueTitle[]>();
  private readonly trendingCache = new Map<string, readonly TrendingEntry[]>();
  private readonly discoverCache = new Lru<string, readonly CatalogueTitle[]>(256);
  private readonly searchCache = new Lru<string, readonly SearchHit[]>(256);
  private readonly similarCache = new Lru<string, readonly CatalogueTitle[]>(512);
  private readonly recommendationCache = new Lru<string, readonly CatalogueTitle[]>(512);
  private searchKeys?: SearchKeys;
  private readonly scanCache = new Map<MediaType, ScanData>();
  private personIndex?: PersonIndex;
  private collectionMembers?: Map<number, CatalogueMovie[]>;
  private readonly videoSets = new Map<string, readonly TitleVideo[]>();

  constructor(size: number = DEFAULT_SIZE, seed: number = DEFAULT_SEED, options: { hostileTitles?: boolean; realFilms?: number } = {}) {
    if (!Number.isInteger(size) || size < 1 || size > 2_000_000) throw new RangeError(`catalogue size must be an integer from 1 to 2000000, got ${size}`);
    if (!Number.isInteger(seed)) throw new RangeError(`catalogue seed must be an integer, got ${seed}`);
    const started = performance.now();
    if (options.realFilms !== undefined && !(Number.isInteger(options.realFilms) && options.realFilms >= 0))
      throw new RangeError(`realFilms must be a whole number of films, got ${options.realFilms}`);
    const g = generateCatalogue(size, seed, options.realFilms);
    if (options.hostileTitles) appendHostileTitles(g);
    this.size = size;
    this.seed = seed;
    this.movies = g.movies;
    this.tv = g.tv;
    this.people = g.people;
    this.keywords = g.keywords;
    this.companies = g.companies;
    this.networks = g.networks;
    this.collections = g.collections;
    this.keywordById = new Map(g.keywords.map((k) => [k.id, k]));
    this.companyById = new Map(g.companies.map((c) => [c.id, c]));
    this.networkById = new Map(g.networks.map((n) => [n.id, n]));
    this.collectionById = new Map(g.collections.map((c) => [c.id, c]));
    this.buildMs = performance.now() - started;
  }

  // ------------------------------------------------------------------ lookups

  movie(id: number): CatalogueMovie | undefined {
    return byId(this.movies, id);
  }

  tvShow(id: number): CatalogueTv | undefined {
    return byId(this.tv, id);
  }

  title(type: MediaType, id: number): CatalogueTitle | undefined {
    return type === "movie" ? this.movie(id) : this.tvShow(id);
  }

  /**
   * A title's videos (trailers, teasers): none unless given with `setVideos` (tests, the control API).
   * The catalogue invents no video keys: a made-up YouTube key plays nothing, or someone else's video.
   */
  videos(type: MediaType, id: number): readonly TitleVideo[] {
    return this.videoSets.get(`${type}:${id}`) ?? [];
  }

  setVideos(type: MediaType, id: number, videos: readonly TitleVideo[]): void {
    if (!this.title(type, id)) throw new RangeError(`the catalogue has no ${type} ${id}`);
    this.videoSets.set(`${type}:${id}`, videos);
  }

  clearVideos(): void {
    this.videoSets.clear();
  }

  titles(type: MediaType): readonly CatalogueTitle[] {
    return type === "movie" ? this.movies : this.tv;
  }

  person(id: number): Person | undefined {
    return byId(this.people, id);
  }

  keyword(id: number): Keyword | undefined {
    return this.keywordById.get(id);
  }

  company(id: number): Company | undefined {
    return this.companyById.get(id);
  }

  network(id: number): Network | undefined {
    return this.networkById.get(id);
  }

  collection(id: number): Collection | undefined {
    return this.collectionById.get(id);
  }

  genres(type: MediaType): readonly Genre[] {
    return type === "movie" ? this.movieGenres : this.tvGenres;
  }

  genreName(type: MediaType, id: number): string {
    return this.genres(type).find((g) => g.id === id)?.name ?? "Unknown";
  }

  /** Movies in the same collection, by release date. */
  collectionParts(collectionId: number): readonly CatalogueMovie[] {
    this.collectionMembers ??= moviesByCollection(this.movies);
    return this.collectionMembers.get(collectionId) ?? [];
  }

  // ------------------------------------------------------------------ deliberately degraded list items

  /** True if this title's LIST items (popular, discover, search, …) carry `poster_path: null`. Its details still have a poster. */
  listItemLacksPoster(type: MediaType, id: number): boolean {
    return this.title(type, id) !== undefined && lacksPoster(this.seed, type, id);
  }

  /** True if this title's LIST items carry `vote_average: 0, vote_count: 0` although its details have votes. */
  listItemLacksVotes(type: MediaType, id: number): boolean {
    const t = this.title(type, id);
    return t !== undefined && lacksVotes(this.seed, type, t);
  }

  /** Every id of a type whose list items lack a poster / votes. */
  lackingFields(type: MediaType): LackingFields {
    const posterNull: number[] = [];
    const votesZero: number[] = [];
    for (const t of this.titles(type)) {
      if (this.listItemLacksPoster(type, t.id)) posterNull.push(t.id);
      if (this.listItemLacksVotes(type, t.id)) votesZero.push(t.id);
    }
    return { posterNull, votesZero };
  }

  // ------------------------------------------------------------------ ordered lists

  /** All titles of a type (adult included) in a TMDB sort_by order; unknown sorts fall back to popularity.desc. */
  sorted(type: MediaType, sortBy: string): readonly CatalogueTitle[] {
    const cmp = titleComparator(type, sortBy);
    const key = `${type}:${cmp ? sortBy : "popularity.desc"}`;
    let order = this.orderCache.get(key);
    if (!order) {
      order = [...this.titles(type)].sort(cmp ?? (titleComparator(type, "popularity.desc") as Comparator));
      this.orderCache.set(key, order);
    }
    return order;
  }

  /** /movie/popular, /tv/popular: by popularity, adult titles excluded. */
  popular(type: MediaType): readonly CatalogueTitle[] {
    const key = `${type}:popular`;
    let list = this.orderCache.get(key);
    if (!list) {
      list = this.sorted(type, "popularity.desc").filter((t) => !t.adult);
      this.orderCache.set(key, list);
    }
    return list;
  }

  /** /movie/top_rated, /tv/top_rated: vote_average desc among titles with ≥ TOP_RATED_MIN_VOTES votes. */
  topRated(type: MediaType): readonly CatalogueTitle[] {
    const key = `${type}:top_rated`;
    let list = this.orderCache.get(key);
    if (!list) {
      list = this.sorted(type, "vote_average.desc").filter((t) => !t.adult && t.voteCount >= TOP_RATED_MIN_VOTES);
      this.orderCache.set(key, list);
    }
    return list;
  }

  /** /trending/{media}/{window}: recency-boosted popularity with a per-window jitter; at most TRENDING_LIMIT entries. */
  trending(media: TrendingMedia, window: TrendingWindow): readonly TrendingEntry[] {
    const key = `${media}:${window}`;
    let list = this.trendingCache.get(key);
    if (!list) {
      list = rankTrending(this, media, window);
      this.trendingCache.set(key, list);
    }
    return list;
  }

  // ------------------------------------------------------------------ discover

  /**
   * /discover/movie and /discover/tv. Supports with_genres / without_genres (`,` = AND, `|` = OR),
   * with_keywords / without_keywords, with_cast / with_crew / with_people (movie), with_companies,
   * with_networks (tv), with_original_language, with_origin_country, date ranges and years,
   * vote_average.gte/lte, vote_count.gte/lte, with_runtime.gte/lte, certification(.lte/.gte) (movie, US),
   * with_status / with_type (tv), include_adult, sort_by. Filtering and sorting use the true values.
   */
  discover(type: MediaType, params: URLSearchParams): readonly CatalogueTitle[] {
    const entries = [...params.entries()]
      .filter(([k]) => k !== "page" && k !== "language" && k !== "api_key")
      .sort((a, b) => cmpStr(a[0], b[0]) || cmpStr(a[1], b[1]));
    const cacheKey = `${type}?${new URLSearchParams(entries).toString()}`;
    const cached = this.discoverCache.get(cacheKey);
    if (cached) return cached;

    const preds = discoverPredicates(type, params);

    const order = this.sorted(type, params.get("sort_by") ?? "popularity.desc");
    const result = preds.length === 0 ? order : order.filter((t) => preds.every((p) => p(t)));
    this.discoverCache.set(cacheKey, result);
    return result;
  }

  // ------------------------------------------------------------------ search

  /**
   * Case- and accent-insensitive match: every query word must occur in the title / original title
   * (or person name). Ranked: exact title match, then prefix match, then the rest; popularity desc within.
   */
  search(kind: SearchKind, query: string, options: SearchOptions = {}): readonly SearchHit[] {
    const q = normalizeText(query);
    if (q === "") return [];
    const cacheKey = searchCacheKey(kind, q, options);
    const cached = this.searchCache.get(cacheKey);
    if (cached) return cached;
    this.searchKeys ??= buildSearchKeys(this);
    const result = searchHits(this, this.searchKeys, kind, q, options);
    this.searchCache.set(cacheKey, result);
    return result;
  }

  // ------------------------------------------------------------------ similar / recommendations

  private overlapScores(t: CatalogueTitle, genreWeight: number, keywordWeight: number, languageWeight: number): Float64Array {
    let data = this.scanCache.get(t.mediaType);
    if (!data) {
      data = buildScanData(this.titles(t.mediaType), this.genres(t.mediaType), this.keywords);
      this.scanCache.set(t.mediaType, data);
    }
    return overlapScores(data, t, genreWeight, keywordWeight, languageWeight);
  }

  /** /{type}/{id}/similar: same type, sharing genres (required) and keywords; at most SIMILAR_LIMIT. */
  similar(t: CatalogueTitle): readonly CatalogueTitle[] {
    const key = `${t.mediaType}:${t.id}`;
    let list = this.similarCache.get(key);
    if (!list) {
      list = similarTitles(this.titles(t.mediaType), this.overlapScores(t, 2, 1.5, 0.5));
      this.similarCache.set(key, list);
    }
    return list;
  }

  /**
   * /{type}/{id}/recommendations: same type; shared people (top-billed cast, directors, creators) weigh most,
   * then the same collection, shared keywords and genres, and a little popularity. At most RECOMMENDATIONS_LIMIT.
   */
  recommendations(t: CatalogueTitle): readonly CatalogueTitle[] {
    const key = `${t.mediaType}:${t.id}`;
    let list = this.recommendationCache.get(key);
    if (!list) {
      const scores = this.overlapScores(t, 1, 1.5, 0.3);
      const keyPeople = this.keyPeople(t).flatMap((pid) => this.person(pid) ?? []);
      const collectionParts = t.mediaType === "movie" && t.collectionId !== null ? this.collectionParts(t.collectionId) : [];
      list = recommendedTitles(t, this.titles(t.mediaType), scores, { index: this.ensurePersonIndex(), keyPeople, collectionParts });
      this.recommendationCache.set(key, list);
    }
    return list;
  }

  /** Top-billed cast, directors (movies) and creators (tv). */
  keyPeople(t: CatalogueTitle): number[] {
    const ids = t.castIds.slice(0, 8);
    t.crewIds.forEach((id, k) => {
      if (t.crewJobs[k] === D.JOB_DIRECTOR && !ids.includes(id)) ids.push(id);
    });
    if (t.mediaType === "tv") for (const id of t.createdByIds) if (!ids.includes(id)) ids.push(id);
    return ids;
  }

  // ------------------------------------------------------------------ people

  private ensurePersonIndex(): PersonIndex {
    this.personIndex ??= buildPersonIndex(this);
    return this.personIndex;
  }

  /** Every cast and crew credit of a person. */
  personCredits(p: Person): { cast: PersonCastCredit[]; crew: PersonCrewCredit[] } {
    return creditsOfPerson(this.ensurePersonIndex(), this, p);
  }

  /** Up to 3 most popular non-adult titles the person is known for (acting credits for actors, crew otherwise). */
  knownFor(p: Person): CatalogueTitle[] {
    return knownForTitles(p, this.personCredits(p));
  }

  /** /person/popular: people by popularity. */
  popularPeople(): readonly Person[] {
    const key = "person:popular";
    let list = this.trendingCache.get(key) as readonly Person[] | undefined;
    if (!list) {
      list = [...this.people].sort((a, b) => b.popularity - a.popularity || a.id - b.id);
      this.trendingCache.set(key, list);
    }
    return list;
  }

  /** A stable per-entity number in [0, 1) for lazily derived details. */
  noise(...parts: ReadonlyArray<number | string>): number {
    return unitHash(this.seed, ...parts);
  }

  /** A stable 32-bit per-entity hash for lazily derived details. */
  hash(...parts: ReadonlyArray<number | string>): number {
    return hash32(this.seed, ...parts);
  }
}

/** Builds a catalogue (synchronously). The same size + seed always gives identical data. */
export function buildCatalogue(options: BuildCatalogueOptions = {}): Catalogue {
  return new Catalogue(options.size ?? DEFAULT_SIZE, options.seed ?? DEFAULT_SEED, { hostileTitles: options.hostileTitles, realFilms: options.realFilms });
}

export { parseIdExpression } from "./discover-filters.ts";
