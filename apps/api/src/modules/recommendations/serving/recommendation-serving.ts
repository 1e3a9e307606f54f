// What an API process keeps in memory to rank without asking Postgres for the catalogue: the
// catalogue index (catalogue-index.ts) and the live model's neighbour lists, both kept current by
// one cheap statement at most every CATALOGUE_REFRESH_MS (the newest media_cache.updated_at, through
// its index, and the live model version; a caller that wrote titles itself asks for a fresh check).
// When either moved, only what changed is read:
//   - titles updated since the last look, with an overlap of CATCH_UP_OVERLAP_MS, because a row is
//     stamped with its transaction's start (now()) and may become visible after a later-stamped one.
//     Every writer of media_cache is a single statement, far inside that overlap. The overlap's keys
//     and stamps are listed first and only rows not already held are read in full (under the load
//     bench's busy worker, ≈ 700 rows re-listed per check, a handful read);
//   - on a new live model: which titles it knows (its `item_neighbours` keys); lists are then read
//     on first use per title and kept (bounded), so the popular seeds every request shares are
//     parsed once per model, not once per request.
// The media rows of ranked pages are kept too, each trusted while the index holds the row's own
// updated_at (and at most ROW_TTL_MS, for processes that mostly serve stored rankings and so check
// less often), and so are title pages' similar lists (similar-titles.ts), ranked on the same index.
// Title search (media/title-search.ts) keeps its own index of the same rows. Concurrent requests
// share one check. Titles other processes write are seen within CATALOGUE_REFRESH_MS; the person's
// own interactions are always read per request (recommendation.service.ts).
import type { PrismaClient } from "../../../db.ts";
import type { MediaCache } from "../../../generated/prisma/client.ts";
import { whereMediaKeys } from "../../media/media.loaders.ts";
import { mediaKey } from "../../media/media-key.ts";
import type { KeyIds, NeighbourList } from "../collaborative.ts";
import { neighbourLists } from "../model/item-model.store.ts";
import { CatalogueIndex, type CatalogueTitle } from "./catalogue-index.ts";
import { similarTitleKeys } from "./similar-titles.ts";
import { TitleSearchIndex } from "../../media/title-search.ts";
import type { MediaKind } from "../../../media-kind.ts";

/** Re-read this far behind the newest stamp seen (see above). */
const CATCH_UP_OVERLAP_MS = 10_000;
/** Neighbour lists kept per process (≈ 2.5 KB each with 200 neighbours): the long tail is read again when asked. */
const MAX_CACHED_LISTS = 20_000;
/** Person names kept per process for reasons ("With Al Pacino"), and how long one is trusted (names rarely change). */
const MAX_CACHED_NAMES = 50_000;
const NAME_TTL_MS = 10 * 60_000;
/** Media rows kept per process for ranked pages (≈ 1 KB each), and how long one is trusted at most. */
const MAX_CACHED_ROWS = 20_000;
const ROW_TTL_MS = 60_000;
/** "More like this" lists kept per process, and how long one is trusted (a suggestion; the catalogue changes slowly). */
const MAX_CACHED_SIMILAR = 20_000;
const SIMILAR_TTL_MS = 10 * 60_000;
/** Rows per statement of the first full read. */
const LOAD_BATCH = 20_000;

interface CatalogueRow {
  media_type: MediaKind;
  tmdb_id: number;
  title: string;
  original_title: string;
  translated_titles: string[];
  genre_ids: number[];
  cast_ids: number[];
  director_ids: number[];
  keyword_ids: number[];
  original_language: string;
  release_year: number | null;
  popularity: number;
  vote_average: number | null;
  vote_count: number | null;
  runtime: number | null;
  adult: boolean;
  streaming_on: string[] | null;
  updated_ms: number;
}

