import { describe, expect, it } from "vitest";
import { cardFacts } from "./card-facts";

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
