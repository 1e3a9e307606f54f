// The API: `tsx src/main.ts` (the start command runs it for you). With API_PROCESSES > 1 (production's
// default: one per core) this process only supervises: node:cluster forks that many API processes,
// which share API_PORT (the primary hands out connections in turn), and replaces one that dies.
import cluster from "node:cluster";
import { reportApiLoad } from "./api-load.ts";
import { createAppServices } from "./app-services.ts";
import { boot } from "./boot.ts";
import { describeTmdb } from "./config.ts";
import { buildServer } from "./server.ts";

const { config, logger } = boot("api");
/** How long a starting process waits for its serving index before it listens regardless. */
const WARM_LIMIT_MS = 60_000;
if (cluster.isPrimary && config.API_PROCESSES > 1) superviseApiProcesses(config.API_PROCESSES);
else await serveApi();

/** What an operator should see once, whatever the number of processes. */
function announce() {
  if (!config.AUTH_SECRET) logger.warn("AUTH_SECRET is not set: web sessions cannot be read; only API tokens authenticate");
  logger.info({ tmdb: config.tmdbMode, tmdbBaseUrl: config.TMDB_API_BASE_URL, tmdbAuth: config.tmdbCredential.kind }, describeTmdb(config));
}

function superviseApiProcesses(count: number) {
  let closing = false;
  const started = new Map<number, number>();
  const fork = () => started.set(cluster.fork().id, Date.now());
  for (let i = 0; i < count; i++) fork();
  cluster.on("exit", (worker, code, signal) => {
    if (closing) return;
    // One that fails as it starts (a port in use, a bad config) would fail again: stop with it.
    if (code !== 0 && Date.now() - (started.get(worker.id) ?? 0) < 10_000) {
      logger.fatal({ pid: worker.process.pid, code }, "an API process failed as it started; stopping");
      shutdown("SIGTERM", code);
      return;
    }
    logger.error({ pid: worker.process.pid, code, signal }, "an API process exited; starting another");
    setTimeout(fork, 1_000);
  });
  logger.info({ processes: count, port: config.API_PORT }, "API processes starting");
  announce();
  function shutdown(signal: NodeJS.Signals, exitCode = 0) {
    if (closing) return;
    closing = true;
    logger.info({ signal }, "shutting down the API processes");
    const workers = Object.values(cluster.workers ?? {}).filter((worker): worker is NonNullable<typeof worker> => worker !== undefined && !worker.isDead());
    let left = workers.length;
    if (!left) process.exit(exitCode);
    for (const worker of workers) {
      worker.once("exit", () => --left === 0 && process.exit(exitCode));
      worker.process.kill(signal);
    }
  }
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
}

async function serveApi() {
  const services = createAppServices({ config, logger, name: "movierec-api" });
  const app = await buildServer(services);
  // The worker reads how busy this process is and yields to it (api-load.ts).
  const stopReportingLoad = reportApiLoad(services);

  let closing = false;
  async function shutdown(signal: string) {
    if (closing) return;
    closing = true;
    logger.info({ signal }, "shutting down");
    stopReportingLoad();
    await app.close();
    await services.close();
    process.exit(0);
  }
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));

  await warmServing(services);
  try {
    await app.listen({ host: config.API_HOST, port: config.API_PORT });
    if (cluster.isPrimary) announce();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    logger.fatal(code === "EADDRINUSE" ? `API_PORT=${config.API_PORT} is already in use; stop what holds it or set another API_PORT` : error);
    process.exit(1);
  }
}

/**
 * Reads the catalogue and the live model into memory before listening: with node:cluster, the
 * primary hands connections only to processes that listen, so a process that starts beside others
 * (a replacement, a deploy) takes no request until it can answer fast. Bounded: if Postgres does not
 * answer, the process listens anyway and its first requests load what they need (and /readyz says
 * Postgres is degraded).
 */
async function warmServing(services: ReturnType<typeof createAppServices>) {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<"late">((resolve) => {
    timer = setTimeout(() => resolve("late"), WARM_LIMIT_MS);
  });
  try {
    const warmed = await Promise.race([services.recommendationServing.warm(), limit]);
    if (warmed === "late") logger.warn({ afterMs: WARM_LIMIT_MS }, "the serving index is still loading; listening anyway");
    else logger.info({ ...warmed, ms: Math.round(performance.now() - started) }, "serving index loaded");
  } catch (error) {
    logger.warn({ err: error }, "could not load the serving index before listening; requests will load it");
  } finally {
    clearTimeout(timer);
  }
}
