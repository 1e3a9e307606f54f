import { describe, expect, it } from "vitest";
import { starGlyphs, starsLabel } from "./stars";

describe("ratings in words and glyphs", () => {
  it.each([
    [1, "½ star", "½"],
    [2, "1 star", "★"],
    [3, "1½ stars", "★½"],
    [7, "3½ stars", "★★★½"],
    [10, "5 stars", "★★★★★"],
  ])("%i is %s (%s)", (rating, words, glyphs) => {
    expect(starsLabel(rating)).toBe(words);
    expect(starGlyphs(rating)).toBe(glyphs);
  });
});
