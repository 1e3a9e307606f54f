// Latency of the `recommendations` query on the default offline catalogue (5,000 titles, all in
// MediaCache with details), for users with 0, 10 and 200 favourites, at concurrency 1, measured
// at the client over loopback HTTP, against the bare candidate-pool SQL it runs.
// Run: node --import tsx bench/recommendations-latency.ts   (writes bench/results/recommendations-latency.json)
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { startCatalogueServer } from "../packages/tmdb-catalogue/src/index.ts";
import { startBackingServices } from "../packages/dev-stack/src/services.ts";
import { createAppServices } from "../apps/api/src/app-services.ts";
import { parseConfig } from "../apps/api/src/config.ts";
import { createLogger } from "../apps/api/src/logger.ts";
import { createApiToken } from "../apps/api/src/modules/auth/api-token.service.ts";
import { listItem, upsertListItems, writeDetails } from "../apps/api/src/modules/media/media-cache.writer.ts";
import { buildServer } from "../apps/api/src/server.ts";

const SIZE = Number(process.env.BENCH_CATALOGUE_SIZE ?? 5_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 60);
const log = (message: string) => process.stdout.write(`[bench] ${message}\n`);

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

const backing = await startBackingServices({ mode: "ephemeral", database: "movierec_bench", log });
const catalogue = await startCatalogueServer({ port: 0, size: SIZE });
const config = parseConfig({
  NODE_ENV: "production",
  LOG_LEVEL: "warn",
  DATABASE_URL: backing.databaseUrl,
  REDIS_URL: backing.redisUrl,
  REDIS_KEY_PREFIX: "bench:",
  TMDB_API_BASE_URL: catalogue.url,
  AUTH_SECRET: "bench-secret-0123456789abcdef",
  TMDB_RATE_LIMIT_PER_SECOND: "100000",
  TMDB_MAX_IN_FLIGHT: "64",
  API_RATE_LIMIT_PER_MINUTE_TOKEN: "1000000",
  API_RATE_LIMIT_PER_MINUTE_IP: "1000000",
});
const services = createAppServices({ config, logger: createLogger({ name: "bench", level: "warn" }), name: "bench" });
try {
  // The whole catalogue into MediaCache, with details, as a long-running worker leaves it.
  const started = performance.now();
  const titles = [...catalogue.catalogue.movies.map((title) => ["movie", title.id] as const), ...catalogue.catalogue.tv.map((title) => ["tv", title.id] as const)];
  for (const kind of ["movie", "tv"] as const) {
    for (let page = 1; page <= 500; page++) {
      const result = await services.tmdb.discover({ mediaType: kind, query: { sort_by: "popularity.desc" }, page });
      if (!result.results.length) break;
      await upsertListItems(services.prisma, result.results.map((item) => (kind === "movie" ? listItem("movie", item as never) : listItem("tv", item as never))), `discover/${kind}`);
    }
  }
  for (let index = 0; index < titles.length; index += 32) {
    await Promise.all(
      titles.slice(index, index + 32).map(async ([kind, id]) => {
        const details = kind === "movie" ? await services.tmdb.movieDetails(id, ["credits", "keywords"]) : await services.tmdb.tvDetails(id, ["credits", "keywords"]);
        await writeDetails(services.prisma, kind, details);
      }),
    );
  }
  log(`cached ${titles.length} titles with details in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const app = await buildServer(services);
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/graphql`;
  const popular = await services.prisma.mediaCache.findMany({ orderBy: { popularity: "desc" }, take: 600, select: { mediaType: true, tmdbId: true, genreIds: true } });

  // A crowd whose favourites make the collaborative signal real.
  const users: Array<{ favourites: number; token: string }> = [];
  for (const favourites of [0, 10, 200]) {
    const user = await services.prisma.user.create({ data: { email: `bench-${favourites}@example.test` } });
    await services.prisma.preference.create({ data: { userId: user.id, likedGenreIds: [18, 80, 53] } });
    const picks = popular.filter((_row, index) => index % 3 === favourites % 3).slice(0, favourites);
    await services.prisma.favourite.createMany({ data: picks.map((row) => ({ userId: user.id, mediaType: row.mediaType, tmdbId: row.tmdbId })) });
    users.push({ favourites, token: (await createApiToken(services.prisma, { userId: user.id, name: "bench" })).secret });
  }
  await services.prisma.$executeRaw`
    INSERT INTO media_cooccurrence (media_type, tmdb_id, other_media_type, other_tmdb_id, count)
    SELECT a.media_type, a.tmdb_id, b.media_type, b.tmdb_id, count(*)::int
      FROM favourite a JOIN favourite b ON a.user_id = b.user_id GROUP BY 1, 2, 3, 4
    ON CONFLICT DO NOTHING`;

  const query = `{ recommendations(first: 20) { edges { node { score reasons { text } media { id title year posterUrl genres { name } isFavourite inWatchlist } } } } }`;
  const results: Record<string, unknown>[] = [];
  for (const user of users) {
    const call = async () => {
      const t0 = performance.now();
      const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${user.token}` }, body: JSON.stringify({ query }) });
      const body = (await response.json()) as { errors?: unknown; data?: { recommendations: { edges: unknown[] } } };
      if (body.errors || body.data?.recommendations.edges.length !== 20) throw new Error(`bad answer: ${JSON.stringify(body).slice(0, 300)}`);
      return performance.now() - t0;
    };
    for (let warm = 0; warm < 5; warm++) await call();
    const timings: number[] = [];
    for (let round = 0; round < ROUNDS; round++) timings.push(await call());
    const row = { favourites: user.favourites, p50Ms: +percentile(timings, 50).toFixed(1), p99Ms: +percentile(timings, 99).toFixed(1), rounds: ROUNDS };
    results.push(row);
    log(`recommendations(first: 20), ${user.favourites} favourites: p50 ${row.p50Ms} ms, p99 ${row.p99Ms} ms`);
  }
  mkdirSync(path.join(import.meta.dirname, "results"), { recursive: true });
  writeFileSync(path.join(import.meta.dirname, "results", "recommendations-latency.json"), `${JSON.stringify({ catalogueSize: SIZE, concurrency: 1, results }, null, 2)}\n`);
  await app.close();
} finally {
  await services.close();
  await catalogue.close();
  await backing.stop();
}
