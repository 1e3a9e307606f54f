import { describe, expect, it } from "vitest";
import { matchTitle, normaliseTitle, type TitleCandidate } from "./title-match.ts";

const film = (tmdbId: number, title: string, year: number | null, originalTitle: string | null = null): TitleCandidate => ({
  mediaType: "MOVIE",
  tmdbId,
  title,
  originalTitle,
  year,
  popularity: 1,
});

describe("title matching", () => {
  it.each([
    ["Léon: The Professional", "leon the professional"],
    ["The Godfather: Part II", "godfather part ii"],
    ["Godfather, Part II, The", "godfather part ii"],
    ["Crouching Tiger, Hidden Dragon", "crouching tiger hidden dragon"],
    ["Fast & Furious", "fast and furious"],
    ["AMÉLIE", "amelie"],
    ["Logan's Run", "logans run"],
    ["A", "a"],
  ])("normalises %s to %s", (title, normalised) => {
    expect(normaliseTitle(title)).toBe(normalised);
  });

  const candidates = [
    film(1, "Heat", 1995),
    film(2, "Heat", 1986),
    film(3, "Léon: The Professional", 1994, "Léon"),
    film(4, "Nosferatu", 1922),
    film(5, "Nosferatu", 1922),
  ];

  it("tells same-title films apart by year, exact before ±1", () => {
    expect(matchTitle({ title: "Heat", year: 1995 }, candidates)).toEqual({ match: candidates[0] });
    expect(matchTitle({ title: "Heat", year: 1987 }, candidates)).toEqual({ match: candidates[1] });
  });

  it("takes no namesake a year off when asked for the exact year (the cache's pass: it may hold only a remake)", () => {
    expect(matchTitle({ title: "Heat", year: 1987 }, candidates, { yearsOff: 0 })).toEqual({ miss: "not-found", candidates: [candidates[0], candidates[1]] });
    expect(matchTitle({ title: "Heat", year: 1986 }, candidates, { yearsOff: 0 })).toEqual({ match: candidates[1] });
  });

  it("matches the original title and ignores accents and punctuation", () => {
    expect(matchTitle({ title: "Leon", year: 1994 }, candidates)).toEqual({ match: candidates[2] });
    expect(matchTitle({ title: "leon the professional", year: 1994 }, candidates)).toEqual({ match: candidates[2] });
  });

  it("reports what it cannot decide, and what it cannot find", () => {
    expect(matchTitle({ title: "Heat", year: null }, candidates)).toMatchObject({ miss: "ambiguous" });
    expect(matchTitle({ title: "Nosferatu", year: 1922 }, candidates)).toMatchObject({ miss: "ambiguous", candidates: [candidates[3], candidates[4]] });
    expect(matchTitle({ title: "Heat", year: 2010 }, candidates)).toMatchObject({ miss: "not-found" });
    expect(matchTitle({ title: "Cold", year: 1995 }, candidates)).toEqual({ miss: "not-found", candidates: [] });
  });
});
