// Enrichment: TMDB calls and latency for a page of 50 titles that entered MediaCache from TMDB
// list pages only (runtime, tagline, cast, directors … still null), cold and warm, and for 20
// concurrent identical requests. Targets: each title's details fetched once (50 detail calls for
// 50 titles), warm = 0 TMDB calls.
//
// Set-up: ephemeral Postgres + Redis, the offline catalogue with 60 ms latency on every TMDB
// request (roughly TMDB's own), movies from `discover/movie` list pages upserted as list items,
// and the API's PRODUCTION BUILD as its own process (`node dist/main.js` via spawnProductProcess)
// with the product's default TMDB budget (40 requests/s, 20 in flight) unless BENCH_TMDB_LIMIT says otherwise.
// The client is this process, over loopback HTTP. TMDB calls are counted at the catalogue.
//
// Phases, each on its own titles (browse filters that cannot overlap, checked un-enriched in Postgres first):
//   cold + warm: browse(MOVIE, released ≤ Y, first: 50) once cold, then the same query again (×BENCH_WARM_REPEATS)
//   concurrent: browse(MOVIE, released > Y, first: 50), 20 identical requests at once
// Run: node --import tsx bench/enrichment.ts   (writes bench/results/enrichment.json)
import { performance } from "node:perf_hooks";
import { startBackingServices } from "../packages/dev-stack/src/services.ts";
import { anyFreePort } from "../packages/dev-stack/src/ports.ts";
import { startCatalogueServer } from "../packages/tmdb-catalogue/src/index.ts";
import { createAppServices } from "../apps/api/src/app-services.ts";
import { parseConfig } from "../apps/api/src/config.ts";
import { createLogger } from "../apps/api/src/logger.ts";
import { upsertListItems } from "../apps/api/src/modules/media/media-cache.writer.ts";
import { listItemsOf } from "../apps/api/src/modules/media/tmdb-into-cache.ts";
import { spawnProductProcess, waitUntil, type ProductProcess } from "../apps/api/src/test-support/processes.ts";
import { log, percentile, round, writeResult, type SummaryRow } from "./lib/report.ts";

const PAGE = 50;
const CONCURRENT = Number(process.env.BENCH_CONCURRENT ?? 20);
const WARM_REPEATS = Number(process.env.BENCH_WARM_REPEATS ?? 10);
const LATENCY_MS = Number(process.env.BENCH_TMDB_LATENCY_MS ?? 60);
const LIST_PAGES = Number(process.env.BENCH_LIST_PAGES ?? 15); // 20 movies a page
const TMDB_LIMIT = process.env.BENCH_TMDB_LIMIT; // unset: the product's default (40/s)
const DETAILS_PATH = /^\/3\/(movie|tv)\/(\d+)$/;

