// The `recommendations` query at scale: 100,000 titles in MediaCache (all with details), a crowd of
// users whose favourites make the collaborative signal real, and users with 0, 10 and 200
// favourites asking for `recommendations(first: 20)`.
//
// The API runs as its production build (`node dist/main.js`, NODE_ENV=production) in its own
// process, twice: as shipped (ranked lists cached per user in Redis until the user's taste changes)
// and with RECOMMENDATIONS_CACHE_SECONDS=0, where every request ranks afresh. Each is measured at
// concurrency 1 and 32; latency is taken from the API's own Server-Timing header (server-side) and
// at the client. Each API process ranks from the catalogue and model it holds in memory
// (apps/api/src/modules/recommendations/serving/): its first load time and heap are reported too.
//
// Run: npm run bench -- recommendations-latency   (BENCH_TITLES, BENCH_ROUNDS, BENCH_LOAD_SECONDS,
// BENCH_CROWD change the sizes; BENCH_VARIANTS=cached runs one variant; BENCH_FAVOURITE_LEVELS the
// levels and their order; BENCH_API_NODE_ARGS go to
// the API processes' node, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"; writes
// bench/results/recommendations-latency.json)
import { startCatalogueServer } from "../packages/tmdb-catalogue/src/index.ts";
import { startBackingServices } from "../packages/dev-stack/src/services.ts";
import { createAppServices } from "../apps/api/src/app-services.ts";
import { parseConfig } from "../apps/api/src/config.ts";
import { createLogger } from "../apps/api/src/logger.ts";
import { createApiToken } from "../apps/api/src/modules/auth/api-token.service.ts";
import { RecommendationServing } from "../apps/api/src/modules/recommendations/serving/recommendation-serving.ts";
import { spawnProductProcess, waitUntil, type ProductProcess } from "../apps/api/src/test-support/processes.ts";
import { trainCrowdModel, createCrowd, pickFavourites, popularTitles, TASTES } from "./lib/crowd.ts";
import { benchApiEnv } from "./lib/api-env.ts";
import { log, percentile, round, writeResult, type SummaryRow } from "./lib/report.ts";
import { cacheWholeCatalogue } from "./lib/seed-cache.ts";
import { mulberry32 } from "../packages/tmdb-catalogue/src/index.ts";

const TITLES = Number(process.env.BENCH_TITLES ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 150);
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 8);
const CROWD = Number(process.env.BENCH_CROWD ?? 1_000);
const CONCURRENCY = 32;
const USERS_PER_LEVEL = 32;
/** Measured in this order (BENCH_FAVOURITE_LEVELS="200,10,0" reverses it, to tell a level's cost from the run's first phase). */
const FAVOURITE_LEVELS = (process.env.BENCH_FAVOURITE_LEVELS ?? "0,10,200").split(",").map(Number);
const QUERY = `query Recommendations { recommendations(first: 20) { edges { node { score reasons { kind text } media { id title year posterUrl genres { name } isFavourite inWatchlist } } } pageInfo { hasNextPage endCursor } } }`;

interface Timings {
  serverMs: number[];
  clientMs: number[];
  seconds: number;
}

/** `concurrency` loops sending `call` until `rounds` calls are done or `seconds` have passed. */
async function drive(concurrency: number, stop: { rounds?: number; seconds?: number }, call: (index: number) => Promise<number | undefined>): Promise<Timings> {
  const serverMs: number[] = [];
  const clientMs: number[] = [];
  const started = performance.now();
  const deadline = stop.seconds ? started + stop.seconds * 1000 : Infinity;
  let issued = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline && (stop.rounds === undefined || issued < stop.rounds)) {
        const index = issued++;
        const t0 = performance.now();
        const server = await call(index);
        clientMs.push(performance.now() - t0);
        if (server !== undefined) serverMs.push(server);
      }
    }),
  );
  return { serverMs, clientMs, seconds: (performance.now() - started) / 1000 };
}

