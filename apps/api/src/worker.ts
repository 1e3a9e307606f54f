// The worker process: `tsx src/worker.ts`. Runs the ingest, details and details-refresh queues
// (modules/ingest), the recommendation model's queue (modules/recommendations/model), imports of
// people's histories (modules/imports) and their job schedulers. SIGTERM lets the jobs in hand finish first.
import { getPriority, setPriority } from "node:os";
import { createAppServices } from "./app-services.ts";
import { boot } from "./boot.ts";
import { describeTmdb } from "./config.ts";
import { startImportWorker } from "./modules/imports/import.worker.ts";
import { startIngestWorkers } from "./modules/ingest/ingest.worker.ts";
import { startModelWorker } from "./modules/recommendations/model/model.worker.ts";

const { config, logger } = boot("worker");
// Below the API: under load the kernel runs API requests first, and the worker (and the training
// process it forks, which inherits this) on what is left. Only ever raised: lowering a nice value
// the process was started with needs a privilege it usually lacks.
if (getPriority() < config.WORKER_NICE) {
  try {
    setPriority(config.WORKER_NICE);
  } catch (error) {
    logger.warn({ err: error, nice: config.WORKER_NICE }, "worker: could not lower its CPU priority; it runs at its current one");
  }
}
const services = createAppServices({ config, logger, name: "movierec-worker" });
const ingest = await startIngestWorkers(services);
const model = await startModelWorker(services);
const imports = await startImportWorker(services);
logger.info(
  {
    tmdb: describeTmdb(config),
    everyMinutes: config.INGEST_EVERY_MINUTES,
    pagesPerList: config.INGEST_PAGES_PER_LIST,
    rateLimitPerSecond: config.TMDB_RATE_LIMIT_PER_SECOND,
  },
  "worker ready",
);

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  logger.info({ signal }, "worker shutting down: finishing the jobs in hand");
  await Promise.all([ingest.close(), model.close(), imports.close()]);
  await services.close();
  process.exit(0);
}
process.once("SIGTERM", () => void shutdown("SIGTERM"));
process.once("SIGINT", () => void shutdown("SIGINT"));
