import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../../test-support/api-harness.ts";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
  await api.seedMediaCache(3);
});
afterAll(() => api?.close());

describe("media", () => {
  it("reads one title from the cache", async () => {
    const movie = api.catalogue.catalogue.movies[0]!;
    const result = await api.graphql(`query($id: Int!) { media(type: MOVIE, tmdbId: $id) { id title year genres { id name } posterUrl voteAverage runtime cast(first: 3) { name } directors { name } isFavourite } }`, { id: movie.id });
    expect(result.errors).toBeUndefined();
    expect(result.data?.media).toMatchObject({ id: `movie:${movie.id}`, isFavourite: false });
  });
});
