// The whole product as production runs it, for benchmarks that drive it from outside: Postgres and
// Redis that can be stopped and started again on the same data and port (a restart, not a fresh
// server), the offline TMDB catalogue with TMDB-like latency, and the API and the worker as their
// production builds (`node dist/main.js`, `node dist/worker.js`), each its own process.
//
//   const stack = await startStack({ name: "load", titles: 20_000, log });
//   const api = await stack.startApi();            // { process, url }, answering /readyz
//   const worker = await stack.startWorker();      // a ProductProcess, its workers running
//   await stack.redis.restart(); await stack.postgres.stop(); await stack.postgres.start();
//   await stack.stop();                            // processes, services, catalogue; data removed
//
// `stack.services` is an in-process AppServices on the same database and Redis (seeding, users,
// tokens, queues); `stack.sql` a plain node-postgres pool for checks. Both are the bench's own: the
// product processes never share them.
//
// Postgres is the embedded server of packages/dev-stack (startEmbeddedPostgres), Redis a local
// redis-server with an append-only file (startRedis with a dataDir), both in a throwaway directory
// under .data/tmp. Unlike startBackingServices they keep their data dir and port, so `start()` after
// `stop()` brings back the same server with the same data.
import { benchApiEnv } from "./api-env.ts";
import { randomBytes } from "node:crypto";
import http from "node:http";
import { rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { applyMigrations } from "../../prisma/apply-migrations.ts";
import { dataRoot } from "../../packages/dev-stack/src/paths.ts";
import { anyFreePort } from "../../packages/dev-stack/src/ports.ts";
import { ensureDatabase, startEmbeddedPostgres, type PostgresHandle } from "../../packages/dev-stack/src/postgres.ts";
import { startRedis, type RedisHandle } from "../../packages/dev-stack/src/redis.ts";
import { startCatalogueServer, type CatalogueServer } from "../../packages/tmdb-catalogue/src/index.ts";
import { createAppServices } from "../../apps/api/src/app-services.ts";
import { parseConfig } from "../../apps/api/src/config.ts";
import { createLogger } from "../../apps/api/src/logger.ts";
import { spawnProductProcess, waitUntil, type ProductProcess } from "../../apps/api/src/test-support/processes.ts";

/** One backing service that can be stopped and started again on the same data and port. */
export interface RestartableService {
  readonly port: number;
  readonly running: boolean;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** stop() then start(); resolves once it answers again. Returns how long it was down (ms). */
  restart(options?: { downMs?: number }): Promise<number>;
}

export interface StackOptions {
  /** Names the database (`movierec_bench_<name>`) and the Redis key prefix. */
  name: string;
  /** Titles in the offline catalogue. */
  titles: number;
  /** Added to every catalogue answer, like TMDB's own answer time (default 60 ms). */
  tmdbLatencyMs?: number;
  /** Extra environment for both product processes (e.g. WORKER_LOCK_MS). */
  env?: Record<string, string>;
  log: (message: string) => void;
}

export interface Stack {
  catalogue: CatalogueServer;
  databaseUrl: string;
  redisUrl: string;
  /** The environment the API and the worker get (before per-process extras). */
  env: Record<string, string>;
  services: ReturnType<typeof createAppServices>;
  sql: pg.Pool;
  postgres: RestartableService;
  redis: RestartableService;
  /** Starts an API process on a free port and waits for /readyz. */
  startApi(extraEnv?: Record<string, string>): Promise<{ process: ProductProcess; url: string }>;
  /** Starts a worker process and waits until its BullMQ workers are registered in Redis. */
  startWorker(extraEnv?: Record<string, string>): Promise<ProductProcess>;
  stop(): Promise<void>;
}

/** A service started by `start` on a fixed port, which can be stopped and started again on the same data. */
async function restartable<Handle extends { stop(): Promise<void> }>(
  port: number,
  start: () => Promise<Handle>,
): Promise<{ service: RestartableService; first: Handle }> {
  let handle: Handle | undefined = await start();
  const first = handle;
  const service: RestartableService = {
    port,
    get running() {
      return handle !== undefined;
    },
    async stop() {
      await handle?.stop();
      handle = undefined;
    },
    async start() {
      if (!handle) handle = await start();
    },
    async restart(options: { downMs?: number } = {}) {
      const down = performance.now();
      await service.stop();
      if (options.downMs) await new Promise((resolve) => setTimeout(resolve, options.downMs));
      await service.start();
      return performance.now() - down;
    },
  };
  return { service, first };
}

/**
 * Profiling switches every stack bench honours (bench/README.md, "Profiling"):
 *   BENCH_PG_STATS=1            Postgres loads pg_stat_statements (`stack.topStatements()` reads it)
 *   BENCH_API_NODE_ARGS="…"     extra node flags for the API, e.g. --cpu-prof --cpu-prof-dir=/tmp/prof
 *   BENCH_WORKER_NODE_ARGS="…"  the same for the worker
 * A process started with --cpu-prof is stopped with SIGTERM (so node writes the profile), not SIGKILL.
 */
const PROFILING = {
  pgStats: process.env.BENCH_PG_STATS === "1",
  apiNodeArgs: process.env.BENCH_API_NODE_ARGS?.split(" ").filter(Boolean) ?? [],
  workerNodeArgs: process.env.BENCH_WORKER_NODE_ARGS?.split(" ").filter(Boolean) ?? [],
};
const PG_STATS_FLAGS = ["-c", "shared_preload_libraries=pg_stat_statements", "-c", "pg_stat_statements.track=top", "-c", "track_io_timing=on"];

async function postgresService(dataDir: string, log: (message: string) => void): Promise<RestartableService & { serverUrl: string }> {
  const port = await anyFreePort();
  const flags = PROFILING.pgStats ? PG_STATS_FLAGS : [];
  const { service, first } = await restartable<PostgresHandle>(port, () => startEmbeddedPostgres({ dataDir, port, log, flags }));
  return Object.assign(service, { serverUrl: first.serverUrl });
}

async function redisService(dataDir: string, log: (message: string) => void): Promise<RestartableService & { url: string }> {
  const port = await anyFreePort();
  // With a dataDir, redis-server keeps an append-only file (fsync every second): a clean stop
  // (SIGTERM) writes it out, and the next start replays it, so queues and schedulers come back.
  const { service, first } = await restartable<RedisHandle>(port, () => startRedis({ port, dataDir, log }));
  return Object.assign(service, { url: first.url });
}

export async function startStack(options: StackOptions): Promise<Stack> {
  const { log } = options;
  const directory = path.join(dataRoot, "tmp", `bench-${options.name}-${process.pid}-${randomBytes(3).toString("hex")}`);
  const cleanups: Array<() => Promise<void> | void> = [() => rmSync(directory, { recursive: true, force: true })];
  const processes: ProductProcess[] = [];
  const stop = async () => {
    await Promise.allSettled(processes.map((child) => stopProductProcess(child)));
    for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => {});
  };
  try {
    const postgres = await postgresService(path.join(directory, "postgres"), log);
    cleanups.push(() => postgres.stop());
    const databaseUrl = await ensureDatabase({ serverUrl: postgres.serverUrl, database: `movierec_bench_${options.name.replace(/\W/g, "_")}` });
    await applyMigrations({ databaseUrl });
    const redis = await redisService(path.join(directory, "redis"), log);
    cleanups.push(() => redis.stop());
    // BENCH_CATALOGUE_IMAGES=svg: posters as the SVG drawing, as the catalogue served them before 2026-12-06 (to compare).
    const catalogue = await startCatalogueServer({ port: 0, size: options.titles, rasterImages: process.env.BENCH_CATALOGUE_IMAGES !== "svg" });
    catalogue.setFaults({ latencyMs: options.tmdbLatencyMs ?? 60 });
    cleanups.push(() => catalogue.close());
    log(
      `Postgres on :${postgres.port}, Redis on :${redis.port} (AOF), catalogue of ${options.titles} titles at ${catalogue.url} (images as ${catalogue.imageFormat}), data in ${path.relative(process.cwd(), directory)}`,
    );

    const { NODE_ENV: _production, ...base } = benchApiEnv({ databaseUrl, redisUrl: redis.url, catalogueUrl: catalogue.url, name: options.name });
    const env: Record<string, string> = { ...base, ...options.env };
    const services = createAppServices({
      config: parseConfig({ ...env, NODE_ENV: "production" }),
      logger: createLogger({ name: "bench", level: "error" }),
      name: "bench",
    });
    cleanups.push(() => services.close());
    // Restarts are on purpose here: the bench's own connections reconnect quietly.
    services.redis.on("error", () => {});
    const sql = new pg.Pool({ connectionString: databaseUrl, max: 4, connectionTimeoutMillis: 3_000 });
    if (PROFILING.pgStats) await sql.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    // A restarted Postgres ends the pool's idle connections; that is expected here, not a crash.
    sql.on("error", () => {});
    cleanups.push(() => sql.end());

    return {
      catalogue,
      databaseUrl,
      redisUrl: redis.url,
      env,
      services,
      sql,
      postgres,
      redis,
      async startApi(extraEnv = {}) {
        const port = await anyFreePort();
        const child = spawnProductProcess(
          "src/main.ts",
          { ...env, API_PORT: String(port), ...extraEnv },
          { production: true, nodeArgs: PROFILING.apiNodeArgs },
        );
        profiled.set(child, PROFILING.apiNodeArgs.includes("--cpu-prof"));
        processes.push(child);
        const url = `http://127.0.0.1:${port}`;
        await waitUntil("the API answers /readyz", async () => (await fetch(`${url}/readyz`).catch(() => null))?.ok === true, 60_000).catch((error) => {
          throw new Error(`${(error as Error).message}\n${child.output()}`);
        });
        return { process: child, url };
      },
      async startWorker(extraEnv = {}) {
        const before = new Set((await services.queues.ingest.getWorkers()).map((worker) => worker.id));
        const child = spawnProductProcess("src/worker.ts", { ...env, ...extraEnv }, { production: true, nodeArgs: PROFILING.workerNodeArgs });
        profiled.set(child, PROFILING.workerNodeArgs.includes("--cpu-prof"));
        processes.push(child);
        await waitUntil(
          "the worker's BullMQ workers are registered",
          async () => {
            if (child.child.exitCode !== null) throw new Error(`the worker exited with ${child.child.exitCode}:\n${child.output()}`);
            return (await services.queues.ingest.getWorkers()).some((worker) => !before.has(worker.id));
          },
          60_000,
          200,
        );
        return child;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

const profiled = new WeakMap<ProductProcess, boolean>();

/** SIGKILL, except for a process writing a CPU profile: SIGTERM, so node writes it, then SIGKILL after 10 s. */
async function stopProductProcess(child: ProductProcess): Promise<unknown> {
  if (!profiled.get(child)) return child.kill("SIGKILL");
  const timer = setTimeout(() => void child.kill("SIGKILL"), 10_000);
  try {
    return await child.kill("SIGTERM");
  } finally {
    clearTimeout(timer);
  }
}

/** The statements that took the most time (or were run most often) since `reset` (BENCH_PG_STATS=1), for a bench's report. */
export async function topStatements(
  sql: pg.Pool,
  limit = 15,
  by: "time" | "calls" = "time",
): Promise<Array<{ query: string; calls: number; totalMs: number; meanMs: number; rows: number; share: number }>> {
  const { rows } = await sql.query(
    `SELECT query, calls::int, total_exec_time AS "totalMs", mean_exec_time AS "meanMs", rows::int,
            total_exec_time / NULLIF(sum(total_exec_time) OVER (), 0) AS share
       FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
      ORDER BY ${by === "calls" ? "calls" : "total_exec_time"} DESC LIMIT $1`,
    [limit],
  );
  return rows;
}

/** One GraphQL call as a client saw it. */
export interface CallResult {
  /** HTTP status; 0 when no answer came (connection refused or reset, timeout). */
  status: number;
  body?: { data?: any; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  clientMs: number;
  /** The API's own time, from its `server-timing: app;dur=…` header. */
  serverMs?: number;
  /** Why no answer came: "TIMEOUT" or the socket error's code / message. */
  failure?: string;
}

/**
 * A GraphQL-over-HTTP client on node:http with keep-alive (cheaper than fetch for the many calls a
 * load test makes on a 2-core machine). Never throws: every outcome is a CallResult.
 */
export function graphqlClient(baseUrl: string, options: { timeoutMs?: number; maxSockets?: number } = {}) {
  const url = new URL("/graphql", baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 256 });
  const timeoutMs = options.timeoutMs ?? 30_000;
  const call = (query: string, variables: Record<string, unknown> = {}, token?: string): Promise<CallResult> =>
    new Promise((resolve) => {
      const started = performance.now();
      const payload = JSON.stringify({ query, variables });
      let settled = false;
      const finish = (result: Omit<CallResult, "clientMs">) => {
        if (settled) return;
        settled = true;
        resolve({ ...result, clientMs: performance.now() - started });
      };
      const request = http.request(
        url,
        {
          method: "POST",
          agent,
          headers: { "content-type": "application/json", "content-length": Buffer.byteLength(payload), ...(token ? { authorization: `Bearer ${token}` } : {}) },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("error", (error) => finish({ status: 0, failure: (error as NodeJS.ErrnoException).code ?? error.message }));
          response.on("end", () => {
            const serverMs = Number(/dur=([\d.]+)/.exec(String(response.headers["server-timing"] ?? ""))?.[1]);
            let body: CallResult["body"];
            try {
              body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
            } catch {
              body = { errors: [{ message: `not JSON: ${Buffer.concat(chunks).toString("utf8").slice(0, 200)}`, extensions: { code: "NOT_JSON" } }] };
            }
            finish({ status: response.statusCode ?? 0, body, serverMs: Number.isFinite(serverMs) ? serverMs : undefined });
          });
        },
      );
      request.setTimeout(timeoutMs, () => {
        finish({ status: 0, failure: "TIMEOUT" });
        request.destroy();
      });
      request.on("error", (error) => finish({ status: 0, failure: (error as NodeJS.ErrnoException).code ?? error.message }));
      request.end(payload);
    });
  return Object.assign(call, { close: () => agent.destroy() });
}

/**
 * What went wrong in a call, as short codes: "HTTP 500", each GraphQL error's code ("TMDB_UNAVAILABLE"),
 * or the failure ("TIMEOUT", "ECONNREFUSED"). Empty when the call succeeded.
 */
export function problemsOf(result: CallResult): string[] {
  if (result.failure) return [result.failure];
  const problems: string[] = [];
  if (result.status !== 200) problems.push(`HTTP ${result.status}`);
  for (const error of result.body?.errors ?? []) problems.push(error.extensions?.code ?? "NO_CODE");
  return problems;
}
