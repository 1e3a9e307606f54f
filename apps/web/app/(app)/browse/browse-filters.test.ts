import { describe, expect, it } from "vitest";
import { browseArguments, filtersOf, yearsBackwards } from "./browse-filters";

describe("browse's filters from the address", () => {
  it("reads every filter the address names", () => {
    const filters = filtersOf(new URLSearchParams("type=TV&genre=80&from=1990&to=2009&lang=ko&rating=7&sort=RATING&mine=1"));
    expect(filters).toEqual({ type: "TV", genreId: "80", yearFrom: 1990, yearTo: 2009, language: "ko", minRating: "7", sort: "RATING", onMyServices: true });
    expect(browseArguments(filters)).toEqual({
      filter: { type: "TV", genreIds: [80], yearFrom: 1990, yearTo: 2009, language: "ko", minRating: 7, availableToMe: true },
      sort: "RATING",
    });
  });

  it("ignores what it does not offer, so a mangled link shows everything", () => {
    const filters = filtersOf(new URLSearchParams("type=BOOK&genre=crime&from=19&to=3000&lang=xx&rating=9&sort=DROP%20TABLE&mine=yes"));
    expect(browseArguments(filters)).toEqual({
      filter: { type: "MOVIE", genreIds: null, yearFrom: null, yearTo: null, language: null, minRating: null, availableToMe: null },
      sort: "POPULARITY",
    });
  });

  it("knows years given backwards, which ask the API nothing", () => {
    expect(yearsBackwards(filtersOf(new URLSearchParams("from=2010&to=1990")))).toBe(true);
    expect(yearsBackwards(filtersOf(new URLSearchParams("from=1990&to=2010")))).toBe(false);
    expect(yearsBackwards(filtersOf(new URLSearchParams("from=2010")))).toBe(false);
  });

  it("gives the server and the browser the same key for the same address, whatever its order", () => {
    const one = JSON.stringify(browseArguments(filtersOf(new URLSearchParams("sort=NEWEST&genre=18"))));
    const other = JSON.stringify(browseArguments(filtersOf(new URLSearchParams("genre=18&junk=1&sort=NEWEST"))));
    expect(one).toBe(other);
  });
});
