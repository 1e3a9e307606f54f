// The stages of bench/faults.ts run by the stack itself (a to d), each with a before / during /
// after window, plus the steady state before and after them:
//   a. SIGKILL the worker mid-ingest, start a new one;
//   b. TMDB down ~10 s (503s, then hung requests);
//   c. Redis stopped and started again on the same data (AOF) and port;
//   d. Postgres stopped and started again on the same data and port.
import type { CrowdTitle } from "../crowd.ts";
import { log, round } from "../report.ts";
import type { Stack } from "../stack.ts";
import { DOWN_SECONDS, now, since, sleep, STEADY_SECONDS, TMDB_DOWN_SECONDS, type Phase } from "./config.ts";
import type { IngestWatch } from "./ingest-watch.ts";

type Worker = Awaited<ReturnType<Stack["startWorker"]>>;

export interface FaultRun {
  stack: Stack;
  ingest: IngestWatch;
  popular: CrowdTitle[];
  t0: number;
  /** The worker now running (a. replaces it), every worker's output, and what we restarted. */
  worker: Worker;
  workerLogs: string[];
  restartedByUs: string[];
  phases: Phase[];
}

const resumedAfterMs = (resumedAt: number | null, faultEnd: number) => (resumedAt === null ? null : round(resumedAt - faultEnd, 0));

/** Steady state first (once the ingest has started). */
export async function steadyBefore(run: FaultRun): Promise<void> {
  await run.ingest.keepIngesting();
  const steadyStart = now();
  if ((await run.ingest.waitForIngest(10, 60_000)) === null) throw new Error("the ingest did not start");
  await sleep(STEADY_SECONDS * 1000);
  run.phases.push({ name: "steady state", start: steadyStart, faultStart: now(), faultEnd: now(), end: now(), notes: {} });
}

/** a. Kill the worker mid-ingest, start a new one. */
export async function killWorker(run: FaultRun): Promise<void> {
  const { stack, ingest } = run;
  await ingest.keepIngesting();
  const start = now();
  await sleep(2_000);
  const pagesAtKill = ingest.pagesSoFar();
  const faultStart = now();
  await run.worker.kill("SIGKILL");
  run.workerLogs.push(run.worker.output());
  log(`a. worker killed at ${since(run.t0)} s with ${pagesAtKill} pages ingested`);
  await sleep(2_000);
  run.worker = await stack.startWorker({ LOG_LEVEL: "info" });
  run.restartedByUs.push("worker (killed on purpose)");
  const faultEnd = now();
  const resumedAt = await ingest.waitForIngest(ingest.pagesSoFar());
  log(`a. new worker up; ingest resumed ${resumedAt === null ? "never" : `${round((resumedAt - faultEnd) / 1000, 1)} s after it started`}`);
  await sleep(2_000);
  run.phases.push({
    name: "a. worker SIGKILLed mid-ingest, new one started",
    start,
    faultStart,
    faultEnd,
    end: now(),
    notes: { pagesAtKill, ingestResumedAfterMs: resumedAfterMs(resumedAt, faultEnd) },
  });
}

/** b. TMDB down: 503s, then requests that hang, ~10 s in all. */
export async function tmdbDown(run: FaultRun): Promise<void> {
  const { stack, ingest } = run;
  const { catalogue } = stack;
  await ingest.keepIngesting();
  const start = now();
  await sleep(2_000);
  const faultStart = now();
  catalogue.setFaults({ latencyMs: 60, serverError: { count: 1_000_000_000, status: 503 } });
  await sleep(TMDB_DOWN_SECONDS * 700);
  catalogue.setFaults({ latencyMs: 60, hang: { count: 1_000_000_000 } });
  await sleep(TMDB_DOWN_SECONDS * 300);
  catalogue.setFaults({ latencyMs: 60 });
  const faultEnd = now();
  log(`b. TMDB failed for ${round((faultEnd - faultStart) / 1000, 1)} s`);
  const errorRecorded = ingest.samples.some((sample) => sample.at >= faultStart && sample.rows.some((row) => row.lastError));
  const resumedAt = await ingest.waitForIngest(ingest.pagesSoFar());
  log(`b. ingest resumed ${resumedAt === null ? "never" : `${round((resumedAt - faultEnd) / 1000, 1)} s after TMDB was back`}`);
  await sleep(2_000);
  const lastErrors = ingest.samples
    .filter((sample) => sample.at >= faultStart)
    .flatMap((sample) => sample.rows.filter((row) => row.lastError).map((row) => `${row.list}: ${row.lastError}`));
  run.phases.push({
    name: `b. TMDB down ${TMDB_DOWN_SECONDS} s (503, then hanging)`,
    start,
    faultStart,
    faultEnd,
    end: now(),
    notes: {
      ingestErrorRecorded: errorRecorded || lastErrors.length > 0,
      lastError: lastErrors.at(0)?.slice(0, 300) ?? null,
      ingestResumedAfterMs: resumedAfterMs(resumedAt, faultEnd),
    },
  });
}

