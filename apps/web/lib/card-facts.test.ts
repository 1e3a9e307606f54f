import { describe, expect, it } from "vitest";
import { cardFacts, ONE_DECIMAL } from "./card-facts";

const kind = { film: "Film", series: "Series" };
const english = (value: number) => new Intl.NumberFormat("en", ONE_DECIMAL).format(value);

describe("cardFacts", () => {
  it("says the kind, then the year and the rating when known", () => {
    expect(cardFacts({ type: "MOVIE", year: 2008, voteAverage: 8.5 }, kind, english)).toBe("Film · 2008 · ★ 8.5");
    expect(cardFacts({ type: "TV", year: null, voteAverage: 7 }, kind, english)).toBe("Series · ★ 7.0");
    expect(cardFacts({ type: "MOVIE", year: 1999, voteAverage: null }, kind, english)).toBe("Film · 1999");
    expect(cardFacts({ type: "TV" }, { film: "Film", series: "Série" }, (value) => new Intl.NumberFormat("fr", ONE_DECIMAL).format(value))).toBe("Série");
    expect(cardFacts({ type: "MOVIE", voteAverage: 0 }, kind, (value) => new Intl.NumberFormat("fr", ONE_DECIMAL).format(value))).toBe("Film · ★ 0,0");
  });
});
