// Import speed: a 2,000-row Letterboxd export (ratings, watched, watchlist, likes of 1,500 real
// films from the offline catalogue, and a few that do not exist) through the import job in a worker,
// at the default TMDB rate limit (40/s) with TMDB's answer time (60 ms), twice: with the cache empty
// (every title found through TMDB's search) and with the cache holding what ingest pages first (the
// popular and top-rated lists). Prints the time to done, TMDB calls, rows matched, and how often the
// progress counters moved (the page's progress bar reads them every second).
// Run: node --import tsx bench/import-speed.ts   (writes bench/results/import-speed.json)
import { strToU8, zipSync } from "fflate";
import { createAppServices } from "../apps/api/src/app-services.ts";
import { parseConfig } from "../apps/api/src/config.ts";
import { createLogger } from "../apps/api/src/logger.ts";
import { startImport } from "../apps/api/src/modules/imports/import.service.ts";
import { startImportWorker } from "../apps/api/src/modules/imports/import.worker.ts";
import { upsertListItems } from "../apps/api/src/modules/media/media-cache.writer.ts";
import { listItemsOf } from "../apps/api/src/modules/media/tmdb-into-cache.ts";
import { startBackingServices } from "../packages/dev-stack/src/services.ts";
import { type CatalogueMovie, startCatalogueServer } from "../packages/tmdb-catalogue/src/index.ts";
import { log, round, writeResult } from "./lib/report.ts";

const ROWS = 2_000;
const LIMIT = 40; // TMDB_RATE_LIMIT_PER_SECOND's default
const CACHED_PAGES = Number(process.env.BENCH_CACHED_PAGES ?? 100); // per list: 2 lists × 20 titles a page

const backing = await startBackingServices({ mode: "ephemeral", database: "movierec_bench_import", log });
const catalogue = await startCatalogueServer({ port: 0, size: 20_000 });
catalogue.setFaults({ latencyMs: 60 });
const config = parseConfig({
  NODE_ENV: "production",
  LOG_LEVEL: "warn",
  DATABASE_URL: backing.databaseUrl,
  REDIS_URL: backing.redisUrl,
  REDIS_KEY_PREFIX: "bench-import:",
  TMDB_API_BASE_URL: catalogue.url,
  TMDB_RATE_LIMIT_PER_SECOND: String(LIMIT),
  INGEST_EVERY_MINUTES: "0",
});
const services = createAppServices({ config, logger: createLogger({ name: "bench", level: "warn" }), name: "bench" });
const worker = await startImportWorker(services);

/** The export: films drawn across the catalogue's real ones (popular and obscure alike). */
function letterboxdZip(): Uint8Array {
  const real = catalogue.catalogue.movies.filter((movie) => movie.real && movie.releaseDate);
  const films: CatalogueMovie[] = [];
  for (let index = 0; films.length < 1_500 && index < real.length; index += 2) films.push(real[index]!);
  const cell = (value: string | number) => (/[",\n]/.test(String(value)) ? `"${String(value).replace(/"/g, '""')}"` : String(value));
  const file = (header: string[], rows: Array<Array<string | number>>) => strToU8(`${[header, ...rows].map((row) => row.map(cell).join(",")).join("\n")}\n`);
  const row = (film: CatalogueMovie, index: number) => [
    `2024-0${1 + (index % 9)}-1${index % 10}`,
    film.title,
    film.releaseDate.slice(0, 4),
    "https://boxd.it/x",
  ];
  const rated = films.slice(0, 1_000).map((film, index) => [...row(film, index), ((index % 10) + 1) / 2]);
  const watched = films.slice(1_000, 1_500).map(row);
  const watchlist = films.slice(0, 300).map(row);
  const liked = films.slice(0, ROWS - 1_000 - 500 - 300 - 10).map(row);
  const missing = Array.from({ length: 10 }, (_, index) => [`2024-01-01`, `Nonexistent Picture ${index}`, 1999, "https://boxd.it/x"]);
  const base = ["Date", "Name", "Year", "Letterboxd URI"];
  return zipSync({
    "ratings.csv": file([...base, "Rating"], rated),
    "watched.csv": file(base, watched),
    "watchlist.csv": file(base, [...watchlist, ...missing]),
    "likes/films.csv": file(base, liked),
  });
}

async function importOnce(label: string) {
  const user = await services.prisma.user.create({ data: { email: `${label}@bench.test` } });
  catalogue.resetCounts();
  const started = performance.now();
  const { job } = await startImport(services, { userId: user.id, fileName: "letterboxd-bench.zip", bytes: letterboxdZip() });
  const uploadSeconds = (performance.now() - started) / 1000;
  // The page shows the bar once the upload has answered: stillness counts from there.
  let last = { at: performance.now(), done: 0 };
  let longestStill = 0;
  let moves = 0;
  for (;;) {
    const state = await services.prisma.importJob.findUniqueOrThrow({ where: { id: job.id } });
    const now = performance.now();
    const done = state.rowsMatched + state.rowsMissed + state.rowsApplied;
    if (done !== last.done) {
      longestStill = Math.max(longestStill, now - last.at);
      last = { at: now, done };
      moves++;
    }
    if (state.status === "DONE" || state.status === "FAILED") {
      const seconds = (now - started) / 1000;
      const result = {
        label,
        status: state.status,
        rows: state.rowsTotal,
        seconds: round(seconds, 1),
        uploadSeconds: round(uploadSeconds, 2),
        rowsPerSecond: round(state.rowsTotal / seconds, 0),
        matched: state.rowsMatched,
        missed: state.rowsMissed,
        tmdbCalls: state.tmdbCalls,
        tmdbRequests: catalogue.totalRequests(),
        progressMoves: moves,
        longestStillSeconds: round(longestStill / 1000, 2),
      };
      log(JSON.stringify(result));
      return result;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

try {
  const cold = await importOnce("cold");
  // What ingest pages first: the popular and top-rated films.
  for (const list of ["popular", "top_rated"] as const)
    for (let page = 1; page <= CACHED_PAGES; page++) {
      const answer = await services.tmdb.list({ mediaType: "movie", list, page });
      await upsertListItems(services.prisma, listItemsOf("movie", answer.results), `movie/${list}`);
    }
  // The cold run cached every title it found: start the warm run from the lists alone.
  await services.prisma.$executeRaw`DELETE FROM media_cache WHERE NOT (source_lists && ARRAY['movie/popular', 'movie/top_rated']::text[])`;
  const cachedTitles = await services.prisma.mediaCache.count();
  const warm = await importOnce("warm");
  const summary = [cold, warm].map((run) => ({
    measure: `${ROWS}-row Letterboxd export, ${run.label === "cold" ? "empty cache" : `${cachedTitles} films cached (popular and top-rated lists)`}`,
    value: `${run.seconds} s (${run.rowsPerSecond} rows/s; upload read and stored in ${run.uploadSeconds} s), ${run.matched} matched, ${run.missed} not, ${run.tmdbCalls} TMDB calls; progress moved ${run.progressMoves} times, still for ${run.longestStillSeconds} s at most`,
    target: "≤ 60 s; progress at least once a second",
    met: run.status === "DONE" && run.seconds <= 60 && run.longestStillSeconds <= 1,
  }));
  writeResult("import-speed", {
    title: `import: a ${ROWS}-row Letterboxd export at TMDB's default rate limit (${LIMIT}/s, 60 ms answers)`,
    summary,
    runs: [cold, warm],
  });
} finally {
  await worker.close();
  await services.close();
  await catalogue.close();
  await backing.stop();
}
