// How busy the API is, told to the worker through Redis, so ingest yields to people's requests.
//
// Each API process measures its event loop's utilisation (the share of wall time it spent running
// JavaScript rather than waiting for I/O: `performance.eventLoopUtilization()`) every half second and
// writes it, stamped, into one Redis hash (`<prefix>api-load`, one field per process). The worker
// reads the hash (at most every half second) and takes the busiest fresh process as the API's load.
// While that is at or above WORKER_YIELD_ABOVE_ELU, background jobs that opted in (ingest paging and
// details) run one at a time, each after a pause of WORKER_YIELD_PAUSE_MS: ingest keeps a trickle of
// progress (at most 1000 / pause jobs a second) and leaves the CPU and Postgres to the API. Measured
// under the load bench: bench/README.md, "Load".
//
// Redis being away costs nothing here: the API's writes are dropped, the worker sees no fresh figure
// and runs at full speed (the API's own priority, WORKER_NICE, still holds).
import { hostname } from "node:os";
import { performance } from "node:perf_hooks";
import type { Redis } from "ioredis";

/** How often an API process reports, and how old a report may be and still count. */
export const REPORT_EVERY_MS = 500;
const FRESH_FOR_MS = 3_000;
/** Reports of processes that stopped are removed by the reader once they are this old. */
const FORGET_AFTER_MS = 60_000;

interface LoadDeps {
  redis: Redis;
  config: { REDIS_KEY_PREFIX: string };
}

const loadKey = (deps: LoadDeps) => `${deps.config.REDIS_KEY_PREFIX}api-load`;

/** Starts reporting this process's event-loop utilisation; returns the function that stops it. */
export function reportApiLoad(deps: LoadDeps, everyMs = REPORT_EVERY_MS): () => void {
  const field = `${hostname()}:${process.pid}`;
  let previous = performance.eventLoopUtilization();
  const timer = setInterval(() => {
    const now = performance.eventLoopUtilization();
    const { utilization } = performance.eventLoopUtilization(now, previous);
    previous = now;
    deps.redis
      .multi()
      .hset(loadKey(deps), field, `${utilization.toFixed(3)} ${Date.now()}`)
      .pexpire(loadKey(deps), FORGET_AFTER_MS)
      .exec()
      .catch(() => {});
  }, everyMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    deps.redis.hdel(loadKey(deps), field).catch(() => {});
  };
}

/** The API's load as the worker reads it: the busiest fresh report, 0 when there is none. */
export class ApiLoadGauge {
  private readonly deps: LoadDeps;
  private readonly cacheMs: number;
  private read: { at: number; load: Promise<number> } | undefined;

  constructor(deps: LoadDeps, cacheMs = REPORT_EVERY_MS) {
    this.deps = deps;
    this.cacheMs = cacheMs;
  }

  /** The highest utilisation (0–1) any API process reported in the last few seconds. */
  load(): Promise<number> {
    const now = Date.now();
    if (!this.read || now - this.read.at >= this.cacheMs) this.read = { at: now, load: this.fetch(now) };
    return this.read.load;
  }

  private async fetch(now: number): Promise<number> {
    try {
      const reports = await this.deps.redis.hgetall(loadKey(this.deps));
      let busiest = 0;
      const gone: string[] = [];
      for (const [field, value] of Object.entries(reports)) {
        const [utilization, at] = value.split(" ").map(Number);
        const age = now - (at ?? 0);
        if (age > FORGET_AFTER_MS) gone.push(field);
        else if (age <= FRESH_FOR_MS && Number.isFinite(utilization)) busiest = Math.max(busiest, utilization!);
      }
      if (gone.length) await this.deps.redis.hdel(loadKey(this.deps), ...gone);
      return busiest;
    } catch {
      return 0;
    }
  }
}

/**
 * Runs background work at full speed while the API is quiet, and one job at a time with a pause
 * before each while it is busy (see the top of this file).
 */
export class YieldToApi {
  private readonly gauge: Pick<ApiLoadGauge, "load">;
  private readonly busyAbove: number;
  private readonly pauseMs: number;
  /** The tail of the one-at-a-time line busy periods form. */
  private line: Promise<void> = Promise.resolve();
  /** Jobs that waited for a quiet moment, for logs and tests. */
  yielded = 0;

  constructor(gauge: Pick<ApiLoadGauge, "load">, options: { busyAbove: number; pauseMs: number }) {
    this.gauge = gauge;
    this.busyAbove = options.busyAbove;
    this.pauseMs = options.pauseMs;
  }

  /** For a long job's loop: returns at once while the API is quiet, else after its turn and a pause. */
  waitForTurn(): Promise<void> {
    return this.run(async () => {});
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.busyAbove <= 0 || (await this.gauge.load()) < this.busyAbove) return work();
    this.yielded++;
    const before = this.line;
    let done!: () => void;
    this.line = new Promise((resolve) => (done = resolve));
    try {
      await before;
      await new Promise((resolve) => setTimeout(resolve, this.pauseMs));
      return await work();
    } finally {
      done();
    }
  }
}