const backing = await startBackingServices({ mode: "ephemeral", database: "movierec_bench_recs", log });
const catalogue = await startCatalogueServer({ port: 0, size: TITLES });
const env = benchApiEnv({ databaseUrl: backing.databaseUrl, redisUrl: backing.redisUrl, catalogueUrl: catalogue.url, name: "recs" });
const services = createAppServices({ config: parseConfig(env), logger: createLogger({ name: "bench", level: "warn" }), name: "bench" });
const apis: ProductProcess[] = [];
try {
  const titles = await cacheWholeCatalogue(services.prisma, catalogue.catalogue, log);
  const popular = await popularTitles(services.prisma, 20_000);
  await createCrowd(services.prisma, popular, CROWD, log);

  // The measured users: per level, USERS_PER_LEVEL people with the same number of favourites.
  const random = mulberry32(7);
  const levels: Array<{ favourites: number; users: Array<{ id: string; token: string }> }> = [];
  for (const favourites of FAVOURITE_LEVELS) {
    const users = [];
    for (let index = 0; index < USERS_PER_LEVEL; index++) {
      const taste = TASTES[index % TASTES.length]!;
      const user = await services.prisma.user.create({ data: { email: `bench-${favourites}-${index}@example.test` } });
      await services.prisma.preference.create({ data: { userId: user.id, likedGenreIds: [...taste] } });
      const picks = pickFavourites(popular, taste, favourites, random);
      await services.prisma.interaction.createMany({
        data: picks.map((title) => ({ userId: user.id, mediaType: title.mediaType, tmdbId: title.tmdbId, kind: "FAVOURITE" as const })),
      });
      users.push({ id: user.id, token: (await createApiToken(services, { userId: user.id, name: "bench" })).secret });
    }
    levels.push({ favourites, users });
  }
  await trainCrowdModel(services.prisma, log);

  const variants = [
    { name: "cached", description: "as shipped: a user's ranked list is kept in Redis until their taste changes", cacheSeconds: "600" },
    { name: "uncached", description: "RECOMMENDATIONS_CACHE_SECONDS=0: every request ranks afresh", cacheSeconds: "0" },
  ];
  const only = process.env.BENCH_VARIANTS?.split(",");
  if (only) variants.splice(0, variants.length, ...variants.filter((variant) => only.includes(variant.name)));
  const urls: Record<string, string> = {};
  for (const [index, variant] of variants.entries()) {
    const port = String(4600 + Math.floor(Math.random() * 300) + index);
    const api = spawnProductProcess(
      "src/main.ts",
      { ...env, API_PORT: port, RECOMMENDATIONS_CACHE_SECONDS: variant.cacheSeconds },
      { production: true, nodeArgs: process.env.BENCH_API_NODE_ARGS?.split(" ").filter(Boolean) },
    );
    apis.push(api);
    urls[variant.name] = `http://127.0.0.1:${port}`;
    await waitUntil(
      `the ${variant.name} API answers /readyz`,
      async () => (await fetch(`${urls[variant.name]}/readyz`).catch(() => null))?.ok === true,
      60_000,
    ).catch((error) => {
      throw new Error(`${error.message}\n${api.output()}`);
    });
  }

  const ask = (base: string, token: string) => async () => {
    const response = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: QUERY }),
    });
    const body = (await response.json()) as { errors?: unknown; data?: { recommendations: { edges: unknown[] } } };
    if (body.errors || body.data?.recommendations.edges.length !== 20) throw new Error(`bad answer: ${JSON.stringify(body).slice(0, 300)}`);
    return Number(/dur=([\d.]+)/.exec(response.headers.get("server-timing") ?? "")?.[1]);
  };

  const rows: Array<Record<string, unknown>> = [];
  const summary: SummaryRow[] = [];
  // What each API process holds to rank from memory (serving/): the first read of the catalogue
  // and the live model, its time and the heap it takes, measured here in a process of the same code.
  {
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const serving = new RecommendationServing(services.prisma);
    const snapshot = await serving.snapshot();
    const loadMs = performance.now() - started;
    global.gc?.();
    const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
    const row = {
      measure: "serving index: first load and heap",
      titles: snapshot.catalogue.size,
      modelTitles: snapshot.inModel.size,
      loadMs: round(loadMs, 0),
      heapMb: round(heapMb, 1),
    };
    rows.push(row);
    log(JSON.stringify(row));
    summary.push({
      measure: `serving index first load (${row.titles} titles, ${row.modelTitles} in the model)`,
      value: `${row.loadMs} ms, ${row.heapMb} MB heap${global.gc ? "" : " (without --expose-gc: rough)"}`,
      target: "",
      met: true,
    });
  }
  for (const level of levels) {
    for (const variant of variants) {
      const calls = level.users.map((user) => ask(urls[variant.name]!, user.token));
      for (const call of calls) await call(); // each user's list made (cached)
      // Warm every API process (JIT, their own copies of rows and lists): calls one after the other
      // share one keep-alive connection and so reach one cluster process; the first phase measured
      // at c=32 used to meet the others cold, whatever its level (200 favourites first: 318 req/s,
      // last: 526-687).
      await drive(CONCURRENCY, { seconds: 2 }, (index) => calls[index % calls.length]!());
      for (const concurrency of [1, CONCURRENCY]) {
        const stop = concurrency === 1 ? { rounds: ROUNDS } : { seconds: LOAD_SECONDS };
        const api = await drive(concurrency, stop, (index) => calls[index % calls.length]!());
        const row = {
          favourites: level.favourites,
          variant: variant.name,
          concurrency,
          requests: api.serverMs.length,
          requestsPerSecond: round(api.serverMs.length / api.seconds, 0),
          serverP50Ms: round(percentile(api.serverMs, 50), 2),
          serverP99Ms: round(percentile(api.serverMs, 99), 2),
          clientP50Ms: round(percentile(api.clientMs, 50), 2),
          clientP99Ms: round(percentile(api.clientMs, 99), 2),
        };
        rows.push(row);
        log(JSON.stringify(row));
        const label = `${level.favourites} favourites, ${variant.name}, concurrency ${concurrency}`;
        if (concurrency === 1) {
          summary.push({
            measure: `p50 / p99 server-side, ${label}`,
            value: `${row.serverP50Ms} / ${row.serverP99Ms} ms (client ${row.clientP50Ms} / ${row.clientP99Ms})`,
            target: "p50 ≤ 15, p99 ≤ 50 ms",
            met: row.serverP50Ms <= 15 && row.serverP99Ms <= 50,
          });
        } else {
          summary.push({
            measure: `throughput and p50 / p99, ${label}`,
            value: `${row.requestsPerSecond} req/s, ${row.serverP50Ms} / ${row.serverP99Ms} ms`,
            // Issue 13: ≥ 600 a second with the ranking reused; ranked afresh has no target of its own.
            target: variant.name === "cached" ? "≥ 600 req/s" : "",
            met: variant.name === "cached" ? row.requestsPerSecond >= 600 : true,
          });
        }
      }
    }
  }
  writeResult("recommendations-latency", {
    title: `recommendations(first: 20) on ${titles} cached titles, production build, concurrency 1 and ${CONCURRENCY}`,
    summary,
    config: { titles, crowd: CROWD, usersPerLevel: USERS_PER_LEVEL, rounds: ROUNDS, loadSeconds: LOAD_SECONDS, concurrency: CONCURRENCY, query: QUERY },
    results: rows,
  });
} finally {
  await Promise.all(apis.map((api) => api.kill("SIGTERM")));
  await services.close();
  await catalogue.close();
  await backing.stop();
}
