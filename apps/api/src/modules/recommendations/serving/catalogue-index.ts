// The catalogue as the ranking sees it, held in the API process: every cached title's ranking
// features (no overviews, no images), kept in popularity and rating order, with each person's
// titles listed, so a request builds its candidate pool in memory instead of in a five-way SQL
// union (which cost 18–40 ms per request at 100,000 titles, most of a ranked-afresh answer).
//
// The pools are the ones the SQL built, with the same bounds and tie-breaks:
//   popular      best by popularity (then TMDB id)                                   150
//   genre        popular titles sharing a genre with the pool genres                 300
//   top-rated    by rating among titles with 100+ votes (in the pool genres, if any) 150
//   people       popular titles with the seeds' recurring cast or directors          200
//   collaborative  the trained model's best-scored titles for the person             300
// every one after the hard filters and the person's own exclusions. recommendation-serving.ts keeps it
// current from Postgres; this file is pure (no I/O) and unit-tested.
import type { MediaType } from "../../../generated/prisma/enums.ts";
import type { CandidateSource, CandidateTitle, SeedTitle } from "../ranking/types.ts";
import { toMediaKind, type MediaKind } from "../../../media-kind.ts";
import { mergeSortedUnique } from "./merge-sorted.ts";
import { popcount, sharedCount } from "../ranking/id-sets.ts";

/** One cached title's ranking features (a candidate's, before the pools say where it came from). */
export interface CatalogueTitle extends Omit<CandidateTitle, "sources" | "inModel"> {
  adult: boolean;
  /** "REGION:provider id" for every service that streams it (media_cache.streaming_on). */
  streamingOn: readonly string[];
  /** The row's updated_at (ms): a re-read row that has not changed is skipped. */
  updatedAt: number;
}

/** The filters every pool applies (the caller's preferences and the request's own filter). */
export interface HardFilters {
  mediaTypes: MediaType[];
  languages: string[];
  yearFrom: number | null;
  yearTo: number | null;
  maxRuntime: number | null;
  minRating: number | null;
  includeAdult: boolean;
  dislikedGenreIds: number[];
  anyOfGenreIds: number[];
  /** "Available to me": only titles streamed on one of these ("US:8"); empty keeps every title. */
  streamingOn: string[];
}

/** Filters that keep every title but adult ones (what a person with no preferences gets). */
export const NO_HARD_FILTERS: Readonly<HardFilters> = {
  mediaTypes: [],
  languages: [],
  yearFrom: null,
  yearTo: null,
  maxRuntime: null,
  minRating: null,
  includeAdult: false,
  dislikedGenreIds: [],
  anyOfGenreIds: [],
  streamingOn: [],
};

export interface PoolInput {
  filters: HardFilters;
  /** Titles the person already did something with (any interaction): never candidates. */
  excluded: ReadonlySet<string>;
  genreIds: number[];
  castIds: number[];
  directorIds: number[];
  /** The titles the trained model scores best for the person (collaborative.ts), best first. */
  collaborativeKeys: readonly string[];
  /** Keys the live model has a neighbour list for. */
  inModel: ReadonlySet<string>;
}

/** Per-pool bounds: the pool stays a few hundred titles whatever the catalogue size. */
export const POOL_LIMITS = { genre: 300, topRated: 150, people: 200, collaborative: 300, popular: 150 } as const;
/** "Top rated" needs this many votes (with 100+ votes a rating is never null). */
const TOP_RATED_MIN_VOTES = 100;

const EMPTY: number[] = [];

const byPopularity = (a: CatalogueTitle, b: CatalogueTitle) => b.popularity - a.popularity || a.tmdbId - b.tmdbId;
const byRating = (a: CatalogueTitle, b: CatalogueTitle) => b.voteAverage! - a.voteAverage! || a.tmdbId - b.tmdbId;
const isTopRatedEligible = (title: CatalogueTitle) => (title.voteCount ?? 0) >= TOP_RATED_MIN_VOTES && title.voteAverage !== null;

const numberOf = (mediaType: MediaKind, tmdbId: number) => tmdbId * 2 + (mediaType === "tv" ? 1 : 0);

function push(lists: Map<number, number[]>, id: number, position: number) {
  const list = lists.get(id);
  if (list) list.push(position);
  else lists.set(id, [position]);
}

function pull(lists: Map<number, number[]>, id: number, position: number) {
  const list = lists.get(id);
  const at = list?.indexOf(position) ?? -1;
  if (at >= 0) list!.splice(at, 1);
}