const CATALOGUE_COLUMNS = `media_type::text AS media_type, tmdb_id, title, original_title,
  ARRAY(SELECT text->>'title' FROM jsonb_each(translations) AS t(language, text) WHERE text ? 'title') AS translated_titles, genre_ids, cast_ids, director_ids, keyword_ids, original_language,
  extract(year FROM release_date)::int AS release_year, popularity, vote_average, vote_count, runtime, adult, streaming_on,
  (extract(epoch FROM updated_at) * 1000)::float8 AS updated_ms`;

const NO_IDS: number[] = [];
const ids = (list: number[]) => (list.length ? list : NO_IDS);
const NO_OFFERS: string[] = [];
/** "US:8" and the like recur across thousands of titles: each is held once. */
const offerKeys = new Map<string, string>();
const interned = (list: string[] | null) => {
  if (!list?.length) return NO_OFFERS;
  return list.map((key) => {
    const kept = offerKeys.get(key);
    if (kept) return kept;
    offerKeys.set(key, key);
    return key;
  });
};

function toTitle(row: CatalogueRow): CatalogueTitle {
  return {
    key: `${row.media_type}:${row.tmdb_id}`,
    mediaType: row.media_type,
    tmdbId: row.tmdb_id,
    title: row.title,
    genreIds: ids(row.genre_ids),
    castIds: ids(row.cast_ids),
    directorIds: ids(row.director_ids),
    keywordIds: ids(row.keyword_ids),
    originalLanguage: row.original_language,
    releaseYear: row.release_year,
    popularity: row.popularity,
    voteAverage: row.vote_average,
    voteCount: row.vote_count,
    runtime: row.runtime,
    adult: row.adult,
    streamingOn: interned(row.streaming_on),
    updatedAt: row.updated_ms,
  };
}

/** What one request ranks against: the catalogue and the live model as of its check. */
export interface ServingSnapshot {
  catalogue: CatalogueIndex;
  modelVersion: number | null;
  /** Titles the live model has a neighbour list for. */
  inModel: ReadonlySet<string>;
  /** The live model's titles numbered; the `ids` of the lists `neighbours` gives refer to it. */
  modelIds: KeyIds;
  /** The live model's lists for these titles (titles it does not know are absent). */
  neighbours(keys: readonly string[]): Promise<Map<string, NeighbourList>>;
}

export class RecommendationServing {
  private readonly catalogue = new CatalogueIndex();
  private readonly titleSearch = new TitleSearchIndex();
  /** The newest updated_at read so far (ms), or null before the first read. */
  private catalogueAt: number | null = null;
  private modelVersion: number | null = null;
  private inModel: ReadonlySet<string> = new Set();
  private modelIds: ReadonlyMap<string, number> = new Map();
  private lists = new Map<string, NeighbourList>();
  private names = new Map<number, { name: string; readAt: number }>();
  private rows = new Map<string, { row: MediaCache; readAt: number }>();
  private similar = new Map<string, { keys: string[]; rankedAt: number }>();
  private checking: Promise<void> | null = null;

