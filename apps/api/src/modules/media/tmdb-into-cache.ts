// TMDB into MediaCache: how every path that asks TMDB for titles turns the answer into cache rows
// (media-cache.writer.ts decides the columns). Browse and recommendations fall back to discover,
// search to multi search, pages and the details job to a title's details, and ingest pages lists
// (ingest.lists.ts) with the same list-item helpers.
//
// One rule each:
//   - a fallback that TMDB cannot answer (TmdbError) writes nothing, says so once in the log and
//     lets the caller serve what the cache has; any other error is a bug and propagates;
//   - details are fresh for `maxAgeMs` (a page needs them once, the worker refreshes them by age);
//     a title TMDB no longer has is marked as asked, so no path asks for it again until it is stale.
import type { PrismaClient } from "../../db.ts";
import type { MediaCache } from "../../generated/prisma/client.ts";
import type { Logger } from "../../logger.ts";
import { toMediaType, type MediaKind } from "../../media-kind.ts";
import { TmdbError, type MixedListItem, type MovieListItem, type TmdbClient, type TmdbQuery, type TvListItem } from "../../tmdb/index.ts";
import { type ListItem, upsertListItems, writeDetails } from "./media-cache.writer.ts";

export interface TmdbIntoCacheDeps {
  prisma: PrismaClient;
  tmdb: TmdbClient;
  logger: Logger;
}

/**
 * What TMDB's details append: credits (cast, directors) and keywords for the ranking, watch providers
 * for "where to watch", translations for callers in French (modules/media/translations.ts), videos
 * for the trailer (modules/media/trailer.ts).
 */
export const DETAILS_APPEND = ["credits", "keywords", "watch/providers", "translations", "videos"];

/** Discover's release-date filter is named differently for films and series. */
export const releaseDateField = (kind: MediaKind) => (kind === "movie" ? "primary_release_date" : "first_air_date");

/** A page of one kind's list items (popular, top rated, discover) as cache rows. */
export function listItemsOf(kind: MediaKind, results: ReadonlyArray<MovieListItem | TvListItem>): ListItem[] {
  return results.map((item) => ({ ...item, kind }) as ListItem);
}

/** A mixed page (trending, multi search) as cache rows: films and series only, people and collections are not cached. */
export function mixedListItems(results: readonly MixedListItem[]): ListItem[] {
  return results.flatMap((item): ListItem[] =>
    item.media_type === "movie" ? [{ ...item, kind: "movie" }] : item.media_type === "tv" ? [{ ...item, kind: "tv" }] : [],
  );
}

/** Runs a TMDB fallback; null (and one warning naming `purpose`) when TMDB cannot answer. */
async function fallback(deps: TmdbIntoCacheDeps, purpose: string, ask: () => Promise<number>): Promise<number | null> {
  try {
    return await ask();
  } catch (error) {
    if (!(error instanceof TmdbError)) throw error;
    deps.logger.warn({ err: error.message, code: error.code }, `${purpose}: TMDB unavailable; serving what the cache has`);
    return null;
  }
}

/**
 * Page 1 of TMDB discover for `kind`, written to media_cache as list `discover/<kind>`; how many rows
 * were written, or null when TMDB could not answer.
 */
export function discoverIntoCache(deps: TmdbIntoCacheDeps, input: { kind: MediaKind; query: TmdbQuery; purpose: string }): Promise<number | null> {
  return fallback(deps, input.purpose, async () => {
    const page = await deps.tmdb.discover({ mediaType: input.kind, page: 1, query: input.query });
    return upsertListItems(deps.prisma, listItemsOf(input.kind, page.results), `discover/${input.kind}`);
  });
}

/** What TMDB's search found (`keys`, "movie:550"), and the write of those titles to media_cache. */
export interface SearchIntoCache {
  keys: string[];
  /** False when TMDB could not answer (nothing found then). */
  answered: boolean;
  /** How many rows were written, once they are; a failed write is logged and counts 0 (never rejects). */
  written: Promise<number>;
}

/**
 * Page 1 of TMDB's multi search, its films and series written to media_cache as list `search`.
 * Answers once TMDB has: the caller decides whether to wait for the write. Nothing found when TMDB
 * cannot answer.
 */
export async function searchIntoCache(deps: TmdbIntoCacheDeps, query: string): Promise<SearchIntoCache> {
  let items: ListItem[] = [];
  const answered = await fallback(deps, "search", async () => {
    items = mixedListItems((await deps.tmdb.searchMulti({ query, page: 1 })).results);
    return items.length;
  });
  const written = upsertListItems(deps.prisma, items, "search").catch((error: unknown) => {
    deps.logger.error({ err: error }, "search: writing TMDB's answer to the cache failed");
    return 0;
  });
  return { keys: [...new Set(items.map((item) => `${item.kind}:${item.id}`))], answered: answered !== null, written };
}

export type DetailsResult =
  /** Details were fetched and written (row), or the cached ones are younger than maxAgeMs. */
  | { outcome: "fetched" | "fresh"; row: MediaCache }
  /** TMDB does not have the title (any cached row is returned as it is, marked as asked). */
  | { outcome: "gone"; row: MediaCache | null };

/**
 * A title's details (credits, keywords, runtime…) in media_cache: the cached row when its details
 * are younger than `maxAgeMs`, else fetched from TMDB and written with the people they name.
 * Throws TmdbError when TMDB cannot answer (other than "not found").
 */
export async function detailsIntoCache(
  deps: Pick<TmdbIntoCacheDeps, "prisma" | "tmdb">,
  ref: { kind: MediaKind; tmdbId: number },
  maxAgeMs: number,
): Promise<DetailsResult> {
  const where = { mediaType: toMediaType(ref.kind), tmdbId: ref.tmdbId };
  // Another process (or an earlier request) may have filled it meanwhile.
  const cached = await deps.prisma.mediaCache.findUnique({ where: { mediaType_tmdbId: where } });
  if (cached?.detailsFetchedAt && Date.now() - cached.detailsFetchedAt.getTime() < maxAgeMs) return { outcome: "fresh", row: cached };
  try {
    const details = ref.kind === "movie" ? await deps.tmdb.movieDetails(ref.tmdbId, DETAILS_APPEND) : await deps.tmdb.tvDetails(ref.tmdbId, DETAILS_APPEND);
    return { outcome: "fetched", row: await writeDetails(deps.prisma, ref.kind, details) };
  } catch (error) {
    if (!(error instanceof TmdbError && error.code === "TMDB_NOT_FOUND")) throw error;
    await deps.prisma.mediaCache.updateMany({ where, data: { detailsFetchedAt: new Date() } });
    return { outcome: "gone", row: cached };
  }
}