const overlaps = (ids: readonly number[], set: ReadonlySet<number>) => {
  for (const id of ids) if (set.has(id)) return true;
  return false;
};

export class CatalogueIndex {
  /** Every title, at a stable position. */
  private readonly titles: CatalogueTitle[] = [];
  private readonly positions = new Map<string, number>();
  /** The same positions by a number made from type and TMDB id (cheaper to look up than a new string). */
  private readonly numbered = new Map<number, number>();
  /** Positions in popularity order, and each position's place in it (for ordering a person's titles). */
  private popularOrder: Int32Array = new Int32Array(0);
  private popularRank: Int32Array = new Int32Array(0);
  /** Positions of titles with 100+ votes, in rating order. */
  private ratedOrder: Int32Array = new Int32Array(0);
  /**
   * Each position's genres as bits (genre id → bit, in order first seen), so "shares a genre with
   * the pool genres" is one AND; null once there are more genres than bits (then Sets are used).
   */
  private genreMasks: number[] | null = [];
  private readonly genreBits = new Map<number, number>();
  /** Person id → positions of the titles they are in (cast or director); keyword id → positions of its titles. */
  private readonly people = new Map<number, number[]>();
  private readonly keywords = new Map<number, number[]>();
  /** Person id → their titles' popularity ranks, sorted; built on first use, dropped on any change. */
  private peopleRanks = new Map<number, Int32Array>();

  get size(): number {
    return this.titles.length;
  }

  get(key: string): CatalogueTitle | undefined {
    const position = this.positions.get(key);
    return position === undefined ? undefined : this.titles[position];
  }

  /** A title by type and TMDB id, without building its key. */
  find(mediaType: MediaKind, tmdbId: number): CatalogueTitle | undefined {
    const position = this.numbered.get(numberOf(mediaType, tmdbId));
    return position === undefined ? undefined : this.titles[position];
  }

  /** The key string the index holds for a title (so lists that name many titles share one string each). */
  internKey(key: string): string {
    const position = this.positions.get(key);
    return position === undefined ? key : this.titles[position]!.key;
  }

  /**
   * Adds new titles and replaces changed ones (same key, newer `updatedAt`); the orders are merged,
   * not re-sorted, so a handful of changed rows costs one pass over the orders. Returns how many changed.
   */
  upsert(rows: readonly CatalogueTitle[]): number {
    const changed: number[] = [];
    for (const row of rows) {
      const position = this.positions.get(row.key);
      if (position === undefined) {
        this.positions.set(row.key, this.titles.length);
        this.numbered.set(numberOf(row.mediaType, row.tmdbId), this.titles.length);
        changed.push(this.titles.length);
        this.titles.push(row);
        this.addPeople(row, this.titles.length - 1);
        this.setGenreMask(row, this.titles.length - 1);
        continue;
      }
      const before = this.titles[position]!;
      if (row.updatedAt <= before.updatedAt) continue;
      this.removePeople(before, position);
      this.titles[position] = row;
      this.addPeople(row, position);
      this.setGenreMask(row, position);
      changed.push(position);
    }
    if (!changed.length) return 0;
    // Many changes (the first load): sort from scratch; a few: merge them into the current orders.
    if (changed.length > this.titles.length / 8) {
      this.popularOrder = this.sortedPositions(() => true, byPopularity);
      this.ratedOrder = this.sortedPositions(isTopRatedEligible, byRating);
    } else {
      const moved = new Set(changed);
      this.popularOrder = this.merge(this.popularOrder, moved, [...changed], byPopularity);
      this.ratedOrder = this.merge(
        this.ratedOrder,
        moved,
        changed.filter((position) => isTopRatedEligible(this.titles[position]!)),
        byRating,
      );
    }
    this.popularRank = new Int32Array(this.titles.length);
    this.popularOrder.forEach((position, rank) => (this.popularRank[position] = rank));
    this.peopleRanks = new Map();
    return changed.length;
  }

  private ranksOf(personId: number): Int32Array {
    let ranks = this.peopleRanks.get(personId);
    if (!ranks) {
      ranks = Int32Array.from(this.people.get(personId) ?? EMPTY, (position) => this.popularRank[position]!).sort();
      this.peopleRanks.set(personId, ranks);
    }
    return ranks;
  }

  /** Positions from several sorted rank lists in one popularity order, each once. */
  private *mergedByPopularity(lists: Int32Array[]): Generator<number> {
    for (const rank of mergeSortedUnique(lists)) yield this.popularOrder[rank]!;
  }

