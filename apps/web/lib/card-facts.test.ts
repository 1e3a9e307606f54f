import { describe, expect, it } from "vitest";
import { locales } from "../i18n/locales";
import { cardFacts, ONE_DECIMAL, ratingText } from "./card-facts";

const kind = { film: "Film", series: "Series" };

describe("cardFacts", () => {
  it("says the kind, then the year and the rating when known", () => {
    expect(cardFacts({ type: "MOVIE", year: 2008, voteAverage: 8.5 }, kind, "en")).toBe("Film · 2008 · ★ 8.5");
    expect(cardFacts({ type: "TV", year: null, voteAverage: 7 }, kind, "en")).toBe("Series · ★ 7.0");
    expect(cardFacts({ type: "MOVIE", year: 1999, voteAverage: null }, kind, "en")).toBe("Film · 1999");
    expect(cardFacts({ type: "TV" }, { film: "Film", series: "Série" }, "fr")).toBe("Série");
    expect(cardFacts({ type: "MOVIE", voteAverage: 0 }, kind, "fr")).toBe("Film · ★ 0,0");
  });
});

describe("ratingText", () => {
  // Every rating TMDB can give (0–10, three decimals) and the halves in between, in every language.
  const values = Array.from({ length: 20_001 }, (_, index) => index / 2_000);
  for (const locale of locales) {
    it(`writes every rating as Intl.NumberFormat does in ${locale}`, () => {
      const intl = new Intl.NumberFormat(locale, ONE_DECIMAL);
      const differing = values.filter((value) => ratingText(value, locale) !== intl.format(value));
      expect(differing.map((value) => `${value}: ${ratingText(value, locale)} ≠ ${intl.format(value)}`)).toEqual([]);
    });
  }
});
