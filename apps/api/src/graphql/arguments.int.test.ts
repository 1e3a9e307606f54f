// Every cursor and id argument of the schema, fed arbitrary values (fast-check): the API answers
// with data or a BAD_USER_INPUT / NOT_FOUND error, never INTERNAL_SERVER_ERROR and never a 5xx.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi, type TestUser } from "../test-support/api-harness.ts";

let api: TestApi;
let user: TestUser;

beforeAll(async () => {
  api = await startTestApi({ catalogueSize: 300, env: { API_RATE_LIMIT_PER_MINUTE_TOKEN: "100000" } });
  await api.seedMediaCache(1);
  user = await api.createUser();
});

afterAll(async () => {
  await api?.close();
});

const EXPECTED_CODES = ["BAD_USER_INPUT", "NOT_FOUND"];

/** Sends the operation; fails on a 5xx or on any error whose code is not an expected client error. */
async function expectClientOutcome(query: string, variables: Record<string, unknown>) {
  const result = await api.graphql(query, variables, { token: user.token });
  expect(result.status, JSON.stringify(variables)).toBeLessThan(500);
  for (const error of result.errors ?? [])
    expect(EXPECTED_CODES, `${error.extensions?.code}: ${error.message} for ${JSON.stringify(variables)}`).toContain(error.extensions?.code);
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** Cursors: arbitrary text, arbitrary JSON, and JSON close to each real cursor's shape. */
const cursors = fc.oneof(
  fc.string(),
  fc.jsonValue().map(base64url),
  fc.record({ o: fc.oneof(fc.integer(), fc.double(), fc.string()) }).map(base64url),
  fc
    .record({
      createdAt: fc.oneof(
        fc.string(),
        fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
        fc.constant("2020-01-01T00:00:00Z"),
      ),
      id: fc.oneof(fc.string(), fc.constant("a".repeat(36)), fc.uuid(), fc.stringMatching(/^[0-9a-f-]{36}$/)),
    })
    .map(base64url),
);

const CURSOR_QUERIES = {
  favourites: "query($after: String) { favourites(after: $after) { edges { cursor } } }",
  watchlist: "query($after: String) { watchlist(after: $after) { edges { cursor } } }",
  searchMedia: `query($after: String) { searchMedia(query: "the", after: $after) { edges { cursor } } }`,
  browse: "query($after: String) { browse(filter: { type: MOVIE }, after: $after) { edges { cursor } } }",
  recommendations: "query($after: String) { recommendations(after: $after) { edges { cursor } } }",
};

describe("cursor and id arguments", () => {
  for (const [field, query] of Object.entries(CURSOR_QUERIES)) {
    it(`${field}(after:) answers any cursor with data or BAD_USER_INPUT`, async () => {
      await fc.assert(
        fc.asyncProperty(cursors, (after) => expectClientOutcome(query, { after })),
        { numRuns: 60 },
      );
    });
  }

  it("a watchlist cursor whose id is not a uuid is BAD_USER_INPUT (it was an internal error)", async () => {
    const after = base64url({ createdAt: "2020-01-01T00:00:00Z", id: "a".repeat(36) });
    const result = await api.graphql(CURSOR_QUERIES.watchlist, { after }, { token: user.token });
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("revokeApiToken(id:) answers any id with NOT_FOUND or BAD_USER_INPUT", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.uuid(), fc.stringMatching(/^[0-9a-f-]{36}$/)), (id) =>
        expectClientOutcome("mutation($id: ID!) { revokeApiToken(id: $id) { id } }", { id }),
      ),
      { numRuns: 60 },
    );
  });

  it("every TMDB id argument answers any 32-bit integer with data or a client error", async () => {
    const tmdbIds = fc.oneof(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.constantFrom(0, -1, 999_999_999, 1_000_000_000));
    const type = fc.constantFrom("MOVIE", "TV");
    await fc.assert(
      fc.asyncProperty(type, tmdbIds, async (mediaType, tmdbId) => {
        const media = { type: mediaType, tmdbId };
        await expectClientOutcome("query($type: MediaType!, $id: Int!) { media(type: $type, tmdbId: $id) { id } }", { type: mediaType, id: tmdbId });
        for (const mutation of ["addFavourite", "removeFavourite", "addToWatchlist", "removeFromWatchlist", "dismiss", "undoDismiss"])
          await expectClientOutcome(`mutation($media: MediaRefInput!) { ${mutation}(media: $media) { id } }`, { media });
        await expectClientOutcome("mutation($media: MediaRefInput!) { markWatched(media: $media) { id } }", { media });
      }),
      { numRuns: 25 },
    );
  });
});
