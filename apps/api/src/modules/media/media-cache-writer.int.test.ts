// MediaCache's writer against real Postgres: what concurrent writers of the same rows need.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../../test-support/api-harness.ts";
import { upsertListItems } from "./media-cache.writer.ts";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
  await api.seedMediaCache(15);
});
afterAll(() => api?.close());

describe("list writes", () => {
  it("two pages with the same titles in opposite orders, written at once, do not deadlock (rows are locked in key order)", async () => {
    const rows = await api.services.prisma.mediaCache.findMany({ where: { mediaType: "MOVIE" }, orderBy: { tmdbId: "asc" }, take: 250 });
    const items = rows.map((row) => ({
      kind: "movie" as const,
      id: row.tmdbId,
      title: row.title,
      original_title: row.originalTitle ?? row.title,
      release_date: null,
      overview: row.overview ?? "",
      genre_ids: row.genreIds,
      original_language: row.originalLanguage ?? "",
      popularity: row.popularity ?? 0,
      adult: false,
    }));
    const reversed = [...items].reverse();
    for (let round = 0; round < 8; round++) {
      const written = await Promise.all([
        upsertListItems(api.services.prisma, items, "movie/popular"),
        upsertListItems(api.services.prisma, reversed, "discover/movie"),
        upsertListItems(api.services.prisma, items, "movie/top_rated"),
      ]);
      expect(written).toEqual([items.length, items.length, items.length]);
    }
  });
});
