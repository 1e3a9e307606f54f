// Cursor paging as a client sees it: PageInfo's both ends, totalCount where it is offered, sealed
// cursors (unreadable, unforgeable, bound to their list, the same for the same place), keyset lists
// without a depth limit, and one rule for `first` on every list.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GraphQLResponse, startTestApi, type TestApi, type TestUser } from "../test-support/api-harness.ts";

let api: TestApi;
let user: TestUser;
let tmdbIds: number[];

beforeAll(async () => {
  api = await startTestApi({ catalogueSize: 300 });
  user = await api.createUser();
  await api.seedMediaCache(2);
  tmdbIds = (await api.services.prisma.mediaCache.findMany({ where: { mediaType: "MOVIE" }, orderBy: { popularity: "desc" }, take: 5 })).map(
    (row) => row.tmdbId,
  );
  for (const tmdbId of tmdbIds) {
    await api.graphql(`mutation($id: Int!) { addFavourite(media: { type: MOVIE, tmdbId: $id }) { id } }`, { id: tmdbId }, { token: user.token });
  }
  await api.graphql(`mutation($id: Int!) { markWatched(media: { type: MOVIE, tmdbId: $id }) { id } }`, { id: tmdbIds[0] }, { token: user.token });
  await api.graphql(`mutation($id: Int!) { addToWatchlist(media: { type: MOVIE, tmdbId: $id }) { id } }`, { id: tmdbIds[1] }, { token: user.token });
  await api.graphql(`mutation($id: Int!) { rate(media: { type: MOVIE, tmdbId: $id }, rating: 7) { id } }`, { id: tmdbIds[2] }, { token: user.token });
});
afterAll(() => api?.close());

