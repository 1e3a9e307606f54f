import { describe, expect, it } from "vitest";
import { locales } from "../i18n/locales";
import { longDateText } from "./date-text";

describe("longDateText", () => {
  // Every day of a leap year and of two others, old and new.
  const days = [1895, 2000, 2026].flatMap((year) =>
    Array.from({ length: 366 }, (_, index) => new Date(Date.UTC(year, 0, 1 + index)))
      .filter((date) => date.getUTCFullYear() === year)
      .map((date) => date.toISOString().slice(0, 10)),
  );
  for (const locale of locales) {
    it(`writes every day as Intl.DateTimeFormat's long style does in ${locale}`, () => {
      const intl = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" });
      const differing = days.filter((day) => longDateText(day, locale) !== intl.format(new Date(`${day}T00:00:00Z`)));
      expect(differing.slice(0, 5).map((day) => `${day}: ${longDateText(day, locale)} ≠ ${intl.format(new Date(`${day}T00:00:00Z`))}`)).toEqual([]);
    });
  }

  it("leaves what is not a date as it is", () => {
    expect(longDateText("1995", "en")).toBe("1995");
    expect(longDateText("1995-13-01", "fr")).toBe("1995-13-01");
  });
});
