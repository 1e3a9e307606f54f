// Title search held in the API process's memory, answering as Postgres' ILIKE and pg_trgm did when
// search was one SQL statement over media_cache (40–400 ms a search under the load bench, 60 % of
// Postgres' time; bench/README.md). A title matches when
//   - its title, original title or a translated title (media_cache.translations) contains the query,
//     ignoring case, or
//   - its title is trigram-similar to the query: pg_trgm's similarity ≥ 0.3 (its default threshold);
// matches come exact title (or translated title) first, then by similarity, then popularity, then TMDB id.
//
// Trigrams are pg_trgm's: each word (a run of letters and digits) lower-cased and padded as
// "  word ", every three characters of it, as a set; similarity = shared / (|A| + |B| − shared).
// An inverted index (trigram → titles) finds the similar titles without comparing against all of
// them; the substring test runs over every title (≈ 1–2 ms per 20,000). Pure; fed by the API's
// catalogue catch-up (recommendations/serving/recommendation-serving.ts). Where it may differ from
// the SQL: any Unicode letter or decimal digit is a word character and lower-casing is JavaScript's,
// whereas Postgres follows the database's locale (in the C locale it splits words at accented
// letters). Superscripts and fractions (Alien³, 2½) separate words, as in glibc's UTF-8 locales.
import type { MediaKind } from "../../media-kind.ts";

/** pg_trgm's default `similarity_threshold`. */
export const SIMILARITY_THRESHOLD = 0.3;

export interface SearchableTitle {
  key: string;
  mediaType: MediaKind;
  tmdbId: number;
  title: string;
  originalTitle: string;
  /** Its titles in other languages (translations.ts). */
  translatedTitles: readonly string[];
  popularity: number;
  adult: boolean;
}

const NO_TITLES: readonly string[] = [];

/** One title as the search holds it: a small object of one shape (the scan reads every one). */
interface Entry {
  key: string;
  mediaType: MediaKind;
  tmdbId: number;
  title: string;
  popularity: number;
  adult: boolean;
  lowerTitle: string;
  lowerOriginalTitle: string;
  lowerTranslatedTitles: readonly string[];
  /** How many distinct trigrams the title has. */
  trigramCount: number;
}

const WORD_SEPARATOR = /[^\p{L}\p{Nd}]+/u;

interface Match {
  entry: Entry;
  exact: boolean;
  similarity: number;
}

/** Exact title first, then by similarity, popularity, TMDB id. */
function compareMatches(a: Match, b: Match): number {
  return Number(b.exact) - Number(a.exact) || b.similarity - a.similarity || b.entry.popularity - a.entry.popularity || a.entry.tmdbId - b.entry.tmdbId;
}

/** The `size` best items offered, by `compare` (a bounded max-heap: the worst kept is at the top). */
class BestOf<T> {
  private readonly heap: T[] = [];

  constructor(
    private readonly size: number,
    private readonly compare: (a: T, b: T) => number,
  ) {}

  offer(item: T): void {
    const heap = this.heap;
    if (heap.length < this.size) {
      heap.push(item);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (this.compare(heap[i]!, heap[parent]!) <= 0) break;
        [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
        i = parent;
      }
    } else if (this.size > 0 && this.compare(item, heap[0]!) < 0) {
      heap[0] = item;
      for (let i = 0; ; ) {
        const left = 2 * i + 1;
        let worst = i;
        if (left < heap.length && this.compare(heap[left]!, heap[worst]!) > 0) worst = left;
        if (left + 1 < heap.length && this.compare(heap[left + 1]!, heap[worst]!) > 0) worst = left + 1;
        if (worst === i) break;
        [heap[i], heap[worst]] = [heap[worst]!, heap[i]!];
        i = worst;
      }
    }
  }

  sorted(): T[] {
    return [...this.heap].sort(this.compare);
  }
}

/** pg_trgm's trigrams of a text. */
export function trigrams(text: string): Set<string> {
  const found = new Set<string>();
  for (const word of text.toLowerCase().split(WORD_SEPARATOR)) {
    if (!word) continue;
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) found.add(padded.slice(i, i + 3));
  }
  return found;
}