const schedulerKeys = async (services: Stack["services"]) =>
  (await Promise.all([services.queues.ingest.getJobSchedulers(), services.queues.detailsRefresh.getJobSchedulers()]))
    .flat()
    .map((scheduler) => scheduler.key ?? scheduler.name);

/** c. Redis stopped and started again on the same data (AOF) and port. */
export async function redisRestart(run: FaultRun): Promise<void> {
  const { stack, ingest } = run;
  const { services } = stack;
  await ingest.keepIngesting();
  const start = now();
  const schedulersBefore = await schedulerKeys(services);
  // A job queued for later: it must still be queued after the restart.
  await services.queues.details.add("details", { mediaType: "movie", tmdbId: run.popular[0]!.tmdbId }, { jobId: "faults-marker", delay: 3_600_000 });
  await sleep(2_000);
  const faultStart = now();
  await stack.redis.stop();
  await sleep(DOWN_SECONDS * 1000);
  await stack.redis.start();
  const faultEnd = now();
  log(`c. Redis was down ${round((faultEnd - faultStart) / 1000, 1)} s`);
  const resumedAt = await ingest.waitForIngest(ingest.pagesSoFar());
  await sleep(2_000);
  const schedulersAfter = await schedulerKeys(services);
  const marker = await services.queues.details.getJob("faults-marker");
  const markerState = marker ? await marker.getState() : "missing";
  await marker?.remove().catch(() => {});
  run.phases.push({
    name: `c. Redis restarted (down ${DOWN_SECONDS} s)`,
    start,
    faultStart,
    faultEnd,
    end: now(),
    notes: {
      schedulersBefore,
      schedulersAfter,
      schedulersKept: schedulersBefore.every((key) => schedulersAfter.includes(key)),
      queuedJobAfter: markerState,
      ingestResumedAfterMs: resumedAfterMs(resumedAt, faultEnd),
    },
  });
}

/** d. Postgres stopped and started again on the same data and port. */
export async function postgresRestart(run: FaultRun): Promise<void> {
  const { stack, ingest } = run;
  await ingest.keepIngesting();
  const start = now();
  await sleep(2_000);
  const faultStart = now();
  await stack.postgres.stop();
  await sleep(DOWN_SECONDS * 1000);
  await stack.postgres.start();
  const faultEnd = now();
  log(`d. Postgres was down ${round((faultEnd - faultStart) / 1000, 1)} s`);
  const resumedAt = await ingest.waitForIngest(ingest.pagesSoFar());
  await sleep(2_000);
  run.phases.push({
    name: `d. Postgres restarted (down ${DOWN_SECONDS} s)`,
    start,
    faultStart,
    faultEnd,
    end: now(),
    notes: { ingestResumedAfterMs: resumedAfterMs(resumedAt, faultEnd) },
  });
}

/** Steady state again (the traffic is stopped after it). */
export async function steadyAfter(run: FaultRun): Promise<void> {
  const start = now();
  await sleep(STEADY_SECONDS * 1000);
  run.phases.push({ name: "steady state after all faults", start, faultStart: now(), faultEnd: now(), end: now(), notes: {} });
}