  /** When the last completed check started (ms since the epoch). */
  private checkedAt = -Infinity;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly refreshMs = 0,
  ) {}

  /**
   * Brings the index up to date with Postgres (one statement when nothing changed) and returns it.
   * A process checks at most every `refreshMs` (CATALOGUE_REFRESH_MS): between checks requests use
   * what the last one read. `fresh` is for a caller that just wrote titles it needs to see (a TMDB
   * fallback): it always gets a check that started after its call.
   */
  async snapshot(options: { fresh?: boolean } = {}): Promise<ServingSnapshot> {
    if (options.fresh && this.checking) await this.checking.catch(() => {});
    if (options.fresh || Date.now() - this.checkedAt >= this.refreshMs || this.checking) {
      // One check at a time; requests arriving meanwhile wait for it rather than start their own.
      this.checking ??= this.check();
      await this.checking;
    }
    const version = this.modelVersion;
    return {
      catalogue: this.catalogue,
      modelVersion: version,
      inModel: this.inModel,
      modelIds: this.modelIds,
      neighbours: (keys) => this.neighbourLists(version, keys),
    };
  }

  /**
   * The first read of the catalogue and the live model, made before the process takes requests
   * (main.ts), so its first requests neither wait for it nor queue behind it: ≈ 5 s at 100,000
   * titles, and a process that starts under traffic (a replaced cluster process, a deploy) would
   * otherwise hold every request it is handed for that long. How many titles it holds, after.
   */
  async warm(): Promise<{ titles: number; modelVersion: number | null }> {
    const snapshot = await this.snapshot({ fresh: true });
    return { titles: snapshot.catalogue.size, modelVersion: snapshot.modelVersion };
  }

  /**
   * Names of these people (those without a person row are absent), from memory when read in the last
   * NAME_TTL_MS: the people a ranking may name recur across requests, so most requests ask Postgres nothing.
   */
  async personNames(ids: readonly number[]): Promise<Map<number, string>> {
    const found = new Map<number, string>();
    const missing: number[] = [];
    const now = Date.now();
    for (const id of ids) {
      const known = this.names.get(id);
      if (known && now - known.readAt < NAME_TTL_MS) found.set(id, known.name);
      else if (!found.has(id)) missing.push(id);
    }
    if (!missing.length) return found;
    const rows = await this.prisma.person.findMany({ where: { id: { in: [...new Set(missing)] } }, select: { id: true, name: true } });
    for (const { id, name } of rows) {
      found.set(id, name);
      this.names.delete(id);
      if (this.names.size >= MAX_CACHED_NAMES) this.names.delete(this.names.keys().next().value!);
      this.names.set(id, { name, readAt: now });
    }
    return found;
  }

  /**
   * The media_cache rows of these titles (null: not cached), from memory when the index holds the
   * row's own updated_at and it was read in the last ROW_TTL_MS: a row changes only with its stamp,
   * so a kept row is as fresh as what the ranking itself read. The top of everyone's lists recurs,
   * so most pages ask Postgres nothing.
   */
  async mediaRows(keys: readonly string[]): Promise<Array<MediaCache | null>> {
    const now = Date.now();
    const found = new Map<string, MediaCache>();
    const missing: string[] = [];
    for (const key of keys) {
      const kept = this.rows.get(key);
      if (kept && now - kept.readAt < ROW_TTL_MS && kept.row.updatedAt.getTime() === this.catalogue.get(key)?.updatedAt) found.set(key, kept.row);
      else missing.push(key);
    }
    if (missing.length) {
      for (const key of missing) this.rows.delete(key);
      for (const row of await this.prisma.mediaCache.findMany({ where: whereMediaKeys(missing) })) {
        const key = mediaKey(row);
        found.set(key, row);
        if (this.rows.size >= MAX_CACHED_ROWS) this.rows.delete(this.rows.keys().next().value!);
        this.rows.set(key, { row, readAt: now });
      }
    }
    return keys.map((key) => found.get(key) ?? null);
  }

  /** Each title's "more like this" list (similar-titles.ts) as rows, ranked on the current index and kept for SIMILAR_TTL_MS. */
  async similarTitles(keys: readonly string[]): Promise<MediaCache[][]> {
    await this.snapshot();
    // A title fetched from TMDB a moment ago may be newer than the last check.
    if (keys.some((key) => !this.catalogue.get(key))) await this.snapshot({ fresh: true });
    const now = Date.now();
    const lists = keys.map((key) => {
      const kept = this.similar.get(key);
      if (kept && now - kept.rankedAt < SIMILAR_TTL_MS) return kept.keys;
      const ranked = similarTitleKeys(this.catalogue, key);
      if (!this.catalogue.get(key)) return ranked;
      this.similar.delete(key);
      if (this.similar.size >= MAX_CACHED_SIMILAR) this.similar.delete(this.similar.keys().next().value!);
      this.similar.set(key, { keys: ranked, rankedAt: now });
      return ranked;
    });
    const wanted = [...new Set(lists.flat())];
    const rows = new Map<string, MediaCache>();
    (await this.mediaRows(wanted)).forEach((row, index) => row && rows.set(wanted[index]!, row));
    return lists.map((list) => list.flatMap((key) => rows.get(key) ?? []));
  }

  /**
   * Each title's "people who liked this also liked" list: the live model's neighbours of it (learnt
   * from everyone's favourites, good ratings and watchlists), strongest first, as rows; titles the
   * cache lacks and adult titles left out. Empty before the first training and for a title too few
   * people have. The lists are the ones rankings read (kept per model version).
   */
  async alsoLikedTitles(keys: readonly string[], limit: number): Promise<MediaCache[][]> {
    const snapshot = await this.snapshot();
    const lists = await snapshot.neighbours(keys);
    const chosen = keys.map((key) => {
      const list = lists.get(key);
      if (!list) return [];
      // Strongest first; a negative weight (EASE's "liked by other people") is no recommendation.
      const order = Array.from(list.keys, (_, index) => index)
        .filter((index) => Number(list.weights[index]) > 0)
        .sort((a, b) => Number(list.weights[b]) - Number(list.weights[a]));
      const out: string[] = [];
      for (const index of order) {
        const neighbour = list.keys[index]!;
        const title = snapshot.catalogue.get(neighbour);
        if (neighbour === key || !title || title.adult) continue;
        out.push(neighbour);
        if (out.length === limit) break;
      }
      return out;
    });
    const wanted = [...new Set(chosen.flat())];
    const rows = new Map<string, MediaCache>();
    (await this.mediaRows(wanted)).forEach((row, index) => row && rows.set(wanted[index]!, row));
    return chosen.map((list) => list.flatMap((key) => rows.get(key) ?? []));
  }

  /** Whether the catalogue, as of its last check, holds every one of these titles ("movie:550"). */
  holds(keys: readonly string[]): boolean {
    return keys.every((key) => this.catalogue.get(key) !== undefined);
  }

  /** Keys of the titles matching a search (media/title-search.ts) on the current catalogue, from `offset`, at most `limit`. */
  async searchTitles(query: string, options: { mediaType: MediaKind | null; offset: number; limit: number; fresh?: boolean }): Promise<string[]> {
    await this.snapshot({ fresh: options.fresh });
    return this.titleSearch.search(query, options);
  }

  private async check(): Promise<void> {
    const started = Date.now();
    try {
      await this.catchUp();
      this.checkedAt = started;
    } finally {
      this.checking = null;
    }
  }

  /** `mediaRows` as of a check made now (or within CATALOGUE_REFRESH_MS): for pages that did not rank or search first. */
  async currentRows(keys: readonly string[]): Promise<Array<MediaCache | null>> {
    await this.snapshot();
    return this.mediaRows(keys);
  }

  private async catchUp(): Promise<void> {
    const [stamp] = await this.prisma.$queryRawUnsafe<Array<{ catalogue_ms: number | null; model_version: number | null }>>(
      `SELECT (SELECT (extract(epoch FROM max(updated_at)) * 1000)::float8 FROM media_cache) AS catalogue_ms,
              (SELECT version FROM recommendation_model WHERE status = 'live' ORDER BY version DESC LIMIT 1) AS model_version`,
    );
    const work: Promise<void>[] = [];
    if (stamp!.catalogue_ms !== null && stamp!.catalogue_ms !== this.catalogueAt) work.push(this.readCatalogue(stamp!.catalogue_ms));
    if (stamp!.model_version !== this.modelVersion) work.push(this.readModel(stamp!.model_version));
    await Promise.all(work);
  }

  private async readCatalogue(newest: number): Promise<void> {
    if (this.catalogueAt === null) {
      // The first read, in key order a batch at a time (bounded memory per statement).
      let after: { type: string; id: number } | null = null;
      for (;;) {
        const rows: CatalogueRow[] = after
          ? await this.prisma.$queryRawUnsafe<CatalogueRow[]>(
              `SELECT ${CATALOGUE_COLUMNS} FROM media_cache WHERE (media_type, tmdb_id) > ($1::media_type, $2) ORDER BY media_type, tmdb_id LIMIT ${LOAD_BATCH}`,
              after.type,
              after.id,
            )
          : await this.prisma.$queryRawUnsafe<CatalogueRow[]>(`SELECT ${CATALOGUE_COLUMNS} FROM media_cache ORDER BY media_type, tmdb_id LIMIT ${LOAD_BATCH}`);
        this.upsertRows(rows);
        if (rows.length < LOAD_BATCH) break;
        const last = rows[rows.length - 1]!;
        after = { type: last.media_type, id: last.tmdb_id };
      }
    } else {
      // Which rows moved (light: keys and stamps), then only those not already read in full. The
      // overlap re-lists every row written in its last 10 s, so under a busy worker most are known.
      const stamps = await this.prisma.$queryRawUnsafe<Array<{ media_type: MediaKind; tmdb_id: number; updated_ms: number }>>(
        `SELECT media_type::text AS media_type, tmdb_id, (extract(epoch FROM updated_at) * 1000)::float8 AS updated_ms
           FROM media_cache WHERE updated_at > to_timestamp($1::float8 / 1000)`,
        this.catalogueAt - CATCH_UP_OVERLAP_MS,
      );
      const changed = stamps.filter((row) => row.updated_ms > (this.catalogue.find(row.media_type, row.tmdb_id)?.updatedAt ?? -1));
      if (changed.length) {
        const rows = await this.prisma.$queryRawUnsafe<CatalogueRow[]>(
          `SELECT ${CATALOGUE_COLUMNS} FROM media_cache WHERE (media_type, tmdb_id) IN (SELECT * FROM unnest($1::media_type[], $2::int[]))`,
          changed.map((row) => row.media_type),
          changed.map((row) => row.tmdb_id),
        );
        this.upsertRows(rows);
      }
    }
    this.catalogueAt = Math.max(newest, this.catalogueAt ?? newest);
  }

  private upsertRows(rows: CatalogueRow[]): void {
    const titles = rows.map(toTitle);
    this.catalogue.upsert(titles);
    this.titleSearch.upsert(
      titles.map(({ key, mediaType, tmdbId, title, popularity, adult }, index) => ({
        key,
        mediaType,
        tmdbId,
        title,
        originalTitle: rows[index]!.original_title,
        translatedTitles: rows[index]!.translated_titles,
        popularity,
        adult,
      })),
    );
  }

  private async readModel(version: number | null): Promise<void> {
    const keys =
      version === null
        ? []
        : await this.prisma.$queryRawUnsafe<Array<{ key: string }>>(
            `SELECT media_type::text || ':' || tmdb_id AS key FROM item_neighbours WHERE model_version = $1`,
            version,
          );
    this.modelIds = new Map(keys.map((row, id) => [this.catalogue.internKey(row.key), id]));
    this.inModel = new Set(this.modelIds.keys());
    this.lists = new Map();
    this.modelVersion = version;
  }

  private async neighbourLists(version: number | null, keys: readonly string[]): Promise<Map<string, NeighbourList>> {
    const found = new Map<string, NeighbourList>();
    if (version === null) return found;
    const cache = version === this.modelVersion ? this.lists : new Map<string, NeighbourList>();
    const missing: string[] = [];
    for (const key of keys) {
      const list = cache.get(key);
      if (list) found.set(key, list);
      else if (this.inModel.has(key) || version !== this.modelVersion) missing.push(key);
    }
    if (missing.length) {
      const read = await neighbourLists({ prisma: this.prisma }, { version, keys: missing, intern: (key) => this.catalogue.internKey(key) });
      // Numbered only against the numbering of their own version (a list read for another version goes without).
      if (version === this.modelVersion) for (const list of read.values()) list.ids = Int32Array.from(list.keys, (key) => this.modelIds.get(key) ?? -1);
      for (const [key, list] of read) {
        found.set(key, list);
        if (cache.size >= MAX_CACHED_LISTS) cache.delete(cache.keys().next().value!);
        cache.set(key, list);
      }
    }
    return found;
  }
}