const backing = await startBackingServices({ mode: "ephemeral", database: "movierec_bench_enrichment", log });
const catalogue = await startCatalogueServer({ port: 0, size: Number(process.env.BENCH_CATALOGUE_SIZE ?? 5_000) });
const seedConfig = parseConfig({
  NODE_ENV: "production",
  LOG_LEVEL: "warn",
  DATABASE_URL: backing.databaseUrl,
  REDIS_URL: backing.redisUrl,
  REDIS_KEY_PREFIX: "bench-enrichment-seed:",
  TMDB_API_BASE_URL: catalogue.url,
  TMDB_RATE_LIMIT_PER_SECOND: "100000",
});
// Used here for the list pages (through the product's TMDB client) and for Postgres checks; the API
// under test is the separate process below.
const seed = createAppServices({ config: seedConfig, logger: createLogger({ name: "bench", level: "warn" }), name: "bench-seed" });
let api: ProductProcess | undefined;
try {
  // ── Titles in MediaCache from list pages only ──
  for (let page = 1; page <= LIST_PAGES; page++) {
    const result = await seed.tmdb.discover({ mediaType: "movie", query: { sort_by: "popularity.desc" }, page });
    await upsertListItems(seed.prisma, listItemsOf("movie", result.results), "discover/movie");
  }
  const prisma = seed.prisma;
  const cached = await prisma.mediaCache.count({ where: { mediaType: "MOVIE" } });
  const withDetails = await prisma.mediaCache.count({ where: { detailsFetchedAt: { not: null } } });
  if (withDetails) throw new Error(`${withDetails} titles already have details; the set-up must leave them un-enriched`);
  // A year that splits the cached movies in two halves: the two phases browse opposite sides of it.
  const [{ year } = { year: 2000 }] = await prisma.$queryRaw<Array<{ year: number }>>`
    SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY extract(year FROM release_date))::int AS year
      FROM media_cache WHERE media_type = 'movie' AND NOT adult AND release_date IS NOT NULL`;
  const phases = {
    coldWarm: { type: "MOVIE", yearTo: year },
    concurrent: { type: "MOVIE", yearFrom: year + 1 },
  };
  // The 50 titles each browse returns (browse's own order: popularity desc, tmdb id), checked
  // un-enriched; the rows past 50 make sure browse does not fall back to TMDB discover.
  const expected = async (filter: { yearTo?: number; yearFrom?: number }) => {
    const rows = await prisma.mediaCache.findMany({
      where: {
        mediaType: "MOVIE",
        adult: false,
        releaseDate: {
          ...(filter.yearFrom ? { gte: new Date(Date.UTC(filter.yearFrom, 0, 1)) } : {}),
          ...(filter.yearTo ? { lt: new Date(Date.UTC(filter.yearTo + 1, 0, 1)) } : {}),
        },
      },
      orderBy: [{ popularity: "desc" }, { tmdbId: "asc" }],
      take: PAGE + 1,
      select: { tmdbId: true, detailsFetchedAt: true, runtime: true, castIds: true, directorIds: true },
    });
    if (rows.length <= PAGE)
      throw new Error(`only ${rows.length} cached movies match ${JSON.stringify(filter)}: browse would ask TMDB discover; raise BENCH_LIST_PAGES`);
    const page = rows.slice(0, PAGE);
    const enriched = page.filter((row) => row.detailsFetchedAt || row.runtime !== null || row.castIds.length || row.directorIds.length);
    if (enriched.length) throw new Error(`${enriched.length} of the titles for ${JSON.stringify(filter)} are not fresh (already enriched)`);
    return page.map((row) => row.tmdbId);
  };
  const setA = await expected(phases.coldWarm);
  const setB = await expected(phases.concurrent);
  if (setA.some((id) => setB.includes(id))) throw new Error("the two phases' titles overlap");
  log(`${cached} movies in MediaCache from ${LIST_PAGES} discover pages, none with details; split at ${year}: cold/warm ≤ ${year}, concurrent > ${year}`);

  // ── The API, production build, its own process ──
  const port = await anyFreePort();
  api = spawnProductProcess(
    "src/main.ts",
    {
      DATABASE_URL: backing.databaseUrl,
      REDIS_URL: backing.redisUrl,
      REDIS_KEY_PREFIX: "bench-enrichment:",
      TMDB_API_BASE_URL: catalogue.url,
      AUTH_SECRET: "bench-secret-0123456789abcdef",
      API_PORT: String(port),
      ...(TMDB_LIMIT ? { TMDB_RATE_LIMIT_PER_SECOND: TMDB_LIMIT } : {}),
    },
    { production: true },
  );
  const origin = `http://127.0.0.1:${port}`;
  await waitUntil("the API is ready", async () => (await fetch(`${origin}/readyz`).catch(() => null))?.ok === true, 60_000);
  catalogue.setFaults({ latencyMs: LATENCY_MS });

  const query = `query Page($filter: BrowseFilter!) { browse(filter: $filter, first: ${PAGE}) { edges { node { id tmdbId title runtime tagline cast { name } directors { name } } } } }`;
  type Node = { tmdbId: number; runtime: number | null; tagline: string | null; cast: unknown[]; directors: unknown[] };
  const browse = async (filter: object, fields = query) => {
    const t0 = performance.now();
    const response = await fetch(`${origin}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: fields, variables: { filter } }),
    });
    const body = (await response.json()) as { data?: { browse: { edges: Array<{ node: Node }> } }; errors?: unknown };
    const ms = performance.now() - t0;
    if (response.status !== 200 || body.errors || body.data?.browse.edges.length !== PAGE)
      throw new Error(`bad answer (${response.status}): ${JSON.stringify(body).slice(0, 400)}`);
    const serverMs = Number(/dur=([\d.]+)/.exec(response.headers.get("server-timing") ?? "")?.[1] ?? Number.NaN);
    const nodes = body.data.browse.edges.map((edge) => edge.node);
    return { t0, ms, serverMs, ids: nodes.map((node) => node.tmdbId), filled: nodes.filter((node) => node.runtime !== null && node.cast?.length > 0).length };
  };
  /** TMDB requests since the last reset: detail calls per title, and everything else; start times in ms after `since`. */
  const tmdbCalls = (since = 0) => {
    const perTitle = new Map<string, number>();
    const other: string[] = [];
    for (const entry of catalogue.requestLog()) {
      const match = DETAILS_PATH.exec(entry.path);
      if (match) perTitle.set(`${match[1]}:${match[2]}`, (perTitle.get(`${match[1]}:${match[2]}`) ?? 0) + 1);
      else other.push(entry.path);
    }
    const details = [...perTitle.values()].reduce((sum, count) => sum + count, 0);
    const startedMs = catalogue.requestLog().map((entry) => round(entry.startedAt - performance.timeOrigin - since, 1));
    return {
      total: details + other.length,
      details,
      titles: perTitle.size,
      maxPerTitle: Math.max(0, ...perTitle.values()),
      twice: [...perTitle].filter(([, count]) => count > 1).map(([key]) => key),
      other,
      perTitle,
      startedMs,
    };
  };
  const sameSet = (ids: number[], set: number[]) => ids.length === set.length && ids.every((id, index) => id === set[index]);
  /** What Postgres holds for the titles: details written, and the fields the query asked for. */
  const written = async (ids: number[]) => {
    const rows = await prisma.mediaCache.findMany({
      where: { mediaType: "MOVIE", tmdbId: { in: ids } },
      select: { detailsFetchedAt: true, runtime: true, tagline: true, castIds: true, directorIds: true },
    });
    return {
      titles: rows.length,
      detailsFetchedAt: rows.filter((row) => row.detailsFetchedAt).length,
      runtime: rows.filter((row) => row.runtime !== null).length,
      tagline: rows.filter((row) => row.tagline !== null).length,
      cast: rows.filter((row) => row.castIds.length > 0).length,
      directors: rows.filter((row) => row.directorIds.length > 0).length,
    };
  };

  // The process itself warmed up first (connections, JIT) with the same browse asking only for
  // list fields, which needs no TMDB call: "cold" below is the cache's coldness, not the process's.
  catalogue.resetCounts();
  for (let repeat = 0; repeat < 5; repeat++) await browse(phases.coldWarm, query.replace(/ runtime tagline cast \{ name \} directors \{ name \}/, ""));
  await browse(phases.concurrent, query.replace(/ runtime tagline cast \{ name \} directors \{ name \}/, ""));
  if (catalogue.totalRequests()) throw new Error(`the warm-up made ${catalogue.totalRequests()} TMDB calls`);

  // (a) cold
  catalogue.resetCounts();
  const cold = await browse(phases.coldWarm);
  const coldCalls = tmdbCalls(cold.t0);
  if (!sameSet(cold.ids, setA)) throw new Error("browse returned other titles than expected for the cold phase");
  const coldWritten = await written(setA);
  log(
    `cold: ${round(cold.ms)} ms (server ${cold.serverMs} ms), TMDB ${coldCalls.details} detail calls for ${coldCalls.titles} titles (max ${coldCalls.maxPerTitle} per title) + ${coldCalls.other.length} other [${coldCalls.other.join(", ")}], started at ${coldCalls.startedMs.join(" ")} ms; filled in the answer ${cold.filled}/${PAGE}; Postgres ${JSON.stringify(coldWritten)}`,
  );

  // (b) warm: the same query again
  catalogue.resetCounts();
  const warm = [];
  for (let repeat = 0; repeat < WARM_REPEATS; repeat++) warm.push(await browse(phases.coldWarm));
  const warmCalls = tmdbCalls();
  const warmMs = warm.map((entry) => entry.ms);
  log(
    `warm ×${WARM_REPEATS}: first ${round(warm[0]!.ms)} ms, p50 ${round(percentile(warmMs, 50))} ms, TMDB calls ${warmCalls.total}; filled ${warm[0]!.filled}/${PAGE}`,
  );

  // (c) 20 concurrent identical requests on fresh titles
  if ((await written(setB)).detailsFetchedAt) throw new Error("the concurrent phase's titles were enriched before it started");
  catalogue.resetCounts();
  const started = performance.now();
  const concurrent = await Promise.all(Array.from({ length: CONCURRENT }, () => browse(phases.concurrent)));
  const concurrentWallMs = performance.now() - started;
  const concurrentCalls = tmdbCalls(started);
  if (!concurrent.every((entry) => sameSet(entry.ids, setB))) throw new Error("browse returned other titles than expected for the concurrent phase");
  const concurrentWritten = await written(setB);
  const concurrentMs = concurrent.map((entry) => entry.ms);
  log(
    `concurrent ×${CONCURRENT}: p50 ${round(percentile(concurrentMs, 50))} ms, p99 ${round(percentile(concurrentMs, 99))} ms, all done in ${round(concurrentWallMs)} ms; ` +
      `TMDB ${concurrentCalls.details} detail calls for ${concurrentCalls.titles} titles (max ${concurrentCalls.maxPerTitle} per title) + ${concurrentCalls.other.length} other; ` +
      `filled per answer min ${Math.min(...concurrent.map((entry) => entry.filled))}/${PAGE}; Postgres ${JSON.stringify(concurrentWritten)}`,
  );

  const limit = Number(TMDB_LIMIT ?? 40);
  const summary: SummaryRow[] = [
    {
      measure: `cold: browse(first: ${PAGE}) of un-enriched titles, TMDB detail calls (latency ${LATENCY_MS} ms, limit ${limit}/s)`,
      value: `${coldCalls.details} for ${coldCalls.titles} titles, max ${coldCalls.maxPerTitle} per title (+${coldCalls.other.length} other: ${[...new Set(coldCalls.other)].join(", ") || "none"})`,
      target: `${PAGE}, each title once`,
      met: coldCalls.details === PAGE && coldCalls.titles === PAGE && coldCalls.maxPerTitle === 1,
    },
    { measure: "cold: latency of that request (client / server-timing)", value: `${round(cold.ms)} / ${round(cold.serverMs)} ms` },
    {
      measure: `warm: the same query again ×${WARM_REPEATS}, TMDB calls`,
      value: `${warmCalls.total} (latency first ${round(warm[0]!.ms)} ms, p50 ${round(percentile(warmMs, 50))} ms, p99 ${round(percentile(warmMs, 99))} ms)`,
      target: "0",
      met: warmCalls.total === 0,
    },
    {
      measure: `${CONCURRENT} concurrent identical browse(first: ${PAGE}) on 50 fresh titles, TMDB detail calls`,
      value: `${concurrentCalls.details} for ${concurrentCalls.titles} titles, max ${concurrentCalls.maxPerTitle} per title (+${concurrentCalls.other.length} other)`,
      target: `${PAGE}, each title once`,
      met: concurrentCalls.details === PAGE && concurrentCalls.titles === PAGE && concurrentCalls.maxPerTitle === 1,
    },
    {
      measure: `${CONCURRENT} concurrent: latency p50 / p99 (client), all done in`,
      value: `${round(percentile(concurrentMs, 50))} / ${round(percentile(concurrentMs, 99))} ms, ${round(concurrentWallMs)} ms`,
    },
    {
      measure: "Postgres after the requests: details written (details_fetched_at, runtime, cast, directors), cold set / concurrent set",
      value: `${coldWritten.detailsFetchedAt}, ${coldWritten.runtime}, ${coldWritten.cast}, ${coldWritten.directors} / ${concurrentWritten.detailsFetchedAt}, ${concurrentWritten.runtime}, ${concurrentWritten.cast}, ${concurrentWritten.directors} of ${PAGE}`,
      target: `${PAGE} details_fetched_at in each set`,
      met: coldWritten.detailsFetchedAt === PAGE && concurrentWritten.detailsFetchedAt === PAGE,
    },
  ];
  writeResult("enrichment", {
    title: "enrichment: TMDB calls and latency for a page of 50 un-enriched titles, cold, warm and 20 concurrent identical requests",
    summary,
    setup: {
      api: "production build (node dist/main.js), its own process",
      tmdb: `offline catalogue, ${LATENCY_MS} ms latency per request`,
      tmdbRateLimitPerSecond: limit,
      cachedMovies: cached,
      splitYear: year,
    },
    cold: {
      ms: round(cold.ms),
      serverMs: cold.serverMs,
      filledInAnswer: cold.filled,
      tmdb: { ...coldCalls, perTitle: Object.fromEntries(coldCalls.perTitle) },
      postgres: coldWritten,
    },
    warm: {
      repeats: WARM_REPEATS,
      ms: warmMs.map((ms) => round(ms)),
      serverMs: warm.map((entry) => entry.serverMs),
      tmdbCalls: warmCalls.total,
      other: warmCalls.other,
    },
    concurrent: {
      requests: CONCURRENT,
      ms: concurrentMs.map((ms) => round(ms)),
      serverMs: concurrent.map((entry) => entry.serverMs),
      wallMs: round(concurrentWallMs),
      tmdb: { ...concurrentCalls, perTitle: Object.fromEntries(concurrentCalls.perTitle) },
      postgres: concurrentWritten,
    },
  });
} catch (error) {
  if (api) process.stderr.write(`API output:\n${api.output().slice(-4000)}\n`);
  throw error;
} finally {
  await api?.kill("SIGTERM");
  await seed.close();
  await catalogue.close();
  await backing.stop();
}
