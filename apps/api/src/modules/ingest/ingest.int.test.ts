// The ingest worker as real processes (tsx src/worker.ts) against real Postgres and Redis and the
// offline catalogue over HTTP: filling the cache, wrapping cycles, two workers at once, a SIGKILL
// mid-run, 429 and 5xx storms under the shared rate limit, and a Redis restart.
import { mkdtempSync, rmSync } from "node:fs";
import { getPriority, tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { startCatalogueServer, type CatalogueServer } from "@movierec/tmdb-catalogue";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import { anyFreePort } from "@movierec/dev-stack/ports";
import { createTestDatabase, startRedis, testRedisUrl } from "@movierec/dev-stack/testing";
import { createPrisma, type PrismaClient } from "../../db.ts";
import { requestIngestRun, type IngestRunPayload } from "./ingest-queue.ts";
import { QUEUES } from "./ingest.queues.ts";
import { maxInAnyWindow, spawnProductProcess, waitUntil } from "../../test-support/processes.ts";
import { INGEST_LISTS } from "./ingest.lists.ts";

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
});

interface Setup {
  databaseUrl: string;
  redisUrl: string;
  prefix: string;
  catalogue: CatalogueServer;
  prisma: PrismaClient;
  redis: Redis;
  ingestQueue: Queue<IngestRunPayload>;
  detailsQueue: Queue;
}

async function setup(options: { catalogueSize: number; redisUrl?: string; catalogue?: CatalogueServer }): Promise<Setup> {
  const database = await createTestDatabase();
  const catalogue = options.catalogue ?? (await startCatalogueServer({ port: 0, size: options.catalogueSize }));
  const redisUrl = options.redisUrl ?? testRedisUrl();
  const prefix = `w${randomBytes(4).toString("hex")}:`;
  const prisma = createPrisma(database.url);
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const ingestQueue = new Queue<IngestRunPayload>(QUEUES.ingest.name, { connection: redis, prefix: `${prefix}bull` });
  const detailsQueue = new Queue(QUEUES.details.name, { connection: redis, prefix: `${prefix}bull` });
  cleanups.push(async () => {
    await ingestQueue.close();
    await detailsQueue.close();
    await redis.quit();
    await prisma.$disconnect();
    if (!options.catalogue) await catalogue.close();
    await database.drop();
  });
  return { databaseUrl: database.url, redisUrl, prefix, catalogue, prisma, redis, ingestQueue, detailsQueue };
}

function startWorker(context: Setup, env: Record<string, string> = {}) {
  const worker = spawnProductProcess("src/worker.ts", {
    DATABASE_URL: context.databaseUrl,
    REDIS_URL: context.redisUrl,
    REDIS_KEY_PREFIX: context.prefix,
    TMDB_API_BASE_URL: context.catalogue.url,
    INGEST_EVERY_MINUTES: "0",
    INGEST_PAGES_PER_LIST: "5",
    TMDB_RATE_LIMIT_PER_SECOND: "500",
    TMDB_MAX_RETRIES: "6",
    TMDB_TIMEOUT_MS: "3000",
    WORKER_LOCK_MS: "2000",
    ...env,
  });
  cleanups.push(() => worker.kill());
  return worker;
}

const pending = async (queue: Queue) => {
  const counts = await queue.getJobCounts("waiting", "active", "delayed", "prioritized");
  return Object.values(counts).reduce((sum, count) => sum + count, 0);
};

/** Until the ingest run and every details job it queued are done. */
async function waitForQuiet(context: Setup, timeoutMs = 90_000) {
  await waitUntil("the queues are empty", async () => (await pending(context.ingestQueue)) === 0 && (await pending(context.detailsQueue)) === 0, timeoutMs);
}

