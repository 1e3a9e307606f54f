import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildCatalogue } from "./catalogue.ts";
import { FaultInjector, SlidingWindowRateLimiter, parseFaults } from "./faults.ts";
import { startCatalogueServer } from "./server.ts";
import type { CatalogueServer } from "./server.ts";

// biome-ignore lint/suspicious/noExplicitAny: JSON bodies of many shapes, read field by field in the assertions
type Body = any;

const catalogue = buildCatalogue({ size: 2000, seed: 3 });
let server: CatalogueServer;
let api: string;

beforeAll(async () => {
  server = await startCatalogueServer({ catalogue });
  api = server.url;
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  server.clearFaults();
  server.setRateLimitPerSecond(undefined);
  server.resetCounts();
});

async function timed(url: string, init?: RequestInit): Promise<{ res: Response; ms: number; text: string }> {
  const started = performance.now();
  const res = await fetch(url, init);
  const text = await res.text();
  return { res, ms: performance.now() - started, text };
}

async function control(method: string, path: string, body?: unknown): Promise<{ status: number; body: Body }> {
  const res = await fetch(`${server.origin}/__control/${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

describe("fault injection", () => {
  it("adds measurable latency to every matching request", async () => {
    const fast = await timed(`${api}/movie/popular`);
    server.setFaults({ latencyMs: 250 });
    const slow = await timed(`${api}/movie/popular`);
    const slow2 = await timed(`${api}/genre/tv/list`);
    expect(slow.res.status).toBe(200);
    expect(slow.ms).toBeGreaterThanOrEqual(240);
    expect(slow2.ms).toBeGreaterThanOrEqual(240);
    expect(fast.ms).toBeLessThan(200);
    expect(JSON.parse(slow.text).results).toHaveLength(20);
    server.clearFaults();
    expect((await timed(`${api}/movie/popular`)).ms).toBeLessThan(200);
  });

  it("rate-limits the next N requests with 429, Retry-After and code 25, counting down", async () => {
    server.setFaults({ rateLimit: { count: 2, retryAfterSeconds: 3 } });
    const first = await timed(`${api}/movie/popular`);
    expect(first.res.status).toBe(429);
    expect(first.res.headers.get("retry-after")).toBe("3");
    expect(JSON.parse(first.text)).toEqual({ success: false, status_code: 25, status_message: "Your request count (#) is over the allowed limit of (40)." });
    expect(server.faults().rateLimit).toEqual({ count: 1, retryAfterSeconds: 3 });
    const second = await timed(`${api}/tv/popular`);
    expect(second.res.status).toBe(429);
    expect(server.faults().rateLimit).toBeUndefined();
    const third = await timed(`${api}/movie/popular`);
    expect(third.res.status).toBe(200);
  });

  it("answers the next N requests with 5xx bodies (500 code 11, 503 code 9)", async () => {
    server.setFaults({ serverError: { count: 1 } });
    const r500 = await timed(`${api}/movie/popular`);
    expect(r500.res.status).toBe(500);
    expect(JSON.parse(r500.text)).toEqual({ success: false, status_code: 11, status_message: "Internal error: Something went wrong, contact TMDb." });
    expect((await timed(`${api}/movie/popular`)).res.status).toBe(200);
    server.setFaults({ serverError: { count: 2, status: 503 } });
    const r503 = await timed(`${api}/movie/popular`);
    expect(r503.res.status).toBe(503);
    expect(JSON.parse(r503.text)).toEqual({
      success: false,
      status_code: 9,
      status_message: "Service offline: This service is temporarily offline, try again later.",
    });
    expect((await timed(`${api}/configuration`)).res.status).toBe(503);
    expect((await timed(`${api}/configuration`)).res.status).toBe(200);
  });

  it("hangs the next N requests until the client gives up; later requests work", async () => {
    server.setFaults({ hang: { count: 1 } });
    const started = performance.now();
    await expect(fetch(`${api}/movie/popular`, { signal: AbortSignal.timeout(300) })).rejects.toThrow(/timeout|abort/i);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    const after = await timed(`${api}/movie/popular`);
    expect(after.res.status).toBe(200);
    // the hung request was counted, has no status, and is no longer in flight
    expect(server.requestCounts()["/3/movie/popular"]).toBe(2);
    expect(server.requestLog()[0]?.status).toBe(0);
    expect(server.requestLog()[1]?.status).toBe(200);
    await waitFor(() => server.inFlight() === 0);
  });

  it("close() resolves promptly even with hung requests outstanding", async () => {
    const s = await startCatalogueServer({ catalogue });
    s.setFaults({ hang: { count: 3 }, latencyMs: 10 });
    const pending = [1, 2, 3].map(() =>
      fetch(`${s.url}/movie/popular`).then(
        () => "answered",
        () => "failed",
      ),
    );
    await waitFor(() => s.inFlight() === 3);
    const started = performance.now();
    await s.close();
    expect(performance.now() - started).toBeLessThan(1000);
    expect(await Promise.all(pending)).toEqual(["failed", "failed", "failed"]);
    await expect(fetch(`${s.url}/movie/popular`)).rejects.toThrow();
  });

  it("sends truncated JSON with HTTP 200 for malformedJson", async () => {
    server.setFaults({ malformedJson: { count: 1 } });
    const r = await timed(`${api}/movie/popular`);
    expect(r.res.status).toBe(200);
    expect(r.res.headers.get("content-type")).toBe("application/json;charset=utf-8");
    expect(r.text.length).toBeGreaterThan(10);
    expect(r.text.startsWith('{"page":1')).toBe(true);
    expect(() => JSON.parse(r.text)).toThrow(SyntaxError);
    const next = await fetch(`${api}/movie/popular`);
    await expect(next.json()).resolves.toMatchObject({ page: 1 });
  });

  it("sends valid JSON of the wrong shape for wrongShape", async () => {
    server.setFaults({ wrongShape: { count: 2 } });
    const list = JSON.parse((await timed(`${api}/movie/popular`)).text);
    expect(list.results).toBe("nope");
    const details = JSON.parse((await timed(`${api}/movie/${catalogue.movies[0]?.id}`)).text);
    expect(typeof details.id).not.toBe("number");
    expect(Array.isArray(details.genres)).toBe(false);
    expect(JSON.parse((await timed(`${api}/movie/popular`)).text).results).toHaveLength(20);
  });

  it("scopes faults with pathPrefix", async () => {
    server.setFaults({ serverError: { count: 5 }, pathPrefix: "/3/tv/" });
    expect((await timed(`${api}/movie/popular`)).res.status).toBe(200);
    expect((await timed(`${api}/trending/tv/day`)).res.status).toBe(200);
    expect((await timed(`${api}/tv/popular`)).res.status).toBe(500);
    expect((await timed(`${api}/tv/${catalogue.tv[0]?.id}`)).res.status).toBe(500);
    expect(server.faults()).toEqual({ serverError: { count: 3 }, pathPrefix: "/3/tv/" });
  });

  it("consumes combined faults in order: rateLimit, serverError, hang, malformedJson, wrongShape", async () => {
    server.setFaults({ rateLimit: { count: 1, retryAfterSeconds: 1 }, serverError: { count: 1 }, wrongShape: { count: 1 } });
    expect((await timed(`${api}/movie/popular`)).res.status).toBe(429);
    expect((await timed(`${api}/movie/popular`)).res.status).toBe(500);
    expect(JSON.parse((await timed(`${api}/movie/popular`)).text).results).toBe("nope");
    expect(JSON.parse((await timed(`${api}/movie/popular`)).text).results).toHaveLength(20);
  });

  it("validates fault objects", () => {
    expect(() => parseFaults({ rateLimit: { count: -1, retryAfterSeconds: 1 } })).toThrow();
    expect(() => parseFaults({ serverError: { count: 1, status: 404 } })).toThrow();
    expect(() => parseFaults({ bogus: 1 })).toThrow();
    expect(() => parseFaults([])).toThrow();
    expect(parseFaults({ rateLimit: { count: 2 } })).toEqual({ rateLimit: { count: 2, retryAfterSeconds: 1 } });
    const f = new FaultInjector();
    f.set({ hang: { count: 1 }, pathPrefix: "/3/movie/" });
    expect(f.take("/3/tv/popular").action.kind).toBe("none");
    expect(f.take("/3/movie/popular").action.kind).toBe("hang");
    expect(f.take("/3/movie/popular").action.kind).toBe("none");
  });

  it("enforces an optional sliding-window rate limit (429, Retry-After: 1)", async () => {
    server.setRateLimitPerSecond(5);
    const results = await Promise.all(Array.from({ length: 8 }, () => fetch(`${api}/genre/movie/list`)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(3);
    const limited = results.find((r) => r.status === 429);
    expect(limited?.headers.get("retry-after")).toBe("1");
    expect(await limited?.json()).toMatchObject({ success: false, status_code: 25 });
    await new Promise((r) => setTimeout(r, 1050));
    expect((await fetch(`${api}/genre/movie/list`)).status).toBe(200);
    const limiter = new SlidingWindowRateLimiter(2);
    expect([limiter.allow(0), limiter.allow(10), limiter.allow(20), limiter.allow(1001), limiter.allow(1011)]).toEqual([true, true, false, true, true]);
  });

  it("applies rateLimitPerSecond given as a start option", async () => {
    const s = await startCatalogueServer({ catalogue, rateLimitPerSecond: 2 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await fetch(`${s.url}/configuration`)).status);
      expect(statuses).toEqual([200, 200, 429, 429]);
    } finally {
      await s.close();
    }
  });
});

describe("request counting", () => {
  it("counts /3 requests by path (faulted ones included), not control or image requests", async () => {
    const id = catalogue.movies[5]?.id;
    await fetch(`${api}/movie/popular?page=1`);
    await fetch(`${api}/movie/popular?page=2&language=en-US`);
    await fetch(`${api}/movie/${id}?append_to_response=credits`);
    server.setFaults({ serverError: { count: 1 } });
    await fetch(`${api}/tv/popular`);
    await fetch(`${api}/does/not/exist`);
    await fetch(`${server.origin}/__control/health`);
    await fetch(`${server.origin}/t/p/w92/m11p.jpg`);
    expect(server.requestCounts()).toEqual({ "/3/movie/popular": 2, [`/3/movie/${id}`]: 1, "/3/tv/popular": 1, "/3/does/not/exist": 1 });
    expect(server.totalRequests()).toBe(5);
    expect(server.imageRequests()).toBe(1);
    const log = server.requestLog();
    expect(log.map((e) => [e.path, e.query, e.status])).toEqual([
      ["/3/movie/popular", "page=1", 200],
      ["/3/movie/popular", "page=2&language=en-US", 200],
      [`/3/movie/${id}`, "append_to_response=credits", 200],
      ["/3/tv/popular", "", 500],
      ["/3/does/not/exist", "", 404],
    ]);
    for (const e of log) {
      expect(Math.abs(e.startedAt - Date.now())).toBeLessThan(5000);
    }
    expect(log.map((e) => e.startedAt)).toEqual([...log.map((e) => e.startedAt)].sort((a, b) => a - b));
    expect(log.some((e) => !Number.isInteger(e.startedAt))).toBe(true); // sub-millisecond resolution
    server.resetCounts();
    expect(server.totalRequests()).toBe(0);
    expect(server.requestCounts()).toEqual({});
    expect(server.requestLog()).toEqual([]);
  });

  it("measures the maximum number of requests in flight", async () => {
    for (let i = 0; i < 3; i++) await fetch(`${api}/configuration`);
    expect(server.maxInFlight()).toBe(1);
    server.setFaults({ latencyMs: 200 });
    await Promise.all(Array.from({ length: 8 }, (_, i) => fetch(`${api}/movie/popular?page=${i + 1}`).then((r) => r.text())));
    expect(server.maxInFlight()).toBe(8);
    expect(server.inFlight()).toBe(0);
    server.resetCounts();
    expect(server.maxInFlight()).toBe(0);
  });
});

describe("control HTTP API", () => {
  it("reports health", async () => {
    const r = await control("GET", "health");
    expect(r).toEqual({ status: 200, body: { ok: true, titles: 2000, movies: 1400, tv: 600, people: catalogue.people.length, seed: 3 } });
  });

  it("sets, reads and clears faults over HTTP", async () => {
    const set = await control("POST", "faults", { serverError: { count: 2, status: 503 }, pathPrefix: "/3/movie/" });
    expect(set.status).toBe(200);
    expect(set.body.faults).toEqual({ serverError: { count: 2, status: 503 }, pathPrefix: "/3/movie/" });
    expect((await fetch(`${api}/movie/popular`)).status).toBe(503);
    expect((await control("GET", "faults")).body.faults).toEqual({ serverError: { count: 1, status: 503 }, pathPrefix: "/3/movie/" });
    expect((await control("DELETE", "faults")).status).toBe(200);
    expect((await fetch(`${api}/movie/popular`)).status).toBe(200);
    expect((await control("GET", "faults")).body.faults).toEqual({});
    const bad = await control("POST", "faults", { hang: { count: "x" } });
    expect(bad.status).toBe(400);
    expect(bad.body.ok).toBe(false);
    expect((await control("POST", "faults", "{not json")).status).toBe(400);
    expect((await control("GET", "nope")).status).toBe(404);
  });

  it("reports requests and resets counts, log, maxInFlight and faults", async () => {
    await fetch(`${api}/movie/popular`);
    await fetch(`${api}/tv/popular?page=2`);
    const stats = await control("GET", "requests");
    expect(stats.body).toMatchObject({ total: 2, counts: { "/3/movie/popular": 1, "/3/tv/popular": 1 }, maxInFlight: 1 });
    expect(stats.body.log).toHaveLength(2);
    expect(stats.body.log[1]).toEqual({ path: "/3/tv/popular", query: "page=2", startedAt: expect.any(Number), status: 200 });
    expect((await control("GET", "requests?log=0")).body.log).toEqual([]);
    await control("POST", "faults", { wrongShape: { count: 5 } });
    expect((await control("POST", "reset")).body).toEqual({ ok: true });
    const after = await control("GET", "requests");
    expect(after.body).toMatchObject({ total: 0, counts: {}, maxInFlight: 0, log: [] });
    expect(server.faults()).toEqual({});
    expect(((await (await fetch(`${api}/movie/popular`)).json()) as Body).results).toHaveLength(20);
  });

  it("sets the enforced rate limit over HTTP", async () => {
    expect((await control("POST", "rate-limit", { perSecond: 1 })).body).toEqual({ ok: true, perSecond: 1 });
    expect((await fetch(`${api}/configuration`)).status).toBe(200);
    expect((await fetch(`${api}/configuration`)).status).toBe(429);
    expect((await control("POST", "rate-limit", { perSecond: null })).body).toEqual({ ok: true, perSecond: null });
    expect((await fetch(`${api}/configuration`)).status).toBe(200);
    expect((await control("POST", "rate-limit", { perSecond: -3 })).status).toBe(400);
  });
});

async function waitFor(check: () => boolean, timeoutMs = 2000): Promise<void> {
  const started = performance.now();
  while (!check()) {
    if (performance.now() - started > timeoutMs) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 10));
  }
}