const FAVOURITES = `query($first: Int, $after: String) { favourites(first: $first, after: $after) {
  totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
const BROWSE = `query($after: String) { browse(filter: { type: MOVIE }, first: 3, after: $after) { edges { cursor node { id } } pageInfo { endCursor } } }`;

describe("paging", () => {
  it("PageInfo gives both ends of each page, and totalCount the whole list", async () => {
    const first = (await api.graphql(FAVOURITES, { first: 2 }, { token: user.token })).data!.favourites;
    expect(first.totalCount).toBe(5);
    expect(first.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: first.edges[0].cursor,
      endCursor: first.edges[1].cursor,
    });
    const second = (await api.graphql(FAVOURITES, { first: 10, after: first.pageInfo.endCursor }, { token: user.token })).data!.favourites;
    expect(second.edges).toHaveLength(3);
    expect(second.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true, startCursor: second.edges[0].cursor });
    expect(second.totalCount).toBe(5);

    const counts = await api.graphql(
      `{ watchlist { totalCount } watched: watchlist(watched: true) { totalCount } toWatch: watchlist(watched: false) { totalCount } ratings { totalCount } }`,
      {},
      { token: user.token },
    );
    expect(counts.data).toEqual({ watchlist: { totalCount: 2 }, watched: { totalCount: 1 }, toWatch: { totalCount: 1 }, ratings: { totalCount: 1 } });
  });

  it("cursors say nothing readable, cannot be altered, belong to their list, and are the same for the same place", async () => {
    const page = (await api.graphql(BROWSE, {})).data!.browse;
    const cursor: string = page.pageInfo.endCursor;
    const decoded = Buffer.from(cursor, "base64url").toString("latin1");
    expect(decoded).not.toMatch(/[{}"]|createdAt|"o"/);
    expect((await api.graphql(BROWSE, {})).data!.browse.pageInfo.endCursor).toBe(cursor);

    const bytes = Buffer.from(cursor, "base64url");
    bytes[14]! ^= 1;
    const refusals = [
      await api.graphql(BROWSE, { after: bytes.toString("base64url") }),
      // An offset cursor of another ranked list, of the same shape.
      await api.graphql(BROWSE, {
        after: (await api.graphql(`{ searchMedia(query: "the", first: 3) { pageInfo { endCursor } } }`)).data!.searchMedia.pageInfo.endCursor,
      }),
      // The favourites' cursors are keyset cursors of their own list.
      await api.graphql(BROWSE, { after: (await api.graphql(FAVOURITES, { first: 1 }, { token: user.token })).data!.favourites.pageInfo.endCursor }),
    ];
    for (const refused of refusals) {
      expect(refused.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(refused.errors?.[0]?.message).toMatch(/not a cursor from this list/);
    }
    const watchlistCursor = (await api.graphql(`{ watchlist(first: 1) { pageInfo { endCursor } } }`, {}, { token: user.token })).data!.watchlist.pageInfo
      .endCursor;
    const crossed = await api.graphql(FAVOURITES, { first: 1, after: watchlistCursor }, { token: user.token });
    expect(crossed.errors?.[0]?.message).toMatch(/not a cursor from this list/);
  });

  it("pages an import's rows past the 10,000th without a limit", async () => {
    // Rows at positions on both sides of 10,000 (an offset cursor's limit): the third page's cursor
    // is past it.
    const positions = [1, 5_000, 10_000, 10_001, 15_000];
    const job = await api.services.prisma.importJob.create({
      data: { userId: user.id, source: "LETTERBOXD", fileName: "big.csv", rowsTotal: 15_000, status: "DONE" },
    });
    await api.services.prisma.importRow.createMany({
      data: positions.map((position) => ({
        jobId: job.id,
        position,
        file: "big.csv",
        line: position + 1,
        kind: "WATCHED" as const,
        title: `Nowhere ${position}`,
        happenedAt: new Date(),
        status: "UNMATCHED" as const,
      })),
    });
    const PAGE = `query($id: ID!, $after: String) { import(id: $id) { unmatched(first: 2, after: $after) { totalCount edges { node { line } } pageInfo { hasNextPage endCursor } } } }`;
    const lines: number[] = [];
    let after: string | null = null;
    for (let page = 1; page <= 3; page++) {
      const result: GraphQLResponse = await api.graphql(PAGE, { id: job.id, after }, { token: user.token });
      expect(result.errors, `page ${page}`).toBeUndefined();
      const unmatched = result.data!.import.unmatched;
      expect(unmatched.totalCount).toBe(positions.length);
      lines.push(...unmatched.edges.map((edge: { node: { line: number } }) => edge.node.line));
      expect(unmatched.pageInfo.hasNextPage, `page ${page}`).toBe(page < 3);
      after = unmatched.pageInfo.endCursor;
    }
    expect(lines).toEqual(positions.map((position) => position + 1));
  });

  it("one rule for first on every list: a whole number within the list's range, else BAD_USER_INPUT naming it", async () => {
    const title = `media(type: MOVIE, tmdbId: ${tmdbIds[0]})`;
    for (const [query, max, got] of [
      [`{ ${title} { cast(first: -5) { id } } }`, 20, -5],
      [`{ ${title} { cast(first: 21) { id } } }`, 20, 21],
      [`{ ${title} { similar(first: 13) { id } } }`, 12, 13],
      [`{ ${title} { similar(first: 0) { id } } }`, 12, 0],
      [`{ imports(first: 0) { id } }`, 50, 0],
      [`{ favourites(first: 51) { totalCount } }`, 50, 51],
      [`{ browse(filter: { type: MOVIE }, first: -1) { pageInfo { hasNextPage } } }`, 50, -1],
    ] as const) {
      const result = await api.graphql(query, {}, { token: user.token });
      expect(result.errors?.[0]?.extensions?.code, query).toBe("BAD_USER_INPUT");
      expect(result.errors?.[0]?.message, query).toBe(`first must be between 1 and ${max}; got ${got}.`);
    }
    const cast = await api.graphql(`{ ${title} { cast(first: 2) { id } } }`, {}, { token: user.token });
    expect(cast.errors).toBeUndefined();
    expect(cast.data!.media.cast.length).toBeLessThanOrEqual(2);
  });
});