  /** Calls `visit` with every title a person is in (cast or director), or every title with a keyword. */
  forEachWith(kind: "person" | "keyword", id: number, visit: (title: CatalogueTitle) => void): void {
    for (const position of (kind === "person" ? this.people : this.keywords).get(id) ?? EMPTY) visit(this.titles[position]!);
  }

  /**
   * Calls `visit` with every title sharing a genre with `genreIds` (any type, adult or not) and how
   * many distinct ones it shares, passing over, before reading the title itself, those that share
   * fewer than `atLeast()` (asked again before each title; by the genre masks, so a walk over a
   * catalogue of mostly uninteresting titles touches only an array of integers).
   */
  forEachSharingGenres(genreIds: readonly number[], atLeast: () => number, visit: (title: CatalogueTitle, shared: number) => void): void {
    const masks = this.genreMasks;
    if (!masks) {
      const genres = new Set(genreIds);
      for (const title of this.titles) {
        const shared = sharedCount(title.genreIds, genres);
        if (shared > 0 && shared >= atLeast()) visit(title, shared);
      }
      return;
    }
    let wanted = 0;
    for (const id of genreIds) {
      const bit = this.genreBits.get(id);
      if (bit !== undefined) wanted |= 1 << bit;
    }
    for (let position = 0; position < this.titles.length; position++) {
      const shared = popcount((masks[position] ?? 0) & wanted);
      if (shared > 0 && shared >= atLeast()) visit(this.titles[position]!, shared);
    }
  }

  private sortedPositions(keep: (title: CatalogueTitle) => boolean, compare: (a: CatalogueTitle, b: CatalogueTitle) => number): Int32Array {
    const positions: number[] = [];
    this.titles.forEach((title, position) => keep(title) && positions.push(position));
    positions.sort((a, b) => compare(this.titles[a]!, this.titles[b]!));
    return Int32Array.from(positions);
  }

  /** `order` without the `moved` positions, merged with `inserted` (sorted here). */
  private merge(order: Int32Array, moved: ReadonlySet<number>, inserted: number[], compare: (a: CatalogueTitle, b: CatalogueTitle) => number): Int32Array {
    inserted.sort((a, b) => compare(this.titles[a]!, this.titles[b]!));
    const merged = new Int32Array(order.length + inserted.length);
    let out = 0;
    let next = 0;
    for (const position of order) {
      if (moved.has(position)) continue;
      while (next < inserted.length && compare(this.titles[inserted[next]!]!, this.titles[position]!) < 0) merged[out++] = inserted[next++]!;
      merged[out++] = position;
    }
    while (next < inserted.length) merged[out++] = inserted[next++]!;
    return merged.length === out ? merged : merged.slice(0, out);
  }

  private setGenreMask(title: CatalogueTitle, position: number) {
    if (!this.genreMasks) return;
    let mask = 0;
    for (const id of title.genreIds) {
      let bit = this.genreBits.get(id);
      if (bit === undefined) {
        if (this.genreBits.size >= 31) {
          this.genreMasks = null;
          return;
        }
        this.genreBits.set(id, (bit = this.genreBits.size));
      }
      mask |= 1 << bit;
    }
    this.genreMasks[position] = mask;
  }

  /** "Has one of these genres", as fast as the index allows. */
  private inGenres(genreIds: readonly number[]): (title: CatalogueTitle, position: number) => boolean {
    const masks = this.genreMasks;
    if (!masks) {
      const genres = new Set(genreIds);
      return (title) => overlaps(title.genreIds, genres);
    }
    let wanted = 0;
    for (const id of genreIds) {
      const bit = this.genreBits.get(id);
      if (bit !== undefined) wanted |= 1 << bit;
    }
    return (_title, position) => (masks[position]! & wanted) !== 0;
  }

  private addPeople(title: CatalogueTitle, position: number) {
    for (const id of new Set([...title.castIds, ...title.directorIds])) push(this.people, id, position);
    for (const id of new Set(title.keywordIds)) push(this.keywords, id, position);
  }

  private removePeople(title: CatalogueTitle, position: number) {
    for (const id of new Set([...title.castIds, ...title.directorIds])) pull(this.people, id, position);
    for (const id of new Set(title.keywordIds)) pull(this.keywords, id, position);
  }

