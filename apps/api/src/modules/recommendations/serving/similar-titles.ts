// "More like this" on a title page: titles of the same type sharing a genre with it, ranked by what
// they share — 2 × genres + keywords + 3 × directors + cast, each id counted once — then by rating
// (unrated last), then TMDB id; never the title itself, never an adult title. Ranked in memory over
// the API process's catalogue index (catalogue-index.ts), keywords and people through its lists of
// each one's titles. It was a lateral SQL statement over
// media_cache: 193 ms mean and a quarter of Postgres' time under the load bench (bench/README.md).
import { sharedCount } from "../ranking/id-sets.ts";
import type { CatalogueIndex, CatalogueTitle } from "./catalogue-index.ts";

/** The longest list a title page can ask for. */
export const SIMILAR_LIMIT = 12;

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
  // What the keywords and people add, from the index's lists of each one's titles (a few hundred
  // titles at most each), instead of comparing every title sharing a genre with the source.
  const extra = new Map<CatalogueTitle, number>();
  const add = (title: CatalogueTitle, points: number) => extra.set(title, (extra.get(title) ?? 0) + points);
  for (const id of new Set(source.keywordIds)) index.forEachWith("keyword", id, (title) => add(title, 1));
  for (const id of new Set(source.directorIds)) index.forEachWith("person", id, (title) => title.directorIds.includes(id) && add(title, 3));
  for (const id of new Set(source.castIds)) index.forEachWith("person", id, (title) => title.castIds.includes(id) && add(title, 1));
  const eligible = (title: CatalogueTitle) => title.mediaType === source.mediaType && !title.adult && title.tmdbId !== source.tmdbId;
  // The best `limit` so far, best first (an insertion into a short sorted list). The order is total,
  // so the list does not depend on the order titles are offered in.
  const best: Ranked[] = [];
  const offer = (title: CatalogueTitle, score: number) => {
    const candidate = { title, score };
    if (best.length === limit && compare(candidate, best[limit - 1]!) >= 0) return;
    let at = best.length === limit ? limit - 1 : best.length;
    while (at > 0 && compare(candidate, best[at - 1]!) < 0) {
      best[at] = best[at - 1]!;
      at--;
    }
    best[at] = candidate;
  };
  // Titles with shared keywords or people first: the only ones scoring more than 2 × shared genres.
  const genres = new Set(source.genreIds);
  for (const [title, points] of extra) {
    const shared = sharedCount(title.genreIds, genres);
    if (shared > 0 && eligible(title)) offer(title, 2 * shared + points);
  }
  // Then the rest, at 2 × shared genres: once the list is full, a title sharing too few genres to
  // reach its last score (equal may still win on rating) is passed over unread.
  const enough = () => (best.length === limit ? Math.ceil(best[limit - 1]!.score / 2) : 1);
  index.forEachSharingGenres(source.genreIds, enough, (title, shared) => {
    if (!extra.has(title) && eligible(title)) offer(title, 2 * shared);
  });
  return best.map((ranked) => ranked.title.key);
}
