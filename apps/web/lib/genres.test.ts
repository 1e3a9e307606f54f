import { describe, expect, it } from "vitest";
import { mergeGenres } from "./genres";

// TMDB's genre lists (/genre/movie/list and /genre/tv/list) in English and French, as the offline
// catalogue serves them (packages/tmdb-catalogue/src/data/genres.ts), ids as TMDB's.
const english = {
  movie: [
    [28, "Action"],
    [12, "Adventure"],
    [16, "Animation"],
    [35, "Comedy"],
    [80, "Crime"],
    [99, "Documentary"],
    [18, "Drama"],
    [10751, "Family"],
    [14, "Fantasy"],
    [36, "History"],
    [27, "Horror"],
    [10402, "Music"],
    [9648, "Mystery"],
    [10749, "Romance"],
    [878, "Science Fiction"],
    [10770, "TV Movie"],
    [53, "Thriller"],
    [10752, "War"],
    [37, "Western"],
  ],
  tv: [
    [10759, "Action & Adventure"],
    [16, "Animation"],
    [35, "Comedy"],
    [80, "Crime"],
    [99, "Documentary"],
    [18, "Drama"],
    [10751, "Family"],
    [10762, "Kids"],
    [9648, "Mystery"],
    [10763, "News"],
    [10764, "Reality"],
    [10765, "Sci-Fi & Fantasy"],
    [10766, "Soap"],
    [10767, "Talk"],
    [10768, "War & Politics"],
    [37, "Western"],
  ],
} as const;
const french = {
  movie: [
    [28, "Action"],
    [12, "Aventure"],
    [16, "Animation"],
    [35, "Comédie"],
    [80, "Crime"],
    [99, "Documentaire"],
    [18, "Drame"],
    [10751, "Familial"],
    [14, "Fantastique"],
    [36, "Histoire"],
    [27, "Horreur"],
    [10402, "Musique"],
    [9648, "Mystère"],
    [10749, "Romance"],
    [878, "Science-Fiction"],
    [10770, "Téléfilm"],
    [53, "Thriller"],
    [10752, "Guerre"],
    [37, "Western"],
    [99999, "Épouvante"],
    [99998, "émission"],
  ],
  tv: [
    [10759, "Action & Adventure"],
    [10762, "Kids"],
    [10763, "News"],
    [10764, "Reality"],
    [10765, "Science-Fiction & Fantastique"],
    [10766, "Soap"],
    [10767, "Talk"],
    [10768, "War & Politics"],
  ],
} as const;
const genres = (list: ReadonlyArray<readonly [number, string]>) => list.map(([tmdbId, name]) => ({ id: String(tmdbId), tmdbId, name }));

describe("mergeGenres", () => {
  it("lists a genre both kinds have once", () => {
    const merged = mergeGenres(genres(english.movie), genres(english.tv));
    expect(merged.filter((genre) => genre.tmdbId === 18)).toHaveLength(1);
    expect(new Set(merged.map((genre) => genre.tmdbId)).size).toBe(merged.length);
  });

  for (const [locale, lists] of [
    ["en", english],
    ["fr", french],
  ] as const) {
    it(`orders the names as Intl.Collator does in ${locale}`, () => {
      const merged = mergeGenres(genres(lists.movie), genres(lists.tv)).map((genre) => genre.name);
      expect(merged).toEqual([...merged].sort(new Intl.Collator(locale).compare));
    });
  }
});
