// How the catalogue orders titles: TMDB's sort_by comparators (ties broken by id), collections'
// movies by release date, a top-k selection over per-title scores, and the movie / tv / person
// order of mixed lists.
import { titleDate, titleName, titleOriginalName } from "../model.ts";
import type { CatalogueMovie, CatalogueTitle, MediaType, Person } from "../model.ts";

export type Comparator = (a: CatalogueTitle, b: CatalogueTitle) => number;

export function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The comparator of a TMDB sort_by ("popularity.desc", "release_date.asc"…) for a type; undefined if the type has no such field. */
export function titleComparator(type: MediaType, sortBy: string): Comparator | undefined {
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

/** Movies by collection id, each collection by release date (then id). */
export function moviesByCollection(movies: readonly CatalogueMovie[]): Map<number, CatalogueMovie[]> {
  const map = new Map<number, CatalogueMovie[]>();
  for (const m of movies) {
    if (m.collectionId === null) continue;
    const list = map.get(m.collectionId) ?? [];
    list.push(m);
    map.set(m.collectionId, list);
  }
  for (const list of map.values()) list.sort((a, b) => cmpStr(a.releaseDate, b.releaseDate) || a.id - b.id);
  return map;
}

/**
 * Indexes of the `limit` best entries with a positive score, best first (score desc, then `tieBreak`).
 * A bounded min-heap: O(n log limit).
 */
export function topK(scores: Float64Array, limit: number, tieBreak: (a: number, b: number) => number): number[] {
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

/** Movies before tv before people, in mixed lists (trending, search/multi) with equal scores. */
export function kindOrder(e: CatalogueTitle | Person): number {
  return "mediaType" in e ? (e.mediaType === "movie" ? 0 : 1) : 2;
}