export class TitleSearchIndex {
  private readonly entries: Entry[] = [];
  private readonly positions = new Map<string, number>();
  private readonly postings = new Map<string, number[]>();
  /** Per title, the trigrams it shares with the query being answered (zeroed again after each search). */
  private shared = new Uint16Array(0);

  get size(): number {
    return this.entries.length;
  }

  /** Adds new titles and replaces known ones; the trigram index changes only where a title's text did. */
  upsert(rows: readonly SearchableTitle[]): void {
    for (const row of rows) {
      const entry: Entry = {
        key: row.key,
        mediaType: row.mediaType,
        tmdbId: row.tmdbId,
        title: row.title,
        popularity: row.popularity,
        adult: row.adult,
        lowerTitle: row.title.toLowerCase(),
        lowerOriginalTitle: row.originalTitle.toLowerCase(),
        lowerTranslatedTitles: row.translatedTitles.length ? row.translatedTitles.map((title) => title.toLowerCase()) : NO_TITLES,
        trigramCount: 0,
      };
      const position = this.positions.get(row.key);
      if (position === undefined) {
        this.positions.set(row.key, this.entries.length);
        this.entries.push(entry);
        this.addTrigrams(entry, this.entries.length - 1);
        continue;
      }
      const before = this.entries[position]!;
      if (before.title === row.title) entry.trigramCount = before.trigramCount;
      else {
        this.removeTrigrams(before, position);
        this.addTrigrams(entry, position);
      }
      this.entries[position] = entry;
    }
    if (this.shared.length < this.entries.length) this.shared = new Uint16Array(Math.ceil(this.entries.length * 1.25));
  }

  /** Keys of the matching titles from `offset`, at most `limit`, best first; never adult titles. */
  search(query: string, options: { mediaType: MediaKind | null; offset: number; limit: number }): string[] {
    const lowerQuery = query.toLowerCase();
    const queryTrigrams = trigrams(query);
    const shared = this.shared;
    const touched: number[] = [];
    for (const trigram of queryTrigrams) {
      for (const position of this.postings.get(trigram) ?? []) {
        const before = shared[position]!;
        shared[position] = before + 1;
        if (before === 0) touched.push(position);
      }
    }
    // Only the best offset + limit matches are kept, in order (a common word matches thousands).
    const best = new BestOf<Match>(options.offset + options.limit, compareMatches);
    for (let position = 0; position < this.entries.length; position++) {
      const entry = this.entries[position]!;
      if (entry.adult || (options.mediaType !== null && entry.mediaType !== options.mediaType)) continue;
      const common = shared[position]!;
      const similarity = common === 0 ? 0 : common / (queryTrigrams.size + entry.trigramCount - common);
      if (
        similarity >= SIMILARITY_THRESHOLD ||
        entry.lowerTitle.includes(lowerQuery) ||
        entry.lowerOriginalTitle.includes(lowerQuery) ||
        entry.lowerTranslatedTitles.some((title) => title.includes(lowerQuery))
      ) {
        best.offer({ entry, exact: entry.lowerTitle === lowerQuery || entry.lowerTranslatedTitles.includes(lowerQuery), similarity });
      }
    }
    for (const position of touched) shared[position] = 0;
    return best
      .sorted()
      .slice(options.offset)
      .map((match) => match.entry.key);
  }

  private addTrigrams(entry: Entry, position: number): void {
    const found = trigrams(entry.title);
    entry.trigramCount = found.size;
    for (const trigram of found) {
      const list = this.postings.get(trigram);
      if (list) list.push(position);
      else this.postings.set(trigram, [position]);
    }
  }

  private removeTrigrams(entry: Entry, position: number): void {
    for (const trigram of trigrams(entry.title)) {
      const list = this.postings.get(trigram);
      if (!list) continue;
      const at = list.indexOf(position);
      if (at >= 0) list.splice(at, 1);
    }
  }
}
