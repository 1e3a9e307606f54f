// Sustained TMDB request rate of the ingest worker against the configured limit, and titles per
// second into MediaCache. One in-process worker, the offline catalogue with realistic latency.
// Run: node --import tsx bench/ingest-rate.ts   (writes bench/results/ingest-rate.json)
import { startCatalogueServer } from "../packages/tmdb-catalogue/src/index.ts";
import { startBackingServices } from "../packages/dev-stack/src/services.ts";
import { createAppServices } from "../apps/api/src/app-services.ts";
import { parseConfig } from "../apps/api/src/config.ts";
import { createLogger } from "../apps/api/src/logger.ts";
import { requestIngestRun } from "../apps/api/src/modules/ingest/ingest-queue.ts";
import { startIngestWorkers } from "../apps/api/src/modules/ingest/ingest.worker.ts";
import { log, writeResult } from "./lib/report.ts";

const LIMIT = Number(process.env.BENCH_TMDB_LIMIT ?? 40);

const backing = await startBackingServices({ mode: "ephemeral", database: "movierec_bench_ingest", log });
const catalogue = await startCatalogueServer({ port: 0, size: 20_000 });
catalogue.setFaults({ latencyMs: 60 }); // roughly TMDB's own answer time from Europe
const config = parseConfig({
  NODE_ENV: "production",
  LOG_LEVEL: "warn",
  DATABASE_URL: backing.databaseUrl,
  REDIS_URL: backing.redisUrl,
  REDIS_KEY_PREFIX: "bench-ingest:",
  TMDB_API_BASE_URL: catalogue.url,
  TMDB_RATE_LIMIT_PER_SECOND: String(LIMIT),
  INGEST_EVERY_MINUTES: "0",
  INGEST_PAGES_PER_LIST: "12",
  WORKER_DETAILS_CONCURRENCY: "16",
});
const services = createAppServices({ config, logger: createLogger({ name: "bench", level: "warn" }), name: "bench" });
const workers = await startIngestWorkers(services);
try {
  const started = Date.now();
  await requestIngestRun(services.queues.ingest, { reason: "cli" });
  const pending = async () => {
    let total = 0;
    for (const queue of [services.queues.ingest, services.queues.details]) {
      const counts = await queue.getJobCounts("waiting", "active", "delayed", "prioritized");
      total += Object.values(counts).reduce((sum, count) => sum + count, 0);
    }
    return total;
  };
  await new Promise((resolve) => setTimeout(resolve, 500));
  while ((await pending()) > 0) await new Promise((resolve) => setTimeout(resolve, 200));
  const seconds = (Date.now() - started) / 1000;
  const starts = catalogue
    .requestLog()
    .map((entry) => entry.startedAt)
    .sort((a, b) => a - b);
  let worst = 0;
  for (let from = 0, to = 0; to < starts.length; to++) {
    while (starts[to]! - starts[from]! >= 1_000) from++;
    worst = Math.max(worst, to - from + 1);
  }
  const span = (starts.at(-1)! - starts[0]!) / 1000;
  const titles = await services.prisma.mediaCache.count();
  const result = {
    limitPerSecond: LIMIT,
    requests: starts.length,
    seconds: +seconds.toFixed(1),
    sustainedPerSecond: +(starts.length / span).toFixed(1),
    shareOfLimit: +((starts.length / span / LIMIT) * 100).toFixed(1),
    busiestSecond: worst,
    titles,
    titlesPerSecond: +(titles / seconds).toFixed(1),
  };
  log(JSON.stringify(result));
  writeResult("ingest-rate", {
    title: "ingest: sustained TMDB request rate against the limit, titles/s into MediaCache",
    summary: [
      {
        measure: `sustained TMDB requests/s at a limit of ${LIMIT}/s`,
        value: `${result.sustainedPerSecond}/s (${result.shareOfLimit} % of the limit)`,
        target: "≥ 90 % of the limit",
        met: result.shareOfLimit >= 90,
      },
      {
        measure: "busiest second (requests started in any 1 s window)",
        value: String(result.busiestSecond),
        target: `≤ ${LIMIT}`,
        met: result.busiestSecond <= LIMIT,
      },
      { measure: "titles into MediaCache", value: `${result.titlesPerSecond}/s (${result.titles} titles in ${result.seconds} s)` },
    ],
    ...result,
  });
} finally {
  await workers.close();
  await services.close();
  await catalogue.close();
  await backing.stop();
}
