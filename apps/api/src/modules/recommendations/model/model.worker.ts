// The worker side of the model: a BullMQ worker for the model queue and the scheduled check that
// trains when it is due (train-model.job.ts). The training itself runs in a child process at a lower
// priority (train-in-child-process.ts), so this process keeps renewing its locks and running ingest
// meanwhile. A training takes up to minutes (bench/recommendations-training.ts), so its jobs hold
// their lock for MODEL_LOCK_MS: another worker must not take over a training that is merely long.
import { Worker, type Job } from "bullmq";
import type { AppServices } from "../../../app-services.ts";
import { queueOnce } from "../../ingest/ingest-queue.ts";
import { MANUAL_TRAINING_JOB_ID, QUEUES } from "../../ingest/ingest.queues.ts";
import { trainItemModelInChildProcess } from "./train-in-child-process.ts";
import { defaultTrainingPolicy, runModelJob, type TrainModelPayload } from "./train-model.job.ts";

const MODEL_LOCK_MS = 15 * 60_000;
const CHECK_SCHEDULER_ID = "model-check-schedule";

export async function startModelWorker(services: AppServices) {
  const { config, logger, prisma, queues } = services;
  const policy = defaultTrainingPolicy(config);
  await queues.model.setGlobalConcurrency(QUEUES.model.globalConcurrency ?? 1);
  const worker = new Worker<TrainModelPayload>(
    QUEUES.model.name,
    async (job: Job<TrainModelPayload>) => runModelJob({ prisma, logger }, job.data, policy, trainItemModelInChildProcess),
    {
      connection: services.redis,
      prefix: `${config.REDIS_KEY_PREFIX}bull`,
      lockDuration: Math.max(config.WORKER_LOCK_MS, MODEL_LOCK_MS),
      stalledInterval: Math.max(config.WORKER_LOCK_MS, MODEL_LOCK_MS),
      concurrency: QUEUES.model.worker.concurrency,
      autorun: false,
    },
  );
  worker.on("failed", (job, error) => logger.warn({ queue: worker.name, job: job?.id, attempt: job?.attemptsMade, err: error.message }, "model job failed"));
  worker.on("error", (error) => logger.error({ queue: worker.name, err: error.message }, "worker error"));
  void worker.run();
  if (config.MODEL_CHECK_EVERY_SECONDS > 0) {
    await queues.model.upsertJobScheduler(
      CHECK_SCHEDULER_ID,
      { every: config.MODEL_CHECK_EVERY_SECONDS * 1000 },
      { name: "model-check", data: { reason: "schedule" }, opts: QUEUES.model.jobs },
    );
  } else {
    await queues.model.removeJobScheduler(CHECK_SCHEDULER_ID);
  }
  return { worker, close: () => worker.close() };
}

/** Asks for a training now (admin mutation, CLI). While one asked-for training is waiting, asking again adds nothing. */
export function requestTraining(queue: AppServices["queues"]["model"], payload: TrainModelPayload): Promise<{ jobId: string; alreadyQueued: boolean }> {
  return queueOnce(queue, { name: "model-train", data: { ...payload, force: true }, jobId: MANUAL_TRAINING_JOB_ID, opts: QUEUES.model.jobs });
}
