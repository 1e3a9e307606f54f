// One background job as a unit: its queue, the schema its data must match, what it does, and
// (for the repeating ones) its schedule, all in the job's own file. `startJobWorker` runs any unit
// the same way (the ingest worker's three, the model's training).
import { type Job, type Queue, UnrecoverableError, Worker } from "bullmq";
import type { z } from "zod";
import type { YieldToApi } from "../../api-load.ts";
import type { AppServices } from "../../app-services.ts";
import type { Config } from "../../config.ts";
import { QUEUES, type QueueKey } from "./ingest.queues.ts";

/** What a job's handler may use: the process's long-lived services. */
export type JobDeps = Pick<AppServices, "config" | "logger" | "prisma" | "tmdb" | "queues" | "enrichment" | "genres" | "watchProviders" | "redis"> & {
  /** Present in the worker: background work's pace while the API is busy (api-load.ts). */
  yieldToApi?: Pick<YieldToApi, "run" | "waitForTurn">;
};

export interface JobUnit<Payload> {
  queue: QueueKey;
  /** The data a job must carry; one that does not match fails at once and is not retried. */
  payload: z.ZodType<Payload>;
  /** Jobs of this unit one worker process runs at once. */
  concurrency(config: Config): number;
  /** How long a job's lock lasts without renewal (default WORKER_LOCK_MS): longer for jobs that may block renewals. */
  lockMs?(config: Config): number;
  /** Runs one job; `signal` aborts when the job's lock is lost. What it returns is kept as the job's result. */
  handle(deps: JobDeps, payload: Payload, job: Job<Payload>, signal?: AbortSignal): Promise<unknown>;
  /** Background work people do not wait on: each job waits its turn while the API is busy (api-load.ts). */
  yieldsToApi?: boolean;
  /** For a repeating job: its BullMQ job scheduler (every: null when the configuration turns it off). */
  schedule?: { id: string; jobName: string; every(config: Config): number | null; data: Payload };
}

/** A unit's payload from a job's data, or an UnrecoverableError (BullMQ gives up on it at once) naming what is wrong. */
export function parsePayload<Payload>(unit: JobUnit<Payload>, data: unknown): Payload {
  const parsed = unit.payload.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "(data)"}: ${issue.message}`).join("; ");
    throw new UnrecoverableError(`${unit.queue} job data is not valid (${problems}); got ${JSON.stringify(data)?.slice(0, 200)}`);
  }
  return parsed.data;
}

/**
 * Starts a BullMQ worker for `unit` on the process's Redis connection and puts its queue's global
 * concurrency and job scheduler in place (or removes the scheduler when the configuration turns it
 * off), again whenever Redis reconnects. A job whose lock could not be
 * renewed (Redis away for longer than the lock) may already be running on another worker: it is
 * stopped here (its handler's signal aborts), and that run carries on.
 */
export async function startJobWorker<Payload>(services: JobDeps, unit: JobUnit<Payload>): Promise<Worker> {
  const { config, logger, yieldToApi } = services;
  const lockMs = unit.lockMs?.(config) ?? config.WORKER_LOCK_MS;
  const runJob = (job: Job<Payload>, signal?: AbortSignal) => unit.handle(services, parsePayload(unit, job.data), job, signal);
  const worker = new Worker<Payload>(
    QUEUES[unit.queue].name,
    (job, _token, signal) => (unit.yieldsToApi && yieldToApi ? yieldToApi.run(() => runJob(job, signal)) : runJob(job, signal)),
    {
      connection: services.redis,
      prefix: `${config.REDIS_KEY_PREFIX}bull`,
      lockDuration: lockMs,
      stalledInterval: lockMs,
      concurrency: unit.concurrency(config),
      autorun: false,
    },
  );
  worker.on("lockRenewalFailed", (jobIds) => {
    for (const jobId of jobIds) worker.cancelJob(jobId, "its lock was lost");
    logger.warn({ queue: worker.name, jobs: jobIds }, "lost the lock on jobs in hand; stopped them (another worker may have taken them over)");
  });
  worker.on("failed", (job, error) => logger.warn({ queue: worker.name, job: job?.id, attempt: job?.attemptsMade, err: error.message }, "job failed"));
  worker.on("error", (error) => logger.error({ queue: worker.name, err: error.message }, "worker error"));
  await applyQueueSettings(services, unit);
  // Redis may come back without its data (no persistence, a failover): the queue's global
  // concurrency and its schedule are written again on every reconnection, or every repeating job
  // would stop until the worker restarts. Both writes may be repeated (a scheduler keeps its timing).
  const reapply = () =>
    void applyQueueSettings(services, unit).catch((error: unknown) =>
      logger.warn({ queue: worker.name, err: (error as Error).message }, "could not write the queue's schedule again after Redis reconnected"),
    );
  services.redis.on("ready", reapply);
  worker.once("closed", () => services.redis.off("ready", reapply));
  void worker.run();
  return worker as Worker;
}

/** The unit's queue's global concurrency (QUEUES) and its job scheduler, or none when the configuration turns it off. */
async function applyQueueSettings<Payload>(services: JobDeps, unit: JobUnit<Payload>): Promise<void> {
  // (BullMQ types a scheduler's job by each queue's own data; the unit's payload is that data)
  const queue = services.queues[unit.queue] as Queue;
  const limit = QUEUES[unit.queue].globalConcurrency;
  if (limit) await queue.setGlobalConcurrency(limit);
  const { schedule } = unit;
  const every = schedule?.every(services.config);
  if (schedule && every) await queue.upsertJobScheduler(schedule.id, { every }, { name: schedule.jobName, data: schedule.data, opts: QUEUES[unit.queue].jobs });
  else if (schedule) await queue.removeJobScheduler(schedule.id);
}
