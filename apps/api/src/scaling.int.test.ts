// More than one machine, in miniature: two API processes and two workers against one Postgres and
// one Redis. Ingestion is not duplicated, and every process's TMDB calls share one rate limit.
import { randomBytes } from "node:crypto";
import { spawn } from "node:child_process";
import path from "node:path";
import type { RequestLogEntry } from "@movierec/tmdb-catalogue";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anyFreePort } from "@movierec/dev-stack/ports";
import { createTestDatabase, testRedisUrl } from "@movierec/dev-stack/testing";
import { createPrisma, type PrismaClient } from "./db.ts";
import { createApiToken } from "./modules/auth/api-token.service.ts";
import { maxInAnyWindow, spawnProductProcess, waitUntil, type ProductProcess } from "./test-support/processes.ts";

const LIMIT = 30;
const processes: ProductProcess[] = [];
// The catalogue runs as a process of its own, so its request timestamps are not delayed by this
// test's own work: they are what a TMDB would see.
let catalogueUrl: string;
let stopCatalogue: () => Promise<unknown>;
const control = async <T>(route: string, init?: RequestInit): Promise<T> =>
  (await fetch(`${catalogueUrl.replace(/\/3$/, "")}/__control/${route}`, { ...init, headers: { "content-type": "application/json" } })).json() as Promise<T>;
const requestLog = async () => (await control<{ log: RequestLogEntry[] }>("requests")).log;
let prisma: PrismaClient;
let dropDatabase: () => Promise<void>;
let apiUrls: string[];
let env: Record<string, string>;

beforeAll(async () => {
  const database = await createTestDatabase();
  dropDatabase = database.drop;
  const cataloguePort = await anyFreePort();
  const catalogueProcess = spawn(process.execPath, ["--import", "tsx", "src/cli.ts", "--port", String(cataloguePort), "--size", "600", "--real-films", "200"], {
    cwd: path.resolve(import.meta.dirname, "../../../packages/tmdb-catalogue"),
    stdio: "ignore",
  });
  const catalogueExited = new Promise((resolve) => catalogueProcess.once("exit", resolve));
  stopCatalogue = async () => {
    catalogueProcess.kill("SIGTERM");
    await catalogueExited;
  };
  catalogueUrl = `http://127.0.0.1:${cataloguePort}/3`;
  await waitUntil(
    "the catalogue answers",
    async () => (await fetch(`http://127.0.0.1:${cataloguePort}/__control/health`).catch(() => null))?.ok === true,
    30_000,
  );
  await control("faults", { method: "POST", body: JSON.stringify({ latencyMs: 30 }) });
  prisma = createPrisma(database.url);
  env = {
    DATABASE_URL: database.url,
    REDIS_URL: testRedisUrl(),
    REDIS_KEY_PREFIX: `s${randomBytes(4).toString("hex")}:`,
    TMDB_API_BASE_URL: catalogueUrl,
    TMDB_RATE_LIMIT_PER_SECOND: String(LIMIT),
    TMDB_MAX_IN_FLIGHT: "6",
    INGEST_EVERY_MINUTES: "0",
    INGEST_PAGES_PER_LIST: "6",
    WORKER_LOCK_MS: "3000",
    AUTH_SECRET: "scaling-test-secret-0123456789",
  };
  const ports = [await anyFreePort(), await anyFreePort()];
  apiUrls = ports.map((port) => `http://127.0.0.1:${port}`);
  for (const port of ports) processes.push(spawnProductProcess("src/main.ts", { ...env, API_PORT: String(port) }));
  processes.push(spawnProductProcess("src/worker.ts", env), spawnProductProcess("src/worker.ts", env));
  for (const url of apiUrls) {
    await waitUntil(`${url} is ready`, async () => (await fetch(`${url}/readyz`).catch(() => null))?.ok === true, 60_000);
  }
}, 90_000);

afterAll(async () => {
  await Promise.all(processes.map((process) => process.kill("SIGTERM")));
  await prisma?.$disconnect();
  await stopCatalogue?.();
  await dropDatabase?.();
});

async function graphql(url: string, query: string, token: string) {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: Record<string, any>; errors?: Array<{ message: string }> };
}

