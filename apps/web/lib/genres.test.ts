import { describe, expect, it } from "vitest";
import { FRENCH_GENRE_NAMES, MOVIE_GENRES, TV_GENRES } from "../../../packages/tmdb-catalogue/src/data/genres";
import { genresByType, mergeGenres } from "./genres";

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

describe("genresByType", () => {
  it("keeps each kind's own genres apart, each sorted by name", () => {
    const { MOVIE, TV } = genresByType(genres(english.movie), genres(english.tv));
    const ids = (list: readonly { tmdbId: number }[]) => list.map((genre) => genre.tmdbId);
    expect(ids(MOVIE)).toContain(27); // Horror: films only
    expect(ids(TV)).not.toContain(27);
    expect(ids(TV)).toContain(10759); // Action & Adventure: series only
    expect(ids(MOVIE)).not.toContain(10759);
    for (const list of [MOVIE, TV]) expect(list.map((genre) => genre.name)).toEqual(list.map((genre) => genre.name).sort(new Intl.Collator("en").compare));
  });
});
