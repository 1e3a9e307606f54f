// The JSON every route answers with, and TMDB's paged-list envelope.
import { PAGE_SIZE } from "../model.ts";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface Paged {
  page: number;
  results: JsonObject[];
  total_pages: number;
  total_results: number;
}

/** A page of a list; `emptyPages` is total_pages when there are no results (TMDB: 1 for search/discover/lists, 0 for sub-lists). */
export function pageOf<T>(items: readonly T[], page: number, serialise: (item: T) => JsonObject, emptyPages = 1): Paged {
  const start = (page - 1) * PAGE_SIZE;
  return {
    page,
    results: items.slice(start, start + PAGE_SIZE).map(serialise),
    total_pages: items.length === 0 ? emptyPages : Math.ceil(items.length / PAGE_SIZE),
    total_results: items.length,
  };
}