/** List page requests the catalogue served, as "path?page=N" → how many times. */
function listPageRequests(catalogue: CatalogueServer): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entry of catalogue.requestLog()) {
    if (!/^\/3\/(movie|tv)\/(popular|top_rated)$|^\/3\/trending\//.test(entry.path)) continue;
    const key = `${entry.path}?page=${new URLSearchParams(entry.query).get("page")}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

async function cacheSnapshot(prisma: PrismaClient) {
  const rows = await prisma.mediaCache.findMany({ orderBy: [{ mediaType: "asc" }, { tmdbId: "asc" }] });
  return rows.map(({ createdAt: _created, updatedAt: _updated, detailsFetchedAt, sourceLists, ...row }) => ({
    ...row,
    sourceLists: [...sourceLists].sort(),
    hasDetails: detailsFetchedAt !== null,
  }));
}

/** Pages each list has in the catalogue (TMDB caps at 500). */
async function lastPages(catalogue: CatalogueServer): Promise<Map<string, number>> {
  const pages = new Map<string, number>();
  for (const list of INGEST_LISTS) {
    const response = await fetch(`${catalogue.url}/${list.id}?page=1`);
    pages.set(list.id, Math.min(500, ((await response.json()) as { total_pages: number }).total_pages));
  }
  catalogue.resetCounts();
  return pages;
}

describe("ingest worker", () => {
  it("fills MediaCache from every list, advances the cursors, wraps at the last page, and fetches details", async () => {
    const context = await setup({ catalogueSize: 240 });
    const pages = await lastPages(context.catalogue);
    const first = startWorker(context, { INGEST_PAGES_PER_LIST: "4" });
    await requestIngestRun(context.ingestQueue, { reason: "cli" });
    await waitForQuiet(context);
    // The worker runs below the API's CPU priority (WORKER_NICE, default 10).
    expect(getPriority(first.child.pid!)).toBe(10);

    const cursors = new Map((await context.prisma.ingestCursor.findMany()).map((cursor) => [cursor.list, cursor]));
    expect([...cursors.keys()].sort()).toEqual(INGEST_LISTS.map((list) => list.id).sort());
    for (const [list, last] of pages) {
      const cursor = cursors.get(list)!;
      if (last <= 4) expect(cursor).toMatchObject({ nextPage: 1, cycle: 1, pagesFetched: last });
      else expect(cursor).toMatchObject({ nextPage: 5, cycle: 0, pagesFetched: 4 });
      expect(cursor.totalPages).toBeGreaterThanOrEqual(last);
      expect(cursor.lastError).toBeNull();
    }
    const rows = await context.prisma.mediaCache.findMany({ select: { sourceLists: true, detailsFetchedAt: true, runtime: true } });
    expect(rows.length).toBeGreaterThan(60);
    for (const list of INGEST_LISTS) expect(rows.some((row) => row.sourceLists.includes(list.id))).toBe(true);
    // Details were queued for every new title and fetched once each.
    expect(rows.every((row) => row.detailsFetchedAt !== null)).toBe(true);
    const detailCalls = context.catalogue.requestLog().filter((entry) => /^\/3\/(movie|tv)\/\d+$/.test(entry.path));
    expect(new Set(detailCalls.map((entry) => entry.path)).size).toBe(detailCalls.length);

    // A run with a larger budget walks every list to its last page and wraps to page 1.
    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    startWorker(context, { INGEST_PAGES_PER_LIST: "500" });
    await requestIngestRun(context.ingestQueue, { reason: "cli" });
    await waitForQuiet(context);
    // Lists of up to 4 pages already wrapped in the first run, so they went round a second time.
    const cycles = (list: string) => (pages.get(list)! <= 4 ? 2 : 1);
    for (const cursor of await context.prisma.ingestCursor.findMany()) {
      expect(cursor, cursor.list).toMatchObject({ nextPage: 1, cycle: cycles(cursor.list), pagesFetched: cycles(cursor.list) * pages.get(cursor.list)! });
    }
    // Each page was requested once per cycle, no more.
    const requests = listPageRequests(context.catalogue);
    expect(requests.size).toBe([...pages.values()].reduce((sum, count) => sum + count, 0));
    for (const [key, count] of requests) expect(count, key).toBe(cycles(key.slice(3, key.indexOf("?"))));
  }, 150_000);

  it("two workers at once end with the same MediaCache as one, making the same TMDB calls", async () => {
    const catalogue = await startCatalogueServer({ port: 0, size: 240 });
    cleanups.push(() => catalogue.close());
    const requestsOf = () =>
      catalogue
        .requestLog()
        .map((entry) => `${entry.path}?${entry.query}`)
        .sort();

    // One worker, two runs one after the other.
    const single = await setup({ catalogueSize: 0, catalogue });
    startWorker(single);
    for (let run = 0; run < 2; run++) {
      await requestIngestRun(single.ingestQueue, { reason: "cli" });
      await waitForQuiet(single);
    }
    const singleRequests = requestsOf();

    // Two workers, two runs (a scheduled and an asked-for one) arriving together.
    catalogue.resetCounts();
    const pair = await setup({ catalogueSize: 0, catalogue });
    startWorker(pair);
    startWorker(pair);
    await Promise.all([
      pair.ingestQueue.add("ingest-run", { reason: "schedule" }, { jobId: "concurrent-scheduled" }),
      requestIngestRun(pair.ingestQueue, { reason: "cli" }),
    ]);
    await waitUntil("both runs completed", async () => (await pair.ingestQueue.getJobCounts("completed")).completed === 2, 90_000);
    await waitForQuiet(pair);

    expect(await cacheSnapshot(pair.prisma)).toEqual(await cacheSnapshot(single.prisma));
    expect((await cacheSnapshot(pair.prisma)).length).toBeGreaterThan(60);
    expect(requestsOf()).toEqual(singleRequests);
    const cursors = (prisma: PrismaClient) =>
      prisma.ingestCursor.findMany({ orderBy: { list: "asc" }, select: { list: true, nextPage: true, cycle: true, pagesFetched: true } });
    expect(await cursors(pair.prisma)).toEqual(await cursors(single.prisma));
  }, 150_000);

  it("resumes from the cursor after a SIGKILL mid-run: no page skipped, none written twice", async () => {
    const context = await setup({ catalogueSize: 1_500 });
    context.catalogue.setFaults({ latencyMs: 80 });
    const first = startWorker(context, { INGEST_PAGES_PER_LIST: "6", WORKER_DETAILS_CONCURRENCY: "2" });
    await requestIngestRun(context.ingestQueue, { reason: "cli" });
    await waitUntil(
      "a few pages are written",
      async () => ((await context.prisma.ingestCursor.aggregate({ _sum: { pagesFetched: true } }))._sum.pagesFetched ?? 0) >= 3,
      60_000,
    );
    first.child.kill("SIGKILL");
    await first.exited;
    const atKill = await context.prisma.ingestCursor.findMany();

    startWorker(context, { INGEST_PAGES_PER_LIST: "6" });
    await waitForQuiet(context, 120_000);
    const cursors = await context.prisma.ingestCursor.findMany();
    expect(cursors.length).toBe(INGEST_LISTS.length);
    const requests = listPageRequests(context.catalogue);
    const pages = await lastPages(context.catalogue);
    for (const cursor of cursors) {
      // Every page from 1 to where the cursor stands was written exactly once…
      const last = pages.get(cursor.list)!;
      expect(cursor.pagesFetched, cursor.list).toBe(cursor.cycle * last + cursor.nextPage - 1);
      // The run's budget (6 pages a list) was kept across the takeover, give or take the one page
      // committed in the instant between its write and the job's progress note.
      expect(cursor.pagesFetched).toBeGreaterThanOrEqual(Math.min(6, last));
      expect(cursor.pagesFetched).toBeLessThanOrEqual(Math.min(7, last));
      // …and fetched at most twice (the page in flight at the kill is fetched again, not written twice).
      const listPath = `/3/${cursor.list}`;
      for (let page = 1; page < cursor.nextPage; page++) expect(requests.get(`${listPath}?page=${page}`) ?? 0).toBeGreaterThanOrEqual(1);
      expect([...requests].filter(([key, count]) => key.startsWith(`${listPath}?`) && count > 1).length).toBeLessThanOrEqual(1);
    }
    expect(atKill.some((cursor) => cursor.pagesFetched > 0)).toBe(true);
    // The titles of every written page are in the cache.
    const popular = cursors.find((cursor) => cursor.list === "movie/popular")!;
    const expectedIds = context.catalogue.catalogue
      .popular("movie")
      .slice(0, (popular.nextPage - 1) * 20)
      .map((movie) => movie.id);
    const cached = new Set((await context.prisma.mediaCache.findMany({ where: { mediaType: "MOVIE" }, select: { tmdbId: true } })).map((row) => row.tmdbId));
    expect(expectedIds.filter((id) => !cached.has(id))).toEqual([]);
  }, 180_000);

  it("stops a run whose lock it lost, and the worker that takes the job over carries on alone", async () => {
    // What a Redis outage longer than WORKER_LOCK_MS does: the running job's lock is gone, so
    // another worker's stalled-job check hands the job to that worker while the first is mid-run.
    const context = await setup({ catalogueSize: 1_500 });
    context.catalogue.setFaults({ latencyMs: 150 });
    const env = { INGEST_PAGES_PER_LIST: "8", WORKER_DETAILS_CONCURRENCY: "2" };
    const workers = [startWorker(context, env), startWorker(context, env)];
    await waitUntil("both workers are registered", async () => (await context.ingestQueue.getWorkers()).length >= 2, 60_000);
    await requestIngestRun(context.ingestQueue, { reason: "cli" });
    await waitUntil(
      "a few pages are written",
      async () => ((await context.prisma.ingestCursor.aggregate({ _sum: { pagesFetched: true } }))._sum.pagesFetched ?? 0) >= 3,
      60_000,
    );
    const [running] = await context.ingestQueue.getActive();
    expect(await context.redis.del(`${context.prefix}bull:${QUEUES.ingest.name}:${running!.id}:lock`)).toBe(1);

    await waitUntil(
      "the worker running it gives the job up",
      async () => workers.some((worker) => worker.output().includes("lost the lock on jobs in hand")),
      15_000,
    );
    await waitForQuiet(context, 120_000);
    const requests = listPageRequests(context.catalogue);
    const pages = await lastPages(context.catalogue);
    for (const cursor of await context.prisma.ingestCursor.findMany()) {
      const last = pages.get(cursor.list)!;
      expect(cursor.pagesFetched, cursor.list).toBe(cursor.cycle * last + cursor.nextPage - 1);
      expect(cursor.lastError, cursor.list).toBeNull();
      for (let page = 1; page < cursor.nextPage; page++) expect(requests.get(`/3/${cursor.list}?page=${page}`) ?? 0).toBeGreaterThanOrEqual(1);
    }
    // Two runs at once race for the same next pages (3–4 fetched twice when the first run carried on);
    // one run fetches again at most the page that was in flight when the first stopped.
    expect([...requests].filter(([, count]) => count > 1).map(([key]) => key).length).toBeLessThanOrEqual(1);
    expect(workers.every((worker) => worker.child.exitCode === null)).toBe(true);
  }, 180_000);

  it("rides out a 429 storm and a 5xx burst under the shared rate limit, losing nothing", async () => {
    const context = await setup({ catalogueSize: 240 });
    const limit = 25;
    context.catalogue.setFaults({ rateLimit: { count: 8, retryAfterSeconds: 1 }, serverError: { count: 6, status: 503 } });
    startWorker(context, { TMDB_RATE_LIMIT_PER_SECOND: String(limit), INGEST_PAGES_PER_LIST: "3" });
    await requestIngestRun(context.ingestQueue, { reason: "cli" });
    await waitForQuiet(context, 120_000);
    const statuses = context.catalogue.requestLog().map((entry) => entry.status);
    expect(statuses.filter((status) => status === 429)).toHaveLength(8);
    expect(statuses.filter((status) => status === 503)).toHaveLength(6);
    for (const cursor of await context.prisma.ingestCursor.findMany()) {
      expect(cursor.lastError).toBeNull();
      expect(cursor.pagesFetched).toBe(Math.min(3, cursor.totalPages ?? 0));
    }
    expect(await context.prisma.mediaCache.count({ where: { detailsFetchedAt: null } })).toBe(0);
    const failed = await context.detailsQueue.getJobCounts("failed");
    expect(failed.failed).toBe(0);
    // Never faster than the limit in any one-second window, as TMDB saw it.
    const starts = context.catalogue
      .requestLog()
      .map((entry) => entry.startedAt)
      .sort((a, b) => a - b);
    const worst = maxInAnyWindow(starts, 1_000);
    expect(worst).toBeLessThanOrEqual(limit);
    console.info(
      `ingest under faults: ${starts.length} TMDB requests in ${((starts.at(-1)! - starts[0]!) / 1000).toFixed(1)} s, at most ${worst} in any second (limit ${limit})`,
    );
  }, 150_000);

  it("reconnects after Redis restarts during a run, and finishes", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "movierec-redis-"));
    const port = await anyFreePort();
    let redisServer = await startRedis({ port, dataDir, log: () => {} });
    cleanups.push(async () => {
      await redisServer.stop();
      rmSync(dataDir, { recursive: true, force: true });
    });
    const context = await setup({ catalogueSize: 1_500, redisUrl: redisServer.url });
    context.catalogue.setFaults({ latencyMs: 60 });
    const worker = startWorker(context, { INGEST_PAGES_PER_LIST: "6", WORKER_DETAILS_CONCURRENCY: "4" });
    await requestIngestRun(context.ingestQueue, { reason: "cli" });
    await waitUntil(
      "a few pages are written",
      async () => ((await context.prisma.ingestCursor.aggregate({ _sum: { pagesFetched: true } }))._sum.pagesFetched ?? 0) >= 2,
      60_000,
    );

    await redisServer.stop(); // SIGTERM: Redis writes its append-only file and exits
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    redisServer = await startRedis({ port, dataDir, log: () => {} });

    await waitForQuiet(context, 150_000);
    const cursors = await context.prisma.ingestCursor.findMany();
    expect(cursors).toHaveLength(INGEST_LISTS.length);
    const pages = await lastPages(context.catalogue);
    for (const cursor of cursors) {
      const last = pages.get(cursor.list)!;
      expect(cursor.pagesFetched, cursor.list).toBe(cursor.cycle * last + cursor.nextPage - 1);
      expect(cursor.pagesFetched).toBeGreaterThanOrEqual(Math.min(6, last));
      expect(cursor.pagesFetched).toBeLessThanOrEqual(Math.min(7, last));
      expect(cursor.lastError).toBeNull();
    }
    expect(worker.child.exitCode).toBeNull();
  }, 200_000);
});
