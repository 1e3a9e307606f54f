// The TMDB client against the offline catalogue server over real HTTP, with the rate limiter on
// real Redis. Request counts come from the server, so they show what TMDB would have seen.
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { startCatalogueServer, type CatalogueServer } from "@movierec/tmdb-catalogue";
import { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { testRedisUrl } from "@movierec/dev-stack/testing";
import { TmdbClient, type TmdbClientOptions } from "./tmdb-client.ts";
import { TmdbError } from "./tmdb-errors.ts";
import { TmdbRateLimiter } from "./tmdb-rate-limiter.ts";
import { maxInAnyWindow } from "../test-support/processes.ts";

let server: CatalogueServer;
const redisConnections: Redis[] = [];

beforeAll(async () => {
  server = await startCatalogueServer({ port: 0, size: 2_000 });
});
afterAll(async () => {
  await server.close();
  await Promise.all(redisConnections.map((redis) => redis.quit()));
});
beforeEach(() => {
  server.clearFaults();
  server.resetCounts();
});

function limiter(options: { requestsPerSecond?: number; maxInFlight?: number; keyPrefix?: string; leaseMs?: number } = {}) {
  const redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
  redisConnections.push(redis);
  return new TmdbRateLimiter({
    redis,
    requestsPerSecond: options.requestsPerSecond ?? 1_000,
    maxInFlight: options.maxInFlight ?? 50,
    leaseMs: options.leaseMs ?? 10_000,
    keyPrefix: options.keyPrefix ?? `test:${randomUUID()}`,
  });
}

function client(options: Partial<TmdbClientOptions> = {}) {
  return new TmdbClient({
    baseUrl: server.url,
    rateLimiter: options.rateLimiter ?? limiter(),
    timeoutMs: 2_000,
    maxRetries: 3,
    backoffMs: () => 10,
    ...options,
  });
}

async function expectTmdbError(promise: Promise<unknown>): Promise<TmdbError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TmdbError);
  return error as TmdbError;
}

const popularMoviesPath = "/3/movie/popular";

describe("TMDB client: reading", () => {
  it("reads and validates a list page, in one request", async () => {
    const page = await client().list({ mediaType: "movie", list: "popular", page: 2 });
    expect(page.page).toBe(2);
    expect(page.results).toHaveLength(20);
    expect(page.results[0]).toHaveProperty("title");
    expect(page.total_pages).toBeGreaterThanOrEqual(2);
    expect(server.requestCounts()).toEqual({ [popularMoviesPath]: 1 });
  });

  it("reads details with appended credits and keywords", async () => {
    const popular = await client().list({ mediaType: "movie", list: "popular", page: 1 });
    const id = popular.results[0]!.id;
    const details = await client().movieDetails(id, ["credits", "keywords"]);
    expect(details.id).toBe(id);
    expect(details.credits?.crew.some((member) => member.job === "Director")).toBe(true);
    expect(details.keywords?.keywords.length).toBeGreaterThan(0);
    const tv = await client().list({ mediaType: "tv", list: "top_rated", page: 1 });
    const show = await client().tvDetails(tv.results[0]!.id, ["keywords"]);
    expect(show.keywords?.results.length).toBeGreaterThan(0);
  });

  it("refuses pages TMDB would refuse before sending anything", async () => {
    await expect(client().list({ mediaType: "movie", list: "popular", page: 501 })).rejects.toThrow(RangeError);
    await expect(client().list({ mediaType: "movie", list: "popular", page: 0 })).rejects.toThrow(RangeError);
    expect(server.totalRequests()).toBe(0);
  });

  it("reports an unknown id as TMDB_NOT_FOUND without retrying", async () => {
    const error = await expectTmdbError(client().movieDetails(999_999_999));
    expect(error.code).toBe("TMDB_NOT_FOUND");
    expect(error.tmdbStatusCode).toBe(34);
    expect(server.requestCounts()).toEqual({ "/3/movie/999999999": 1 });
  });

  it("sends the token as a bearer credential and reports a refused one as TMDB_UNAUTHORIZED", async () => {
    const guarded = await startCatalogueServer({ port: 0, size: 200, apiToken: "the-right-token-0123456789" });
    try {
      const good = client({ baseUrl: guarded.url, credential: { kind: "read-access-token", value: "the-right-token-0123456789" } });
      expect((await good.genres("movie")).genres).toHaveLength(19);
      const error = await expectTmdbError(
        client({ baseUrl: guarded.url, credential: { kind: "read-access-token", value: "a-wrong-token-0123456789" } }).genres("movie"),
      );
      expect(error.code).toBe("TMDB_UNAUTHORIZED");
      expect(error.message).toContain("TMDB_API_TOKEN");
      expect(guarded.totalRequests()).toBe(2);
    } finally {
      await guarded.close();
    }
  });

  it("sends a v3 API key as ?api_key=, never as a header, and the key is in no error", async () => {
    const key = "0123456789abcdef0123456789abcdef";
    const guarded = await startCatalogueServer({ port: 0, size: 200, apiToken: key });
    try {
      const good = client({ baseUrl: guarded.url, credential: { kind: "api-key", value: key } });
      expect((await good.genres("movie")).genres).toHaveLength(19);
      expect(guarded.requestLog().at(-1)?.query).toContain(`api_key=${key}`);
      const wrong = "fedcba9876543210fedcba9876543210";
      const error = await expectTmdbError(client({ baseUrl: guarded.url, credential: { kind: "api-key", value: wrong } }).genres("movie"));
      expect(error.code).toBe("TMDB_UNAUTHORIZED");
      expect(error.message).toContain("TMDB_API_KEY");
      expect(JSON.stringify({ ...error, message: error.message })).not.toContain(wrong);
    } finally {
      await guarded.close();
    }
  });
});