describe("two APIs and two workers on one Postgres and Redis", () => {
  it("ingest once, and keep every process's TMDB calls under one limit", async () => {
    const admin = await prisma.user.create({ data: { email: `admin-${Date.now()}@example.test`, role: "ADMIN" } });
    const { secret } = await createApiToken({ prisma }, { userId: admin.id, name: "scaling" });
    await control("reset", { method: "POST" });
    await control("faults", { method: "POST", body: JSON.stringify({ latencyMs: 30 }) });

    // Both APIs ask for a run at once, while both serve searches that miss the cache.
    const words = ["night", "river", "dark", "love", "city", "war", "star", "blood", "house", "road", "last", "king"];
    const results = await Promise.all([
      graphql(apiUrls[0]!, "mutation { refreshMediaCache { jobId } }", secret),
      graphql(apiUrls[1]!, "mutation { refreshMediaCache { jobId } }", secret),
      ...words.map((word, index) => graphql(apiUrls[index % 2]!, `{ searchMedia(query: "${word}") { edges { node { id } } } }`, secret)),
      // The same searches again through the other API: the TMDB fallback memo is shared.
      ...words.map((word, index) => graphql(apiUrls[(index + 1) % 2]!, `{ searchMedia(query: "${word}") { edges { node { id } } } }`, secret)),
    ]);
    expect(results.flatMap((result) => result.errors ?? [])).toEqual([]);

    await waitUntil(
      "every list has its six pages",
      async () => {
        const cursors = await prisma.ingestCursor.findMany();
        return cursors.length === 5 && cursors.every((cursor) => cursor.pagesFetched === Math.min(6, cursor.totalPages ?? 0));
      },
      120_000,
    );
    // Then until the details jobs those pages queued are done: TMDB hears nothing for 2 s.
    let heard = -1;
    await waitUntil(
      "the workers fall quiet",
      async () => {
        const now = (await control<{ total: number }>("requests?log=0")).total;
        const quiet = now === heard;
        heard = now;
        return quiet;
      },
      120_000,
      2_000,
    );
    // Every title an ingest page brought in has its details.
    expect(await prisma.mediaCache.count({ where: { detailsFetchedAt: null, NOT: { sourceLists: { equals: ["search"] } } } })).toBe(0);
    const log = await requestLog();
    const byRequest = new Map<string, number>();
    for (const entry of log) byRequest.set(`${entry.path}?${entry.query}`, (byRequest.get(`${entry.path}?${entry.query}`) ?? 0) + 1);

    // No list page and no title's details were fetched twice, whichever process asked.
    const repeated = [...byRequest].filter(
      ([key, count]) => count > 1 && !key.startsWith("/3/search/") && !key.startsWith("/3/genre/") && !key.startsWith("/3/configuration"),
    );
    expect(repeated).toEqual([]);
    // Each missed search went to TMDB once in all, though both APIs served it. (A word whose 20
    // matches the concurrent ingest had already cached by then is not a miss and asks nothing.)
    const searches = log.filter((entry) => entry.path === "/3/search/multi").map((entry) => new URLSearchParams(entry.query).get("query"));
    expect(new Set(searches).size).toBe(searches.length);
    expect(searches.length).toBeGreaterThanOrEqual(words.length / 2);
    // One budget for four processes, as TMDB saw it: never more than LIMIT in any second, however
    // late a starved process sends what it was granted (a request holds its place until a second
    // after it finished). Four separate budgets would show up as up to four times the limit.
    const starts = log.map((entry) => entry.startedAt).sort((a, b) => a - b);
    const busiest = maxInAnyWindow(starts, 1_000);
    const sustained = starts.length / ((starts.at(-1)! - starts[0]!) / 1_000);
    console.info(`four processes: ${log.length} TMDB requests, ${sustained.toFixed(1)}/s sustained, at most ${busiest} in any second (limit ${LIMIT})`);
    expect(busiest).toBeLessThanOrEqual(LIMIT);
    expect(sustained).toBeLessThanOrEqual(LIMIT);
    expect(log.length).toBeGreaterThan(LIMIT * 3);
    expect(processes.every((process) => process.child.exitCode === null)).toBe(true);
  }, 180_000);

  it("fetches a title's missing details once however many requests to either API ask for it at once", async () => {
    const user = await prisma.user.create({ data: { email: `reader-${Date.now()}@example.test` } });
    const { secret } = await createApiToken({ prisma }, { userId: user.id, name: "scaling" });
    // Titles whose details are not in the cache yet, as list items are before the worker gets to them.
    // (ones whose details have a runtime: a real film's source may not give one)
    const rows = await prisma.mediaCache.findMany({ where: { mediaType: "MOVIE", runtime: { not: null } }, orderBy: { tmdbId: "asc" }, take: 6 });
    expect(rows).toHaveLength(6);
    await prisma.mediaCache.updateMany({
      where: { mediaType: "MOVIE", tmdbId: { in: rows.map((row) => row.tmdbId) } },
      data: { detailsFetchedAt: null, runtime: null },
    });
    await control("reset", { method: "POST" });
    await control("faults", { method: "POST", body: JSON.stringify({ latencyMs: 300 }) });
    const query = `{ ${rows.map((row, index) => `m${index}: media(type: MOVIE, tmdbId: ${row.tmdbId}) { runtime }`).join(" ")} }`;
    const results = await Promise.all(Array.from({ length: 16 }, (_, index) => graphql(apiUrls[index % 2]!, query, secret)));
    await control("faults", { method: "POST", body: JSON.stringify({ latencyMs: 30 }) });
    expect(results.flatMap((result) => result.errors ?? [])).toEqual([]);
    expect(results.every((result) => Object.values(result.data!).every((media) => media.runtime > 0))).toBe(true);
    const fetched = (await requestLog()).filter((entry) => /^\/3\/movie\/\d+$/.test(entry.path)).map((entry) => entry.path);
    expect(fetched.sort()).toEqual(rows.map((row) => `/3/movie/${row.tmdbId}`).sort());
  }, 60_000);
});
