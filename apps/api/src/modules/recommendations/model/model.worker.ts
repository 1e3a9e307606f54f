// The worker side of the model: a BullMQ worker for the model queue and the scheduled check that
// trains when it is due (train-model.job.ts). The training itself runs in a child process at a lower
// priority (train-in-child-process.ts), so this process keeps renewing its locks and running ingest
// meanwhile. A training takes up to minutes (bench/recommendations-training.ts), so its jobs hold
// their lock for MODEL_LOCK_MS: another worker must not take over a training that is merely long.
import { UnrecoverableError } from "bullmq";
import { z } from "zod";
import type { AppServices } from "../../../app-services.ts";
import { queueOnce } from "../../ingest/ingest-queue.ts";
import { MANUAL_TRAINING_JOB_ID, QUEUES } from "../../ingest/ingest.queues.ts";
import { type JobUnit, startJobWorker } from "../../ingest/job-unit.ts";
import { trainItemModelInChildProcess } from "./train-in-child-process.ts";
import { defaultTrainingPolicy, runModelJob, type TrainModelPayload } from "./train-model.job.ts";

const MODEL_LOCK_MS = 15 * 60_000;

/** The model job: trains when forced (admin, CLI) or when due; checked every MODEL_CHECK_EVERY_SECONDS (0: only when asked). */
export const trainModelJob: JobUnit<TrainModelPayload> = {
  queue: "model",
  payload: z.object({ reason: z.enum(["schedule", "admin", "cli", "import"]), requestedBy: z.string().max(200).optional(), force: z.boolean().optional() }),
  concurrency: () => QUEUES.model.worker.concurrency ?? 1,
  lockMs: (config) => Math.max(config.WORKER_LOCK_MS, MODEL_LOCK_MS),
  handle: async ({ prisma, logger, config }, payload, _job, jobSignal) => {
    const limit = trainingTimeLimit(config.MODEL_TRAINING_TIMEOUT_MINUTES * 60_000, jobSignal);
    try {
      return await runModelJob(
        { prisma, logger },
        payload,
        defaultTrainingPolicy(config),
        (data, model) => trainItemModelInChildProcess(data, model, limit.signal),
        limit.signal,
      );
    } catch (error) {
      // Out of time: failed for good, not tried again in 30 s for as long (BullMQ's retry); the
      // schedule's backoff after failed trainings decides when the next one runs.
      if (limit.timedOut()) throw new UnrecoverableError(error instanceof Error ? error.message : String(error));
      throw error;
    } finally {
      limit.clear();
    }
  },
  schedule: {
    id: "model-check-schedule",
    jobName: "model-check",
    every: (config) => (config.MODEL_CHECK_EVERY_SECONDS > 0 ? config.MODEL_CHECK_EVERY_SECONDS * 1000 : null),
    data: { reason: "schedule" },
  },
};

/**
 * A signal that aborts when `jobSignal` does (the job's lock was lost) or `ms` after now, whichever
 * comes first; the time limit's reason says what to change. `clear` once the training has ended.
 */
export function trainingTimeLimit(ms: number, jobSignal?: AbortSignal): { signal: AbortSignal; clear: () => void; timedOut: () => boolean } {
  const timeUp = new AbortController();
  const timer = setTimeout(
    () =>
      timeUp.abort(
        new Error(
          `the training ran longer than MODEL_TRAINING_TIMEOUT_MINUTES (${Math.round(ms / 6_000) / 10} min) and was stopped; raise it, or lower MODEL_DENSE_MAX_TITLES`,
        ),
      ),
    ms,
  );
  return {
    signal: jobSignal ? AbortSignal.any([jobSignal, timeUp.signal]) : timeUp.signal,
    clear: () => clearTimeout(timer),
    timedOut: () => timeUp.signal.aborted,
  };
}

export async function startModelWorker(services: AppServices) {
  const worker = await startJobWorker(services, trainModelJob);
  return { worker, close: () => worker.close() };
}

/**
 * Asks for a training now (admin mutation, CLI, an import that added history). While one asked-for
 * training is waiting, asking again adds nothing. While one is running (on interactions it read
 * before this request), one more is queued to follow it, once.
 */
export async function requestTraining(queue: AppServices["queues"]["model"], payload: TrainModelPayload): Promise<{ jobId: string; alreadyQueued: boolean }> {
  const job = { name: "model-train", data: { ...payload, force: true }, opts: QUEUES.model.jobs };
  const asked = await queueOnce(queue, { ...job, jobId: MANUAL_TRAINING_JOB_ID });
  if (!asked.alreadyQueued || (await (await queue.getJob(MANUAL_TRAINING_JOB_ID))?.getState()) !== "active") return asked;
  return queueOnce(queue, { ...job, jobId: `${MANUAL_TRAINING_JOB_ID}-next` });
}
