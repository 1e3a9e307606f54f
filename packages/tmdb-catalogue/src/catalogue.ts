// The catalogue: generated data plus lookups and the queries the HTTP routes need
// (ranked lists, trending, discover, search, similar, recommendations, people's credits).
// Query results are cached; everything is deterministic for a given (size, seed).
import * as D from "./data.ts";
import { discoverPredicates } from "./discover-filters.ts";
import { generateCatalogue } from "./generate.ts";
import { appendHostileTitles } from "./hostile.ts";
import {
  DEFAULT_SEED,
  DEFAULT_SIZE,
  RECOMMENDATIONS_LIMIT,
  REFERENCE_DATE,
  SIMILAR_LIMIT,
  TOP_RATED_MIN_VOTES,
  TRENDING_LIMIT,
  titleDate,
  titleName,
  titleOriginalName,
} from "./model.ts";
import type { CatalogueMovie, CatalogueTitle, CatalogueTv, Collection, Company, Genre, Keyword, MediaType, Network, Person } from "./model.ts";
import { hash32, unitHash } from "./random.ts";

export interface BuildCatalogueOptions {
  /** total titles (≈70% movies, 30% tv); default 5000 */
  size?: number;
  /** PRNG seed; default 42 */
  seed?: number;
  /** append the hostile titles of hostile.ts (markup, script, SQL-like and bidi text); default false */
  hostileTitles?: boolean;
}

export type TrendingMedia = "all" | "movie" | "tv" | "person";
export type TrendingWindow = "day" | "week";
export type TrendingEntry = CatalogueTitle | Person;
export type SearchKind = "multi" | "movie" | "tv" | "person";
export type SearchHit = CatalogueTitle | Person;

export interface SearchOptions {
  includeAdult?: boolean;
  /** movie: any release in that year (TMDB `year`); tv: `first_air_date_year` / `year` */
  year?: number;
  primaryReleaseYear?: number;
  firstAirDateYear?: number;
}

export interface PersonCastCredit {
  title: CatalogueTitle;
  order: number;
}

export interface PersonCrewCredit {
  title: CatalogueTitle;
  job: number;
}

export interface LackingFields {
  /** ids whose list items have poster_path: null (details have a poster) */
  posterNull: number[];
  /** ids whose list items have vote_average: 0 and vote_count: 0 (details have real votes) */
  votesZero: number[];
}

/** Fractions of list items that deliberately lack fields (see README). */
export const LIST_POSTER_NULL_RATE = 0.1;
export const LIST_VOTES_ZERO_RATE = 0.05;

const DAY_MS = 86_400_000;
const REF_MS = Date.parse(`${REFERENCE_DATE}T00:00:00Z`);

/** A tiny LRU on top of Map's insertion order. */
class Lru<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly limit: number) {}
  get(key: K): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.limit) {
      const first = this.map.keys().next();
      if (!first.done) this.map.delete(first.value);
    }
  }
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