  /** The candidate pool for one request: each title once, with the pools that brought it in. */
  candidatePool(input: PoolInput): CandidateTitle[] {
    const passes = hardFilter(input.filters, input.excluded);
    const pool = new Map<string, CandidateTitle>();
    const add = (title: CatalogueTitle, source: CandidateSource) => {
      const entry = pool.get(title.key);
      if (entry) entry.sources.push(source);
      else pool.set(title.key, candidateOf(title, source, input.inModel.has(title.key)));
    };
    const take = (order: Iterable<number>, limit: number, source: CandidateSource, also: (title: CatalogueTitle, position: number) => boolean = () => true) => {
      if (limit <= 0) return;
      let taken = 0;
      for (const position of order) {
        const title = this.titles[position]!;
        if (also(title, position) && passes(title)) {
          add(title, source);
          if (++taken >= limit) return;
        }
      }
    };

    take(this.popularOrder, POOL_LIMITS.popular, "popular");
    if (input.genreIds.length) {
      const inGenres = this.inGenres(input.genreIds);
      take(this.popularOrder, POOL_LIMITS.genre, "genre", inGenres);
      take(this.ratedOrder, POOL_LIMITS.topRated, "top-rated", inGenres);
    } else {
      take(this.ratedOrder, POOL_LIMITS.topRated, "top-rated");
    }
    if (input.castIds.length || input.directorIds.length) {
      // Cast and directors match separately (an actor who also directs counts where the seeds had him).
      const cast = new Set(input.castIds);
      const directors = new Set(input.directorIds);
      // Their titles by popularity: each person's titles as sorted popularity ranks (kept until
      // the catalogue changes), merged lazily, so the walk touches only the heads it needs even when
      // a prolific actor has thousands of titles.
      const ordered = this.mergedByPopularity([...new Set([...input.castIds, ...input.directorIds])].map((id) => this.ranksOf(id)));
      take(ordered, POOL_LIMITS.people, "people", (title) => overlaps(title.castIds, cast) || overlaps(title.directorIds, directors));
    }
    const collaborative: number[] = [];
    for (const key of input.collaborativeKeys) {
      const position = this.positions.get(key);
      if (position !== undefined) collaborative.push(position);
    }
    take(collaborative, POOL_LIMITS.collaborative, "collaborative");
    return [...pool.values()];
  }
}

/** The hard filters and exclusions as one predicate (what the pools' SQL WHERE said). */
function hardFilter(filters: HardFilters, excluded: ReadonlySet<string>): (title: CatalogueTitle) => boolean {
  const types = new Set(filters.mediaTypes.map(toMediaKind));
  const languages = new Set(filters.languages);
  const disliked = new Set(filters.dislikedGenreIds);
  const anyOf = new Set(filters.anyOfGenreIds);
  const streamingOn = new Set(filters.streamingOn);
  return (title) =>
    !excluded.has(title.key) &&
    (filters.includeAdult || !title.adult) &&
    (!types.size || types.has(title.mediaType)) &&
    (!languages.size || languages.has(title.originalLanguage)) &&
    (!filters.yearFrom || (title.releaseYear !== null && title.releaseYear >= filters.yearFrom)) &&
    (!filters.yearTo || (title.releaseYear !== null && title.releaseYear <= filters.yearTo)) &&
    (!filters.maxRuntime || title.runtime === null || title.runtime <= filters.maxRuntime) &&
    (filters.minRating === null || (title.voteAverage !== null && title.voteAverage >= filters.minRating)) &&
    (!disliked.size || !overlaps(title.genreIds, disliked)) &&
    (!anyOf.size || overlaps(title.genreIds, anyOf)) &&
    (!streamingOn.size || title.streamingOn.some((key) => streamingOn.has(key)));
}

/**
 * What seeds and candidates share of a title, copied field by field: a spread of the title cost ≈ 5 µs
 * a copy (1–2 ms a request at hundreds of candidates and 200 seeds), this and the assign below ≈ 0.05 µs.
 */
function contentOf(t: CatalogueTitle) {
  return {
    key: t.key,
    mediaType: t.mediaType,
    tmdbId: t.tmdbId,
    title: t.title,
    genreIds: t.genreIds,
    castIds: t.castIds,
    directorIds: t.directorIds,
    keywordIds: t.keywordIds,
    originalLanguage: t.originalLanguage,
    releaseYear: t.releaseYear,
  };
}

/** A title as one of the person's seeds. */
export function seedOf(t: CatalogueTitle, weight: number, addedAt: Date): SeedTitle {
  return Object.assign(contentOf(t), { weight, addedAt });
}

function candidateOf(t: CatalogueTitle, source: CandidateSource, inModel: boolean): CandidateTitle {
  return Object.assign(contentOf(t), {
    popularity: t.popularity,
    voteAverage: t.voteAverage,
    voteCount: t.voteCount,
    runtime: t.runtime,
    sources: [source],
    inModel,
  });
}
