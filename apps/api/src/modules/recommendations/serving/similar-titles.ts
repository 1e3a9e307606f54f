// "More like this" on a title page: titles of the same type sharing a genre with it, ranked by what
// they share — 2 × genres + keywords + 3 × directors + cast, each id counted once — then by rating
// (unrated last), then TMDB id; never the title itself, never an adult title. Ranked in memory over
// the API process's catalogue index (catalogue-index.ts), keywords and people through its lists of
// each one's titles. It was a lateral SQL statement over
// media_cache: 193 ms mean and a quarter of Postgres' time under the load bench (bench/README.md).
import type { CatalogueIndex, CatalogueTitle } from "./catalogue-index.ts";

/** The longest list a title page can ask for. */
export const SIMILAR_LIMIT = 12;

/** How many distinct ids of `ids` are in `set` (arrays may repeat an id: an actor in two roles). */
function sharedCount(ids: readonly number[], set: ReadonlySet<number>): number {
  let count = 0;
  for (let i = 0; i < ids.length; i++) if (set.has(ids[i]!) && ids.indexOf(ids[i]!) === i) count++;
  return count;
}

interface Ranked {
  title: CatalogueTitle;
  score: number;
}

/** Better first: more shared, then the higher rating (unrated last), then the lower TMDB id. */
function compare(a: Ranked, b: Ranked): number {
  return b.score - a.score || (b.title.voteAverage ?? -Infinity) - (a.title.voteAverage ?? -Infinity) || a.title.tmdbId - b.title.tmdbId;
}

/** The keys of the `limit` titles most like `key`'s, best first; [] for a title the index does not hold. */
export function similarTitleKeys(index: CatalogueIndex, key: string, limit = SIMILAR_LIMIT): string[] {
  const source = index.get(key);
  if (!source || limit <= 0) return [];
  const genres = new Set(source.genreIds);
  // What the keywords and people add, from the index's lists of each one's titles (a few hundred
  // titles at most each), instead of comparing every title sharing a genre with the source.
  const extra = new Map<CatalogueTitle, number>();
  const add = (title: CatalogueTitle, points: number) => extra.set(title, (extra.get(title) ?? 0) + points);
  for (const id of new Set(source.keywordIds)) index.forEachWith("keyword", id, (title) => add(title, 1));
  for (const id of new Set(source.directorIds)) index.forEachWith("person", id, (title) => title.directorIds.includes(id) && add(title, 3));
  for (const id of new Set(source.castIds)) index.forEachWith("person", id, (title) => title.castIds.includes(id) && add(title, 1));
  // The best `limit` so far, best first (an insertion into a short sorted list).
  const best: Ranked[] = [];
  index.forEachSharingGenre(source.genreIds, (title) => {
    if (title.mediaType !== source.mediaType || title.adult || title.tmdbId === source.tmdbId) return;
    const score = 2 * sharedCount(title.genreIds, genres) + (extra.get(title) ?? 0);
    const candidate = { title, score };
    if (best.length === limit && compare(candidate, best[limit - 1]!) >= 0) return;
    let at = best.length === limit ? limit - 1 : best.length;
    while (at > 0 && compare(candidate, best[at - 1]!) < 0) {
      best[at] = best[at - 1]!;
      at--;
    }
    best[at] = candidate;
  });
  return best.map((ranked) => ranked.title.key);
}
