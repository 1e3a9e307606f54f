// Browse's newest-first order over HTTP against real Postgres: dated titles by release date, then
// undated ones, paged across the boundary (media.service.ts, newestKeys).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../../test-support/api-harness.ts";

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
  await api.seedMediaCache(2);
});
afterAll(() => api?.close());

const browse = `query($filter: BrowseFilter!, $first: Int, $after: String) {
  browse(filter: $filter, sort: NEWEST, first: $first, after: $after) {
    edges { node { id releaseDate } }
    pageInfo { hasNextPage endCursor }
  } }`;

/** Every page of a NEWEST browse, `first` at a time. */
async function allPages(filter: Record<string, unknown>, first: number, pages = 50): Promise<Array<{ id: string; releaseDate: string | null }>> {
  const nodes: Array<{ id: string; releaseDate: string | null }> = [];
  let after: string | undefined;
  for (let page = 0; page < pages; page++) {
    const result = await api.graphql(browse, { filter, first, after });
    expect(result.errors).toBeUndefined();
    nodes.push(...result.data!.browse.edges.map((edge: { node: { id: string; releaseDate: string | null } }) => edge.node));
    if (!result.data!.browse.pageInfo.hasNextPage) return nodes;
    after = result.data!.browse.pageInfo.endCursor;
  }
  return nodes;
}

describe("browse, newest first", () => {
  it("lists dated titles newest first (the same day: newest TMDB id first), then undated ones, paging across the boundary without repeats or gaps", async () => {
    // A language no other cached title has, so these five are the whole list.
    const title = (tmdbId: number, releaseDate: string | null) => ({
      mediaType: "MOVIE" as const,
      tmdbId,
      title: `Newest ${tmdbId}`,
      originalTitle: `Newest ${tmdbId}`,
      originalLanguage: "zz",
      releaseDate: releaseDate ? new Date(releaseDate) : null,
    });
    await api.services.prisma.mediaCache.createMany({
      data: [
        title(990_000_001, "1999-05-01"),
        title(990_000_002, null),
        title(990_000_003, "2001-03-09"),
        title(990_000_004, "1999-05-01"),
        title(990_000_005, null),
      ],
    });
    const expected = ["movie:990000003", "movie:990000004", "movie:990000001", "movie:990000005", "movie:990000002"];
    // Pages of two: the second straddles the dated and undated titles, the third starts past every dated one.
    for (const first of [2, 3, 10]) expect((await allPages({ type: "MOVIE", language: "zz" }, first)).map((node) => node.id)).toEqual(expected);
    // A year filter leaves the undated ones out.
    expect((await allPages({ type: "MOVIE", language: "zz", yearFrom: 1990 }, 2)).map((node) => node.id)).toEqual(expected.slice(0, 3));
  });

  it("orders the whole cached catalogue as Postgres' own sort does", async () => {
    const rows = await api.services.prisma.mediaCache.findMany({ where: { mediaType: "MOVIE", adult: false }, select: { tmdbId: true, releaseDate: true } });
    const time = (date: Date | null) => date?.getTime() ?? Number.NEGATIVE_INFINITY;
    const expected = rows.sort((a, b) => time(b.releaseDate) - time(a.releaseDate) || b.tmdbId - a.tmdbId).map((row) => `movie:${row.tmdbId}`);
    expect(expected.length).toBeGreaterThan(50);
    expect((await allPages({ type: "MOVIE" }, 25)).map((node) => node.id)).toEqual(expected);
  });
});