/** Lower-case, strip accents and punctuation: what search compares. */
export function normalizeText(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

interface ScanData {
  masks: Int32Array;
  lang: Uint16Array;
  adult: Uint8Array;
  kw: Uint16Array;
  kwStart: Uint32Array;
  /** scratch: 1 for the keywords of the title being compared */
  marker: Uint8Array;
}

type Comparator = (a: CatalogueTitle, b: CatalogueTitle) => number;

function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Indexes of the `limit` best entries with a positive score, best first (score desc, then `tieBreak`).
 * A bounded min-heap: O(n log limit).
 */
function topK(scores: Float64Array, limit: number, tieBreak: (a: number, b: number) => number): number[] {
  // worse(a, b) < 0 when a ranks below b
  const worse = (a: number, b: number) => (scores[a] as number) - (scores[b] as number) || tieBreak(b, a);
  const heap: number[] = [];
  const up = (i: number) => {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (worse(heap[i] as number, heap[p] as number) >= 0) break;
      [heap[i], heap[p]] = [heap[p] as number, heap[i] as number];
      i = p;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(heap[l] as number, heap[m] as number) < 0) m = l;
      if (r < heap.length && worse(heap[r] as number, heap[m] as number) < 0) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m] as number, heap[i] as number];
      i = m;
    }
  };
  for (let i = 0; i < scores.length; i++) {
    if ((scores[i] as number) <= 0) continue;
    if (heap.length < limit) {
      heap.push(i);
      up(heap.length - 1);
    } else if (worse(heap[0] as number, i) < 0) {
      heap[0] = i;
      down(0);
    }
  }
  return heap.sort((a, b) => -worse(a, b));
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
  private searchKeys?: { movie: string[]; tv: string[]; movieTitle: string[]; tvTitle: string[]; person: string[] };
  private readonly scanCache = new Map<MediaType, ScanData>();
  private personIndex?: { cast: Array<number[] | undefined>; crew: Array<number[] | undefined> };
  private collectionMembers?: Map<number, CatalogueMovie[]>;

  constructor(size: number = DEFAULT_SIZE, seed: number = DEFAULT_SEED, options: { hostileTitles?: boolean } = {}) {
    if (!Number.isInteger(size) || size < 1 || size > 2_000_000) throw new RangeError(`catalogue size must be an integer from 1 to 2000000, got ${size}`);
    if (!Number.isInteger(seed)) throw new RangeError(`catalogue seed must be an integer, got ${seed}`);
    const started = performance.now();
    const g = generateCatalogue(size, seed);
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
    if (!this.collectionMembers) {
      const map = new Map<number, CatalogueMovie[]>();
      for (const m of this.movies) {
        if (m.collectionId === null) continue;
        const list = map.get(m.collectionId) ?? [];
        list.push(m);
        map.set(m.collectionId, list);
      }
      for (const list of map.values()) list.sort((a, b) => cmpStr(a.releaseDate, b.releaseDate) || a.id - b.id);
      this.collectionMembers = map;
    }
    return this.collectionMembers.get(collectionId) ?? [];
  }

  // ------------------------------------------------------------------ deliberately degraded list items

  /** True if this title's LIST items (popular, discover, search, …) carry `poster_path: null`. Its details still have a poster. */
  listItemLacksPoster(type: MediaType, id: number): boolean {
    return this.title(type, id) !== undefined && unitHash(this.seed, "lack-poster", type, id) < LIST_POSTER_NULL_RATE;
  }

  /** True if this title's LIST items carry `vote_average: 0, vote_count: 0` although its details have votes. */
  listItemLacksVotes(type: MediaType, id: number): boolean {
    const t = this.title(type, id);
    return t !== undefined && t.voteCount > 0 && unitHash(this.seed, "lack-votes", type, id) < LIST_VOTES_ZERO_RATE;
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

  private comparator(type: MediaType, sortBy: string): Comparator | undefined {
    const tie: Comparator = (a, b) => a.id - b.id;
    const [field, dir] = sortBy.split(".");
    const sign = dir === "asc" ? 1 : dir === "desc" ? -1 : 0;
    if (sign === 0) return undefined;
    switch (field) {
      case "popularity":
        return (a, b) => sign * (a.popularity - b.popularity) || tie(a, b);
      case "vote_average":
        return (a, b) => sign * (a.voteAverage - b.voteAverage) || b.voteCount - a.voteCount || tie(a, b);
      case "vote_count":
        return (a, b) => sign * (a.voteCount - b.voteCount) || tie(a, b);
      case "revenue":
        return type === "movie" ? (a, b) => sign * ((a as CatalogueMovie).revenue - (b as CatalogueMovie).revenue) || tie(a, b) : undefined;
      case "primary_release_date":
      case "release_date":
      case "first_air_date": {
        if ((field === "first_air_date") !== (type === "tv")) return undefined;
        return (a, b) => {
          const da = titleDate(a);
          const db = titleDate(b);
          if (da === "" || db === "") return (da === "" ? 1 : 0) - (db === "" ? 1 : 0) || tie(a, b);
          return sign * cmpStr(da, db) || tie(a, b);
        };
      }
      case "title":
      case "name":
        if ((field === "name") !== (type === "tv")) return undefined;
        return (a, b) => sign * cmpStr(titleName(a).toLowerCase(), titleName(b).toLowerCase()) || tie(a, b);
      case "original_title":
      case "original_name":
        if ((field === "original_name") !== (type === "tv")) return undefined;
        return (a, b) => sign * cmpStr(titleOriginalName(a).toLowerCase(), titleOriginalName(b).toLowerCase()) || tie(a, b);
      default:
        return undefined;
    }
  }

  /** All titles of a type (adult included) in a TMDB sort_by order; unknown sorts fall back to popularity.desc. */
  sorted(type: MediaType, sortBy: string): readonly CatalogueTitle[] {
    const cmp = this.comparator(type, sortBy);
    const key = `${type}:${cmp ? sortBy : "popularity.desc"}`;
    let order = this.orderCache.get(key);
    if (!order) {
      order = [...this.titles(type)].sort(cmp ?? (this.comparator(type, "popularity.desc") as Comparator));
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

  private trendScore(kind: string, id: number, popularity: number, date: string, window: TrendingWindow): number {
    let recency = 0.5;
    if (date !== "") {
      const days = (REF_MS - Date.parse(`${date}T00:00:00Z`)) / DAY_MS;
      if (days < -60) recency = 0.6;
      else if (days < 0) recency = 2;
      else if (days < 30) recency = 6;
      else if (days < 90) recency = 4;
      else if (days < 365) recency = 2.2;
      else if (days < 730) recency = 1.4;
      else recency = 1;
    }
    const sigma = window === "day" ? 0.45 : 0.25;
    const u1 = Math.max(1e-9, unitHash(this.seed, "trend", window, kind, id, 1));
    const u2 = unitHash(this.seed, "trend", window, kind, id, 2);
    const jitter = Math.exp(sigma * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2));
    return popularity * Math.pow(recency, window === "day" ? 1.3 : 1) * jitter;
  }

  /** /trending/{media}/{window}: recency-boosted popularity with a per-window jitter; at most TRENDING_LIMIT entries. */
  trending(media: TrendingMedia, window: TrendingWindow): readonly TrendingEntry[] {
    const key = `${media}:${window}`;
    let list = this.trendingCache.get(key);
    if (!list) {
      const scored: Array<{ e: TrendingEntry; s: number }> = [];
      if (media === "all" || media === "movie")
        for (const m of this.movies) if (!m.adult) scored.push({ e: m, s: this.trendScore("movie", m.id, m.popularity, m.releaseDate, window) });
      if (media === "all" || media === "tv")
        for (const t of this.tv) if (!t.adult) scored.push({ e: t, s: this.trendScore("tv", t.id, t.popularity, t.lastAirDate, window) });
      if (media === "all" || media === "person")
        for (const p of this.people) scored.push({ e: p, s: this.trendScore("person", p.id, p.popularity, "", window) * (media === "all" ? 0.5 : 1) });
      scored.sort((a, b) => b.s - a.s || kindOrder(a.e) - kindOrder(b.e) || a.e.id - b.e.id);
      list = scored.slice(0, TRENDING_LIMIT).map((x) => x.e);
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

  private ensureSearchKeys(): NonNullable<Catalogue["searchKeys"]> {
    if (!this.searchKeys) {
      const movieTitle = this.movies.map((m) => normalizeText(m.title));
      const tvTitle = this.tv.map((t) => normalizeText(t.name));
      this.searchKeys = {
        movieTitle,
        tvTitle,
        movie: this.movies.map((m, i) => (m.originalTitle === m.title ? (movieTitle[i] as string) : `${movieTitle[i]} ${normalizeText(m.originalTitle)}`)),
        tv: this.tv.map((t, i) => (t.originalName === t.name ? (tvTitle[i] as string) : `${tvTitle[i]} ${normalizeText(t.originalName)}`)),
        person: this.people.map((p) => normalizeText(p.name)),
      };
    }
    return this.searchKeys;
  }

  /**
   * Case- and accent-insensitive match: every query word must occur in the title / original title
   * (or person name). Ranked: exact title match, then prefix match, then the rest; popularity desc within.
   */
  search(kind: SearchKind, query: string, options: SearchOptions = {}): readonly SearchHit[] {
    const q = normalizeText(query);
    if (q === "") return [];
    const cacheKey = `${kind}|${q}|${options.includeAdult ? 1 : 0}|${options.year ?? ""}|${options.primaryReleaseYear ?? ""}|${options.firstAirDateYear ?? ""}`;
    const cached = this.searchCache.get(cacheKey);
    if (cached) return cached;
    const words = q.split(" ");
    const keys = this.ensureSearchKeys();
    const hits: Array<{ e: SearchHit; tier: number }> = [];
    const tierOf = (name: string) => (name === q ? 0 : name.startsWith(q) ? 1 : 2);
    const matches = (hay: string) => words.every((w) => hay.includes(w));
    if (kind === "multi" || kind === "movie") {
      const year = options.primaryReleaseYear ?? options.year;
      this.movies.forEach((m, i) => {
        if (m.adult && !options.includeAdult) return;
        if (year !== undefined && !m.releaseDate.startsWith(String(year))) return;
        if (matches(keys.movie[i] as string)) hits.push({ e: m, tier: tierOf(keys.movieTitle[i] as string) });
      });
    }
    if (kind === "multi" || kind === "tv") {
      const year = options.firstAirDateYear ?? options.year;
      this.tv.forEach((t, i) => {
        if (t.adult && !options.includeAdult) return;
        if (year !== undefined && !t.firstAirDate.startsWith(String(year))) return;
        if (matches(keys.tv[i] as string)) hits.push({ e: t, tier: tierOf(keys.tvTitle[i] as string) });
      });
    }
    if (kind === "multi" || kind === "person") {
      this.people.forEach((p, i) => {
        const name = keys.person[i] as string;
        if (matches(name)) hits.push({ e: p, tier: tierOf(name) });
      });
    }
    hits.sort((a, b) => a.tier - b.tier || b.e.popularity - a.e.popularity || kindOrder(a.e) - kindOrder(b.e) || a.e.id - b.e.id);
    const result = hits.map((h) => h.e);
    this.searchCache.set(cacheKey, result);
    return result;
  }

  // ------------------------------------------------------------------ similar / recommendations

  /** Flat typed arrays for fast overlap scans (genre bitmasks, keyword indexes, language, adult). */
  private scanData(type: MediaType): ScanData {
    const cached = this.scanCache.get(type);
    if (cached) return cached;
    const titles = this.titles(type);
    const bit = new Map(this.genres(type).map((g, i) => [g.id, 1 << i]));
    const kwIndex = new Map(this.keywords.map((k, i) => [k.id, i]));
    const langIndex = new Map<string, number>();
    const masks = new Int32Array(titles.length);
    const lang = new Uint16Array(titles.length);
    const adult = new Uint8Array(titles.length);
    const kwStart = new Uint32Array(titles.length + 1);
    let totalKw = 0;
    for (const t of titles) totalKw += t.keywordIds.length;
    const kw = new Uint16Array(totalKw);
    let k = 0;
    titles.forEach((t, i) => {
      let m = 0;
      for (const g of t.genreIds) m |= bit.get(g) ?? 0;
      masks[i] = m;
      let li = langIndex.get(t.originalLanguage);
      if (li === undefined) {
        li = langIndex.size;
        langIndex.set(t.originalLanguage, li);
      }
      lang[i] = li;
      adult[i] = t.adult ? 1 : 0;
      kwStart[i] = k;
      for (const id of t.keywordIds) kw[k++] = kwIndex.get(id) ?? 0;
    });
    kwStart[titles.length] = k;
    const data: ScanData = { masks, lang, adult, kw, kwStart, marker: new Uint8Array(this.keywords.length) };
    this.scanCache.set(type, data);
    return data;
  }

  private overlapScores(t: CatalogueTitle, genreWeight: number, keywordWeight: number, languageWeight: number): Float64Array {
    const d = this.scanData(t.mediaType);
    const n = d.masks.length;
    const own = d.masks[t.index] as number;
    const ownLang = d.lang[t.index] as number;
    const marker = d.marker;
    for (let j = d.kwStart[t.index] as number; j < (d.kwStart[t.index + 1] as number); j++) marker[d.kw[j] as number] = 1;
    const scores = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      if (d.adult[i] === 1 || i === t.index) continue;
      const shared = popcount((d.masks[i] as number) & own);
      if (shared === 0) continue;
      let kwShared = 0;
      const end = d.kwStart[i + 1] as number;
      for (let j = d.kwStart[i] as number; j < end; j++) kwShared += marker[d.kw[j] as number] as number;
      scores[i] = genreWeight * shared + keywordWeight * kwShared + (d.lang[i] === ownLang ? languageWeight : 0);
    }
    for (let j = d.kwStart[t.index] as number; j < (d.kwStart[t.index + 1] as number); j++) marker[d.kw[j] as number] = 0;
    return scores;
  }

  /** /{type}/{id}/similar: same type, sharing genres (required) and keywords; at most SIMILAR_LIMIT. */
  similar(t: CatalogueTitle): readonly CatalogueTitle[] {
    const key = `${t.mediaType}:${t.id}`;
    let list = this.similarCache.get(key);
    if (!list) {
      const titles = this.titles(t.mediaType);
      const scores = this.overlapScores(t, 2, 1.5, 0.5);
      list = topK(scores, SIMILAR_LIMIT, (a, b) => (titles[b] as CatalogueTitle).popularity - (titles[a] as CatalogueTitle).popularity || a - b).map(
        (i) => titles[i] as CatalogueTitle,
      );
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
      const titles = this.titles(t.mediaType);
      const scores = this.overlapScores(t, 1, 1.5, 0.3);
      const index = this.ensurePersonIndex();
      const tvBit = t.mediaType === "tv" ? 1 : 0;
      for (const pid of this.keyPeople(t)) {
        const p = this.person(pid);
        if (!p) continue;
        for (const e of index.cast[p.index] ?? []) {
          const titleKey = Math.floor(e / 64);
          if ((titleKey & 1) !== tvBit || e % 64 >= 8) continue;
          const i = titleKey >> 1;
          if (i === t.index || (titles[i] as CatalogueTitle).adult) continue;
          scores[i] = (scores[i] as number) + 3;
        }
        for (const e of index.crew[p.index] ?? []) {
          const titleKey = Math.floor(e / 16);
          const job = e % 16;
          if ((titleKey & 1) !== tvBit || (job !== D.JOB_DIRECTOR && job !== D.JOB_EXEC_PRODUCER)) continue;
          const i = titleKey >> 1;
          if (i === t.index || (titles[i] as CatalogueTitle).adult) continue;
          scores[i] = (scores[i] as number) + 3;
        }
      }
      if (t.mediaType === "movie" && t.collectionId !== null) {
        for (const m of this.collectionParts(t.collectionId)) if (m.index !== t.index && !m.adult) scores[m.index] = (scores[m.index] as number) + 6;
      }
      for (let i = 0; i < scores.length; i++)
        if ((scores[i] as number) > 0) scores[i] = (scores[i] as number) + 0.3 * Math.log1p((titles[i] as CatalogueTitle).popularity);
      list = topK(scores, RECOMMENDATIONS_LIMIT, (a, b) => a - b).map((i) => titles[i] as CatalogueTitle);
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

  private ensurePersonIndex(): NonNullable<Catalogue["personIndex"]> {
    if (!this.personIndex) {
      const cast: Array<number[] | undefined> = new Array(this.people.length);
      const crew: Array<number[] | undefined> = new Array(this.people.length);
      const indexOf = new Map<number, number>();
      const personIndex = (id: number) => {
        let i = indexOf.get(id);
        if (i === undefined) {
          i = (this.person(id) as Person).index;
          indexOf.set(id, i);
        }
        return i;
      };
      const addTitles = (titles: readonly CatalogueTitle[], tvBit: number) => {
        for (const t of titles) {
          const titleKey = t.index * 2 + tvBit;
          t.castIds.forEach((id, order) => {
            const pi = personIndex(id);
            (cast[pi] ??= []).push(titleKey * 64 + Math.min(order, 63));
          });
          t.crewIds.forEach((id, k) => {
            const pi = personIndex(id);
            (crew[pi] ??= []).push(titleKey * 16 + (t.crewJobs[k] as number));
          });
        }
      };
      addTitles(this.movies, 0);
      addTitles(this.tv, 1);
      this.personIndex = { cast, crew };
    }
    return this.personIndex;
  }

  private titleOfKey(titleKey: number): CatalogueTitle {
    return ((titleKey & 1) === 1 ? this.tv[titleKey >> 1] : this.movies[titleKey >> 1]) as CatalogueTitle;
  }

  /** Every cast and crew credit of a person. */
  personCredits(p: Person): { cast: PersonCastCredit[]; crew: PersonCrewCredit[] } {
    const index = this.ensurePersonIndex();
    return {
      cast: (index.cast[p.index] ?? []).map((e) => ({ title: this.titleOfKey(Math.floor(e / 64)), order: e % 64 })),
      crew: (index.crew[p.index] ?? []).map((e) => ({ title: this.titleOfKey(Math.floor(e / 16)), job: e % 16 })),
    };
  }

  /** Up to 3 most popular non-adult titles the person is known for (acting credits for actors, crew otherwise). */
  knownFor(p: Person): CatalogueTitle[] {
    const credits = this.personCredits(p);
    const pool = p.knownForDepartment === "Acting" || credits.crew.length === 0 ? credits.cast.map((c) => c.title) : credits.crew.map((c) => c.title);
    const unique = [...new Set(pool)].filter((t) => !t.adult);
    unique.sort((a, b) => b.popularity - a.popularity || a.id - b.id);
    return unique.slice(0, 3);
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

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

function kindOrder(e: TrendingEntry): number {
  return "mediaType" in e ? (e.mediaType === "movie" ? 0 : 1) : 2;
}

/** Builds a catalogue (synchronously). The same size + seed always gives identical data. */
export function buildCatalogue(options: BuildCatalogueOptions = {}): Catalogue {
  return new Catalogue(options.size ?? DEFAULT_SIZE, options.seed ?? DEFAULT_SEED, { hostileTitles: options.hostileTitles });
}

export { parseIdExpression } from "./discover-filters.ts";
