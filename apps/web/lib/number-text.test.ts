import { describe, expect, it } from "vitest";
import { locales } from "../i18n/locales";
import { countText, ONE_DECIMAL, ratingText } from "./number-text";

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

describe("countText", () => {
  // Every count up to 100,000 (TMDB's most-voted titles have some 40,000 votes) and some larger ones.
  const counts = [...Array.from({ length: 100_001 }, (_, index) => index), 1_234_567, 98_765_432_101];
  for (const locale of locales) {
    it(`writes every count as Intl.NumberFormat does in ${locale}`, () => {
      const intl = new Intl.NumberFormat(locale);
      const differing = counts.filter((count) => countText(count, locale) !== intl.format(count));
      expect(differing.slice(0, 5).map((count) => `${count}: ${countText(count, locale)} ≠ ${intl.format(count)}`)).toEqual([]);
    });
  }
});