describe("TMDB client: faults", () => {
  it("waits out Retry-After on 429, then succeeds", async () => {
    server.setFaults({ rateLimit: { count: 2, retryAfterSeconds: 1 } });
    const started = Date.now();
    const page = await client().list({ mediaType: "movie", list: "popular", page: 1 });
    expect(page.results).toHaveLength(20);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_000 - 50);
    expect(server.requestCounts()).toEqual({ [popularMoviesPath]: 3 });
    expect(server.requestLog().map((entry) => entry.status)).toEqual([429, 429, 200]);
  });

  it("fails as TMDB_RATE_LIMITED when Retry-After is longer than it will wait", async () => {
    server.setFaults({ rateLimit: { count: 1, retryAfterSeconds: 120 } });
    const error = await expectTmdbError(client({ maxRetryAfterMs: 5_000 }).list({ mediaType: "movie", list: "popular", page: 1 }));
    expect(error.code).toBe("TMDB_RATE_LIMITED");
    expect(server.totalRequests()).toBe(1);
  });

  it("retries 5xx with backoff and succeeds when TMDB recovers", async () => {
    server.setFaults({ serverError: { count: 2, status: 503 } });
    const page = await client().list({ mediaType: "tv", list: "popular", page: 1 });
    expect(page.results).toHaveLength(20);
    expect(server.requestLog().map((entry) => entry.status)).toEqual([503, 503, 200]);
  });

  it("gives up on 5xx after maxRetries with TMDB_UNAVAILABLE", async () => {
    server.setFaults({ serverError: { count: 10 } });
    const error = await expectTmdbError(client({ maxRetries: 2 }).list({ mediaType: "movie", list: "popular", page: 1 }));
    expect(error.code).toBe("TMDB_UNAVAILABLE");
    expect(error.status).toBe(500);
    expect(error.attempts).toBe(3);
    expect(server.totalRequests()).toBe(3);
  });

  it("times out a hung request and retries it", async () => {
    server.setFaults({ hang: { count: 1 } });
    const started = Date.now();
    const page = await client({ timeoutMs: 300 }).list({ mediaType: "movie", list: "popular", page: 1 });
    expect(page.results).toHaveLength(20);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(server.totalRequests()).toBe(2);
  });

  it("fails with TMDB_TIMEOUT when every attempt hangs", async () => {
    server.setFaults({ hang: { count: 10 } });
    const error = await expectTmdbError(client({ timeoutMs: 200, maxRetries: 1 }).list({ mediaType: "movie", list: "popular", page: 1 }));
    expect(error.code).toBe("TMDB_TIMEOUT");
    expect(server.totalRequests()).toBe(2);
  });

  it("retries a body that is not JSON (a cut-off transfer)", async () => {
    server.setFaults({ malformedJson: { count: 1 } });
    const page = await client().list({ mediaType: "movie", list: "popular", page: 1 });
    expect(page.results).toHaveLength(20);
    expect(server.totalRequests()).toBe(2);
  });

  it("reports valid JSON of the wrong shape as TMDB_BAD_RESPONSE, naming the field, without retrying", async () => {
    server.setFaults({ wrongShape: { count: 1 } });
    const error = await expectTmdbError(client().list({ mediaType: "movie", list: "popular", page: 1 }));
    expect(error.code).toBe("TMDB_BAD_RESPONSE");
    expect(error.message).toMatch(/expected shape/);
    expect(server.totalRequests()).toBe(1);
  });

  it("surfaces a malformed body on every attempt as TMDB_BAD_RESPONSE", async () => {
    server.setFaults({ malformedJson: { count: 10 } });
    const error = await expectTmdbError(client({ maxRetries: 1 }).list({ mediaType: "movie", list: "popular", page: 1 }));
    expect(error.code).toBe("TMDB_BAD_RESPONSE");
    expect(error.message).toMatch(/not JSON/);
    expect(server.totalRequests()).toBe(2);
  });
});

