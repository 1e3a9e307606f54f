// A title by id while TMDB does not answer, over HTTP against real Postgres, Redis and the offline
// catalogue (answering 503, or bodies cut off): one not stored yet is TMDB_UNAVAILABLE with a wait, never the
// NOT_FOUND that says TMDB does not know it (media.int.test.ts: a stored one is served as it is).
import { afterAll, beforeAll, expect, it } from "vitest";
import { REQUEST_RATE_LIMIT_WAITS } from "../../app-services.ts";
import { startTestApi, type TestApi } from "../../test-support/api-harness.ts";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ catalogueSize: 200 }); // its own database: nothing is stored yet
});
afterAll(() => api?.close());

it("a title not stored yet while TMDB is down is TMDB_UNAVAILABLE with a wait, not NOT_FOUND, and found once TMDB answers", async () => {
  const [stored, uncached] = [api.catalogue.catalogue.movies.at(-2)!, api.catalogue.catalogue.movies.at(-1)!];
  expect((await api.graphql(`{ media(type: MOVIE, tmdbId: ${stored.id}) { title } }`)).data?.media.title).toBe(stored.title);
  const query = `{ media(type: MOVIE, tmdbId: ${uncached.id}) { title } }`;
  api.catalogue.setFaults({ serverError: { count: 100, status: 503 } });
  const during = await api.graphql(query);
  // As a node too: an error, not the null that says "no such title"; among nodes, that item's alone.
  const node = await api.graphql(`{ node(id: "movie:${uncached.id}") { id } }`);
  const nodes = await api.graphql(`{ nodes(ids: ["movie:${stored.id}", "movie:${uncached.id}"]) { id } }`);
  api.catalogue.clearFaults();
  expect(nodes.data?.nodes).toEqual([{ id: `movie:${stored.id}` }, null]);
  expect(nodes.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([[["nodes", 1], "TMDB_UNAVAILABLE"]]);
  expect(during.errors).toHaveLength(1);
  expect(during.errors?.[0]?.extensions).toMatchObject({ code: "TMDB_UNAVAILABLE", retryAfterSeconds: 30 });
  expect(during.status).toBe(503);
  expect(during.headers.get("retry-after")).toBe("30");
  expect(during.errors?.[0]?.message).toBe("TMDB did not answer, and movierec has not stored this title yet: try again in a minute.");
  expect(node.errors?.[0]?.extensions?.code).toBe("TMDB_UNAVAILABLE");
  const after = await api.graphql(query);
  expect(after.data?.media.title).toBe(uncached.title);
});

it("a title not stored yet whose details come cut off on every attempt is TMDB_UNAVAILABLE too, and found once they come whole", async () => {
  const uncached = api.catalogue.catalogue.movies.at(-3)!;
  const query = `{ media(type: MOVIE, tmdbId: ${uncached.id}) { title } }`;
  api.catalogue.setFaults({ malformedJson: { count: 100 }, pathPrefix: "/3/movie/" });
  const during = await api.graphql(query);
  api.catalogue.clearFaults();
  expect(during.errors?.map((error) => error.extensions?.code)).toEqual(["TMDB_UNAVAILABLE"]);
  expect((await api.graphql(query)).data?.media.title).toBe(uncached.title);
});

it("a title not stored yet whose details TMDB answers in another shape is TMDB_UNAVAILABLE, not NOT_FOUND, and not asked again on every view", async () => {
  const uncached = api.catalogue.catalogue.movies.at(-4)!;
  const query = `{ media(type: MOVIE, tmdbId: ${uncached.id}) { title } }`;
  api.catalogue.resetCounts();
  api.catalogue.setFaults({ wrongShape: { count: 100 }, pathPrefix: "/3/movie/" });
  const first = await api.graphql(query);
  const second = await api.graphql(query);
  api.catalogue.clearFaults();
  for (const answer of [first, second]) {
    expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(["TMDB_UNAVAILABLE"]);
    expect(answer.errors?.[0]?.message).toMatch(/could not be read/);
  }
  expect(first.errors?.[0]?.extensions?.retryAfterSeconds).toBe(600);
  expect(second.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(590);
  expect(api.catalogue.requestCounts()[`/3/movie/${uncached.id}`]).toBe(1);
  // The wait said is what is left of the mark.
  const [mark] = await api.services.redis.keys(`*tmdb-unreadable:movie:${uncached.id}`);
  await api.services.redis.expire(mark!, 42);
  const later = await api.graphql(query);
  expect(later.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThanOrEqual(41);
  expect(later.errors?.[0]?.extensions?.retryAfterSeconds).toBeLessThanOrEqual(42);
  expect(later.headers.get("retry-after")).toBe(String(later.errors?.[0]?.extensions?.retryAfterSeconds));
  // Once the mark has gone (here: taken away), TMDB is asked again and the title found.
  await api.services.redis.del(...(await api.services.redis.keys(`*tmdb-unreadable:movie:${uncached.id}`)));
  expect((await api.graphql(query)).data?.media.title).toBe(uncached.title);
});

it("a request for a title not stored waits out TMDB's pacing (429) twice, not twenty times, then answers TMDB_UNAVAILABLE", async () => {
  const uncached = api.catalogue.catalogue.movies.at(-5)!;
  api.catalogue.resetCounts();
  api.catalogue.setFaults({ rateLimit: { count: 100, retryAfterSeconds: 1 }, pathPrefix: "/3/movie/" });
  const during = await api.graphql(`{ media(type: MOVIE, tmdbId: ${uncached.id}) { title } }`);
  api.catalogue.clearFaults();
  expect(during.errors?.map((error) => error.extensions?.code)).toEqual(["TMDB_UNAVAILABLE"]);
  expect(api.catalogue.requestCounts()[`/3/movie/${uncached.id}`]).toBe(1 + REQUEST_RATE_LIMIT_WAITS);
});

it("the first genres of a language asked during TMDB's pacing (429) wait twice, not twenty times, are not cached empty, and are loaded on a later request", async () => {
  const query = "{ genres(type: MOVIE) { id name } }";
  const french = { headers: { "accept-language": "fr" } };
  api.catalogue.resetCounts();
  api.catalogue.setFaults({ rateLimit: { count: 100, retryAfterSeconds: 1 }, pathPrefix: "/3/genre/" });
  const during = await api.graphql(query, {}, french);
  // The same as an anonymous GET, which a CDN may keep: the empty list must not be kept.
  const duringGet = await fetch(`${api.url}/graphql?${new URLSearchParams({ query })}`, { headers: { accept: "application/json", "accept-language": "fr" } });
  api.catalogue.clearFaults();
  expect(during.errors).toBeUndefined();
  expect(during.data?.genres).toEqual([]);
  expect(api.catalogue.requestCounts()["/3/genre/movie/list"]).toBe(2 * (1 + REQUEST_RATE_LIMIT_WAITS));
  expect(((await duringGet.json()) as { data: { genres: unknown[] } }).data.genres).toEqual([]);
  expect(duringGet.headers.get("cache-control")).toBe("no-store");
  const after = await api.graphql(query, {}, french);
  expect((after.data?.genres as unknown[] | undefined)?.length).toBeGreaterThan(10);
});

it("while one type's genres cannot be loaded (429), a preference naming a genre of that type is not refused as unknown", async () => {
  const user = await api.createUser();
  api.catalogue.setFaults({ rateLimit: { count: 100, retryAfterSeconds: 1 }, pathPrefix: "/3/genre/tv/" });
  // 10759 is TMDB's series-only "Action & Adventure"; films' genres load, series' do not.
  const saved = await api.graphql(`mutation { updatePreferences(input: { likedGenreIds: [10759, 28] }) { likedGenreIds } }`, {}, { token: user.token });
  api.catalogue.clearFaults();
  expect(saved.errors).toBeUndefined();
  expect(saved.data?.updatePreferences.likedGenreIds).toEqual([10759, 28]);
  // With both lists known, an id in neither is refused.
  const made = await api.graphql(`mutation { updatePreferences(input: { likedGenreIds: [987654] }) { likedGenreIds } }`, {}, { token: user.token });
  expect(made.errors?.[0]?.message).toMatch(/Unknown genre ids: 987654/);
});
