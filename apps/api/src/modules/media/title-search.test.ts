import { describe, expect, it } from "vitest";
import { TitleSearchIndex, trigrams, type SearchableTitle } from "./title-search.ts";

const title = (tmdbId: number, text: string, extra: Partial<SearchableTitle> = {}): SearchableTitle => ({
  key: `movie:${tmdbId}`,
  mediaType: "movie",
  tmdbId,
  title: text,
  originalTitle: text,
  translatedTitles: [],
  popularity: 10,
  adult: false,
  ...extra,
});

describe("trigrams", () => {
  it("are pg_trgm's: lower-cased words padded with two spaces before and one after", () => {
    expect([...trigrams("Cat")].sort()).toEqual(["  c", " ca", "at ", "cat"]);
    expect([...trigrams("two words!")].sort()).toEqual(["  t", "  w", " tw", " wo", "ds ", "ord", "rds", "two", "wo ", "wor"]);
    expect(trigrams("!!!").size).toBe(0);
  });
});

describe("TitleSearchIndex", () => {
  it("scores similarity as pg_trgm does (similarity('word', 'two words') = 4/11): over 0.3 matches, under does not", () => {
    const index = new TitleSearchIndex();
    index.upsert([title(1, "two words"), title(2, "sword play")]);
    // "word" shares 4 of 11 trigrams with "two words" (0.36) but only 3 of 12 with "sword play" (0.25), and is a substring of both.
    expect(index.search("word", { mediaType: null, offset: 0, limit: 10 })).toEqual(["movie:1", "movie:2"]);
    expect(index.search("wodr", { mediaType: null, offset: 0, limit: 10 })).toEqual([]);
    expect(index.search("twoo words", { mediaType: null, offset: 0, limit: 10 })).toEqual(["movie:1"]);
  });

  it("orders the exact title first, then by similarity, popularity and TMDB id; skips adult titles and the other type", () => {
    const index = new TitleSearchIndex();
    index.upsert([
      title(5, "Heat Wave", { popularity: 90 }),
      title(4, "Heat", { popularity: 1 }),
      title(3, "The Heat", { popularity: 50 }),
      title(2, "The Heat", { popularity: 50 }),
      title(6, "Heat", { adult: true }),
      { ...title(7, "Heat"), key: "tv:7", mediaType: "tv" },
    ]);
    expect(index.search("heat", { mediaType: "movie", offset: 0, limit: 10 })).toEqual(["movie:4", "movie:2", "movie:3", "movie:5"]);
    expect(index.search("heat", { mediaType: null, offset: 1, limit: 2 })).toEqual(["movie:4", "movie:2"]); // tv:7 (popularity 10) before movie:4 (1);
  });

  it("finds a title by its original title as a substring, and forgets a title's old name when it changes", () => {
    const index = new TitleSearchIndex();
    index.upsert([title(1, "Spirited Away", { originalTitle: "Sen to Chihiro no Kamikakushi" })]);
    expect(index.search("chihiro", { mediaType: null, offset: 0, limit: 10 })).toEqual(["movie:1"]);
    index.upsert([title(1, "A New Name")]);
    expect(index.search("spirited away", { mediaType: null, offset: 0, limit: 10 })).toEqual([]);
    expect(index.search("a new name", { mediaType: null, offset: 0, limit: 10 })).toEqual(["movie:1"]);
  });

  it("finds a title by a translated title, and puts an exact translated title first", () => {
    const index = new TitleSearchIndex();
    index.upsert([
      title(1, "The Godfather", { translatedTitles: ["Le Parrain"], popularity: 5 }),
      title(2, "Le Parrain de Paris", { popularity: 50 }),
      title(3, "Heat"),
    ]);
    expect(index.search("parrain", { mediaType: null, offset: 0, limit: 10 })).toEqual(["movie:2", "movie:1"]);
    expect(index.search("le parrain", { mediaType: null, offset: 0, limit: 10 })).toEqual(["movie:1", "movie:2"]);
    index.upsert([title(1, "The Godfather")]);
    expect(index.search("le parrain", { mediaType: null, offset: 0, limit: 10 })).toEqual(["movie:2"]);
  });
});
