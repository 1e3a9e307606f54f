import { describe, expect, it } from "vitest";
import { FRENCH_GENRE_NAMES, MOVIE_GENRES, TV_GENRES } from "../../../packages/tmdb-catalogue/src/data/genres";
import { mergeGenres } from "./genres";

// TMDB's genre lists in English and French, as the offline catalogue serves them, plus two French
// names that start with an accented capital and an accented small letter.
const english = { movie: MOVIE_GENRES.map(({ id, name }) => [id, name] as const), tv: TV_GENRES.map(({ id, name }) => [id, name] as const) };
const inFrench = ({ id }: { id: number }) => [id, FRENCH_GENRE_NAMES[id] ?? ""] as const;
const french = {
  movie: [...MOVIE_GENRES.map(inFrench), [99999, "Épouvante"] as const, [99998, "émission"] as const],
  tv: TV_GENRES.map(inFrench),
};
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
