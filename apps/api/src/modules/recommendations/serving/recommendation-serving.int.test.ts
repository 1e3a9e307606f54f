// What an API process keeps in memory to serve recommendations (recommendation-serving.ts): person
// names and the ranked pages' media rows are read from Postgres once, then only when they change.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../../../test-support/api-harness.ts";
import { RecommendationServing } from "./recommendation-serving.ts";

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ catalogueSize: 300 });
  await api.seedMediaCache(3);
});

afterAll(async () => {
  await api?.close();
});

const HORROR = 27;

/** Cached movies whose genres include all of `genreIds`, most popular first. */
async function moviesWith(genreIds: number[], take: number) {
  return api.services.prisma.mediaCache.findMany({ where: { mediaType: "MOVIE", genreIds: { hasEvery: genreIds } }, orderBy: { popularity: "desc" }, take });
}

describe("RecommendationServing", () => {
  it("reads the names reasons may use once per process, not once per request", async () => {
    const people = [
      { id: 990_000_001, name: "Ingrid Testperson" },
      { id: 990_000_002, name: "Toshiro Testperson" },
    ];
    await api.services.prisma.person.createMany({ data: people });
    const serving = api.services.recommendationServing;
    const ids = [...people.map((person) => person.id), 990_000_003]; // the last has no person row
    const expected = new Map(people.map((person) => [person.id, person.name]));
    api.sqlQueries.count = 0;
    expect(await serving.personNames(ids)).toEqual(expected);
    expect(api.sqlQueries.count).toBe(1);
    expect(await serving.personNames(people.map((person) => person.id))).toEqual(expected);
    expect(api.sqlQueries.count).toBe(1);
  });

  it("keeps a ranked page's media rows while the index holds their stamp, and reads a changed row again", async () => {
    const [movie] = await moviesWith([HORROR], 1);
    const key = `movie:${movie!.tmdbId}`;
    const serving = api.services.recommendationServing;
    await serving.snapshot();
    api.sqlQueries.count = 0;
    const [first, absent] = await serving.mediaRows([key, "movie:999999998"]);
    expect(first).toMatchObject({ tmdbId: movie!.tmdbId, title: movie!.title });
    expect(absent).toBeNull();
    expect(api.sqlQueries.count).toBe(1);
    expect((await serving.mediaRows([key]))[0]).toBe(first);
    expect(api.sqlQueries.count).toBe(1);

    const retitle = (title: string) =>
      api.services.prisma.mediaCache.update({ where: { mediaType_tmdbId: { mediaType: "MOVIE", tmdbId: movie!.tmdbId } }, data: { title } });
    await retitle(`${movie!.title} (changed)`);
    await serving.snapshot();
    api.sqlQueries.count = 0;
    expect((await serving.mediaRows([key]))[0]).toMatchObject({ title: `${movie!.title} (changed)` });
    expect(api.sqlQueries.count).toBe(1);
    await retitle(movie!.title);
  });

  it("checks Postgres for catalogue changes at most every CATALOGUE_REFRESH_MS, unless a caller needs its own write", async () => {
    const serving = new RecommendationServing(api.services.prisma, 60_000);
    const [movie] = await moviesWith([HORROR], 1);
    const where = { mediaType_tmdbId: { mediaType: "MOVIE" as const, tmdbId: movie!.tmdbId } };
    const search = (query: string, fresh = false) => serving.searchTitles(query, { mediaType: "movie", offset: 0, limit: 5, fresh });
    expect(await search(movie!.title)).toContain(`movie:${movie!.tmdbId}`);
    await api.services.prisma.mediaCache.update({ where, data: { title: "Zyxwvut Refreshing Title" } });
    try {
      api.sqlQueries.count = 0;
      // Within the interval: what the last check read, and no statement.
      expect(await search("Zyxwvut Refreshing")).toEqual([]);
      expect(api.sqlQueries.count).toBe(0);
      // A caller that wrote titles it needs (a TMDB fallback) asks for a fresh check.
      expect(await search("Zyxwvut Refreshing", true)).toEqual([`movie:${movie!.tmdbId}`]);
    } finally {
      await api.services.prisma.mediaCache.update({ where, data: { title: movie!.title } });
    }
  });
});
