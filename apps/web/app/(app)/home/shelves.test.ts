import { describe, expect, it } from "vitest";
import type { MediaCard, Reason } from "../../../lib/graphql";
import { MAX_SEED_SHELVES, MAX_SHELF, MIN_SHELF, type RankedItem, TOP_PICKS, homeShelves } from "./shelves";

function item(n: number, reasons: Reason[]): RankedItem {
  const media: MediaCard = {
    __typename: "Media",
    id: `movie:${n}`,
    type: "MOVIE" as MediaCard["type"],
    tmdbId: n,
    title: `Film ${n}`,
    year: 2000,
    posterUrl: null,
    voteAverage: 7,
    isFavourite: false,
    inWatchlist: false,
    watchedAt: null,
    isDismissed: false,
    myRating: null,
  };
  return { media, reasons };
}
const because = (seed: string, title: string): Reason => ({ kind: "BECAUSE_YOU_LIKED" as Reason["kind"], text: `Because you liked ${title}`, refersTo: seed });
const peopleAlso = (seed: string, title: string): Reason => ({
  kind: "PEOPLE_ALSO_LIKED" as Reason["kind"],
  text: `People who liked ${title} also liked this`,
  refersTo: seed,
});
const kind = (k: string): Reason => ({ kind: k as Reason["kind"], text: k, refersTo: null });
const ids = (items: RankedItem[]) => items.map((i) => i.media.tmdbId);

describe("homeShelves", () => {
  it("has no shelf for an empty page", () => {
    expect(homeShelves([])).toEqual([]);
  });

  it("puts the first TOP_PICKS titles, in rank order, on the first shelf", () => {
    const page = Array.from({ length: 30 }, (_, n) => item(n, [kind("POPULAR")]));
    const [top] = homeShelves(page);
    expect(top?.title).toEqual({ heading: "topPicks" });
    expect(ids(top?.items ?? [])).toEqual(Array.from({ length: TOP_PICKS }, (_, n) => n));
  });

  it("groups titles by the seed of their first seed reason, largest groups first, in rank order", () => {
    const page = [
      item(1, [because("movie:10", "Heat"), peopleAlso("movie:11", "Alien")]),
      item(2, [peopleAlso("movie:11", "Alien")]),
      item(3, [because("movie:10", "Heat")]),
      item(4, [kind("GENRE"), peopleAlso("movie:11", "Alien")]),
      item(5, [because("movie:10", "Heat")]),
      item(6, [peopleAlso("movie:11", "Alien")]),
      item(7, [because("movie:10", "Heat")]),
      item(8, [peopleAlso("movie:11", "Alien")]),
      item(9, [because("movie:12", "Ran")]),
      item(12, [peopleAlso("movie:11", "Alien")]),
    ];
    const shelves = homeShelves(page).slice(1);
    // Alien has 5 (2, 4, 6, 8, 12), Heat 4 (1, 3, 5, 7: title 1's first seed reason is Heat), Ran 1 (too few).
    expect(shelves.map((s) => [s.title, ids(s.items)])).toEqual([
      [{ text: "People who liked Alien also liked" }, [2, 4, 6, 8, 12]],
      [{ text: "Because you liked Heat" }, [1, 3, 5, 7]],
    ]);
  });

  it("heads a people-also-liked shelf with the API's reason less its last word, in French too", () => {
    const inFrench = (n: number): RankedItem =>
      item(n, [{ kind: "PEOPLE_ALSO_LIKED" as Reason["kind"], text: "Ceux qui ont aimé Heat ont aussi aimé celui-ci", refersTo: "movie:10" }]);
    const [, shelf] = homeShelves(Array.from({ length: MIN_SHELF }, (_, n) => inFrench(n)));
    expect(shelf?.title).toEqual({ text: "Ceux qui ont aimé Heat ont aussi aimé" });
  });

  it("shows at most MAX_SEED_SHELVES seed shelves, and reason shelves only with MIN_SHELF titles", () => {
    const page: RankedItem[] = [];
    let n = 0;
    for (let seed = 0; seed < MAX_SEED_SHELVES + 2; seed++) {
      for (let k = 0; k < MIN_SHELF + seed; k++) page.push(item(n++, [because(`movie:${900 + seed}`, `Seed ${seed}`)]));
    }
    for (let k = 0; k < MIN_SHELF; k++) page.push(item(n++, [kind("NEW_RELEASE")]));
    for (let k = 0; k < MIN_SHELF - 1; k++) page.push(item(n++, [kind("HIDDEN_GEM")]));
    const titles = homeShelves(page).map((s) => s.title);
    expect(titles).toEqual([
      { heading: "topPicks" },
      ...Array.from({ length: MAX_SEED_SHELVES }, (_, k) => ({ text: `Because you liked Seed ${MAX_SEED_SHELVES + 1 - k}` })),
      { heading: "newForYou" },
    ]);
  });

  it("cuts a reason shelf at MAX_SHELF, keeping its best-ranked titles", () => {
    const page = Array.from({ length: MAX_SHELF + 5 }, (_, n) => item(n, [kind("NEW_RELEASE")]));
    const fresh = homeShelves(page).find((shelf) => shelf.key === "new");
    expect(ids(fresh?.items ?? [])).toEqual(Array.from({ length: MAX_SHELF }, (_, n) => n));
  });
});
