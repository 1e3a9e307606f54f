// The TMDB lists the worker pages into MediaCache, one cursor row each.
import type { TmdbClient } from "../../tmdb/index.ts";
import type { ListItem } from "../media/media-cache.writer.ts";
import { listItemsOf, mixedListItems } from "../media/tmdb-into-cache.ts";
import type { MediaKind } from "../../media-kind.ts";

export interface IngestList {
  /** The cursor row's key and the source list recorded on each title. */
  id: string;
  /** `resultCount` counts every result, also those not cached (people in trending). */
  fetchPage(tmdb: TmdbClient, page: number, signal?: AbortSignal): Promise<{ items: ListItem[]; totalPages: number; resultCount: number }>;
}

function ranked(kind: MediaKind, list: "popular" | "top_rated"): IngestList {
  return {
    id: `${kind}/${list}`,
    async fetchPage(tmdb, page, signal) {
      const result = await tmdb.list({ mediaType: kind, list, page }, signal);
      return { items: listItemsOf(kind, result.results), totalPages: result.total_pages, resultCount: result.results.length };
    },
  };
}

export const INGEST_LISTS: IngestList[] = [
  ranked("movie", "popular"),
  ranked("tv", "popular"),
  ranked("movie", "top_rated"),
  ranked("tv", "top_rated"),
  {
    id: "trending/all/week",
    async fetchPage(tmdb, page, signal) {
      const result = await tmdb.trending({ mediaType: "all", window: "week", page }, signal);
      // Trending also lists people and collections; only films and series are cached.
      return { items: mixedListItems(result.results), totalPages: result.total_pages, resultCount: result.results.length };
    },
  },
];
