// The API while Redis or Postgres is unreachable: requests are answered at once (never held until
// the service is back), with a clear code when they cannot be served, and the API recovers by
// itself. bench/faults.ts measures the same under traffic against the production build.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { anyFreePort } from "@movierec/dev-stack/ports";
import { startRedis } from "@movierec/dev-stack/testing";
import { startTestApi, type TestApi } from "./test-support/api-harness.ts";

const ANONYMOUS = JSON.stringify({ query: "{ __typename }" });

async function post(api: TestApi, body: string, headers: Record<string, string> = {}) {
  const started = performance.now();
  const response = await fetch(`${api.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
    signal: AbortSignal.timeout(10_000),
  });
  const json = (await response.json()) as { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  return { status: response.status, headers: response.headers, body: json, ms: performance.now() - started };
}

describe("Redis unreachable", () => {
  let api: TestApi;
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let port: number;
  beforeAll(async () => {
    port = await anyFreePort();
    redis = await startRedis({ port, log: () => {} });
    api = await startTestApi({ catalogueSize: 200, env: { REDIS_URL: redis.url, API_RATE_LIMIT_PER_MINUTE_IP: "4" } });
  });
  afterAll(async () => {
    if (redis.process.exitCode !== null) redis = await startRedis({ port, log: () => {} });
    await api?.close();
    await redis.stop();
  });

  it("answers requests at once without a rate limit, says not ready, and limits again once Redis is back", async () => {
    const user = await api.createUser();
    await redis.stop();
    // Before: the rate limit's Redis commands waited for Redis to come back, and so did the request.
    for (let index = 0; index < 6; index++) {
      const anonymous = await post(api, ANONYMOUS);
      expect(anonymous.status).toBe(200);
      expect(anonymous.ms).toBeLessThan(2_000);
    }
    const signedIn = await post(api, JSON.stringify({ query: "{ me { id } }" }), { authorization: `Bearer ${user.token}` });
    expect(signedIn.body.data).toEqual({ me: { id: user.id } });
    const started = performance.now();
    const ready = await fetch(`${api.url}/readyz`, { signal: AbortSignal.timeout(10_000) });
    expect(ready.status).toBe(503);
    // Which dependency, not why: the error text is in the logs only.
    expect(await ready.json()).toEqual({ status: "not ready", postgres: "ok", redis: "degraded", tmdb: "offline" });
    expect(performance.now() - started).toBeLessThan(2_000);

    redis = await startRedis({ port, log: () => {} });
    await vi.waitFor(async () => expect((await fetch(`${api.url}/readyz`)).status).toBe(200), { timeout: 10_000, interval: 100 });
    const statuses: number[] = [];
    for (let index = 0; index < 6; index++) statuses.push((await post(api, ANONYMOUS)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
  });
});

describe("Postgres unreachable", () => {
  let api: TestApi;
  beforeAll(async () => {
    // Nothing listens there: every query fails as it does while Postgres restarts.
    api = await startTestApi({
      catalogueSize: 200,
      env: { DATABASE_URL: `postgresql://postgres:postgres@127.0.0.1:${await anyFreePort()}/movierec`, API_RATE_LIMIT_PER_MINUTE_IP: "2" },
    });
  });
  afterAll(() => api?.close());

  it("refuses a signed-in request with SERVICE_UNAVAILABLE, HTTP 503 and Retry-After", async () => {
    const { status, headers, body, ms } = await post(api, JSON.stringify({ query: "{ me { id } }" }), {
      authorization: "Bearer mr_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    });
    expect(status).toBe(503);
    expect(headers.get("retry-after")).toBe("5");
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.extensions?.code).toBe("SERVICE_UNAVAILABLE");
    expect(body.errors![0]!.message).toMatch(/database cannot be reached/);
    expect(ms).toBeLessThan(5_000);
  });

  it("keeps answering token callers 503, never RATE_LIMITED as if they were anonymous", async () => {
    // Tokens cannot be checked, and the per-IP limit is 2 a minute here: before, the third was 429.
    for (let index = 0; index < 5; index++) {
      const { status, body } = await post(api, JSON.stringify({ query: "{ me { id } }" }), { authorization: `Bearer mr_${"B".repeat(43)}` });
      expect(status).toBe(503);
      expect(body.errors?.[0]?.extensions?.code).toBe("SERVICE_UNAVAILABLE");
    }
  });

  it("says which dependency is degraded at /readyz without its error text", async () => {
    const ready = await fetch(`${api.url}/readyz`, { signal: AbortSignal.timeout(10_000) });
    expect(ready.status).toBe(503);
    const body = await ready.text();
    expect(JSON.parse(body)).toEqual({ status: "not ready", postgres: "degraded", redis: "ok", tmdb: "offline" });
    expect(body).not.toMatch(/prisma|127\.0\.0\.1|reach/i);
  });

  it("answers a field that needs the database with SERVICE_UNAVAILABLE, not a masked internal error", async () => {
    const { status, body } = await post(api, JSON.stringify({ query: "{ browse(filter: { type: MOVIE }, first: 5) { edges { node { id } } } }" }));
    expect(status).toBe(200);
    expect(body.errors?.map((error) => error.extensions?.code)).toEqual(["SERVICE_UNAVAILABLE"]);
  });
});

describe("Postgres busy", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ catalogueSize: 200 });
  });
  afterAll(() => api?.close());

  it("a transaction (every write) waits for a pool connection, as reads do, instead of failing after Prisma's default 2 s", async () => {
    // Every connection of the API's pool (10, node-postgres's default) busy for 3 s, as slow reads
    // under load hold them. (Promise.all starts them: Prisma's queries run only once awaited.)
    const busy = Promise.all(Array.from({ length: 10 }, () => api.services.prisma.$executeRaw`SELECT pg_sleep(3)`));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = performance.now();
    // Before: P2028 "Transaction API error: Unable to start a transaction in the given time" after
    // 2 s, which a mutation reported as INTERNAL_SERVER_ERROR.
    const users = await api.services.prisma.$transaction(async (tx) => tx.user.count());
    expect(users).toBeGreaterThanOrEqual(0);
    expect(performance.now() - started).toBeGreaterThan(2_500);
    await busy;
  });
});