describe("TMDB client: the shared rate limit", () => {
  it("holds the per-second limit and the in-flight cap under a burst", async () => {
    server.setFaults({ latencyMs: 40 });
    const tmdb = client({ rateLimiter: limiter({ requestsPerSecond: 25, maxInFlight: 4 }) });
    const started = Date.now();
    const pages = await Promise.all(Array.from({ length: 75 }, (_, index) => tmdb.list({ mediaType: "movie", list: "popular", page: (index % 20) + 1 })));
    const elapsed = Date.now() - started;

    expect(pages.every((page) => page.results.length === 20)).toBe(true);
    const starts = server.requestLog().map((entry) => entry.startedAt);
    expect(starts).toHaveLength(75);
    expect(maxInAnyWindow(starts, 1_000)).toBeLessThanOrEqual(25);
    expect(server.maxInFlight()).toBeLessThanOrEqual(4);
    // 75 requests at 25/s cannot finish in much under two seconds.
    expect(elapsed).toBeGreaterThanOrEqual(1_900);
  });

  it("is one budget across clients with their own Redis connections (as separate processes have)", async () => {
    const keyPrefix = `test:shared:${randomUUID()}`;
    const first = client({ rateLimiter: limiter({ requestsPerSecond: 20, maxInFlight: 10, keyPrefix }) });
    const second = client({ rateLimiter: limiter({ requestsPerSecond: 20, maxInFlight: 10, keyPrefix }) });
    const burst = (tmdb: TmdbClient) => Array.from({ length: 30 }, (_, index) => tmdb.list({ mediaType: "tv", list: "popular", page: (index % 10) + 1 }));
    await Promise.all([...burst(first), ...burst(second)]);
    const starts = server.requestLog().map((entry) => entry.startedAt);
    expect(starts).toHaveLength(60);
    expect(maxInAnyWindow(starts, 1_000)).toBeLessThanOrEqual(20);
  });

  it("keeps TMDB's count under the limit when granted requests leave late", async () => {
    // A busy event loop can hold a granted request back, and TMDB counts a request when it arrives.
    // Here every other second's grants leave 400 ms late, so they reach TMDB together with the
    // following second's, which leave on time.
    const budget = limiter({ requestsPerSecond: 10, maxInFlight: 10 });
    let granted = 0;
    await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        budget.schedule(async () => {
          const grant = granted++;
          if (Math.floor(grant / 10) % 2 === 0) await sleep(400);
          return (await fetch(`${server.url}/movie/popular?page=${(index % 20) + 1}`)).text();
        }),
      ),
    );
    const starts = server.requestLog().map((entry) => entry.startedAt);
    expect(starts).toHaveLength(50);
    expect(maxInAnyWindow(starts, 1_000)).toBeLessThanOrEqual(10);
  });

  it("frees the place of a holder that died, once its lease has run out", async () => {
    const keyPrefix = `test:lapsed:${randomUUID()}`;
    const dead = limiter({ requestsPerSecond: 1, maxInFlight: 5, keyPrefix, leaseMs: 300 });
    // This request never finishes and never gives its place back, like a process killed mid-request.
    void dead.schedule(() => new Promise<never>(() => {}));
    const redis = new Redis(testRedisUrl());
    redisConnections.push(redis);
    while ((await redis.zcard(`${keyPrefix}:in-flight`)) === 0) await sleep(5);
    const alive = limiter({ requestsPerSecond: 1, maxInFlight: 5, keyPrefix, leaseMs: 300 });
    const started = Date.now();
    await alive.schedule(async () => (await fetch(`${server.url}/movie/popular?page=1`)).text());
    const waited = Date.now() - started;
    // Counted as finished when its lease ran out (≈ 300 ms from now), then one second in the window.
    expect(waited).toBeGreaterThanOrEqual(1_100);
    expect(waited).toBeLessThan(3_000);
  });
});
