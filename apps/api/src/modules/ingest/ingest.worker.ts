// The worker side of ingest: one BullMQ worker per job unit (ingest-run.job.ts, details.job.ts,
// details-refresh.job.ts: each its payload schema, handler and schedule), the job schedulers of the
// repeating ones, and a clean shutdown that lets the current jobs finish or hands them back.
import { type Queue, Worker } from "bullmq";
import type { AppServices } from "../../app-services.ts";
import { detailsRefreshJob } from "./details-refresh.job.ts";
import { detailsJob } from "./details.job.ts";
import { ingestRunJob } from "./ingest-run.job.ts";
import { QUEUES, type QueueKey } from "./ingest.queues.ts";
import { type JobUnit, parsePayload } from "./job-unit.ts";

export async function startIngestWorkers(services: AppServices) {
  const { config, logger, queues } = services;
  const common = {
    connection: services.redis,
    prefix: `${config.REDIS_KEY_PREFIX}bull`,
    lockDuration: config.WORKER_LOCK_MS,
    stalledInterval: config.WORKER_LOCK_MS,
    autorun: false,
  };

  for (const key of ["ingest", "details", "detailsRefresh"] as const satisfies QueueKey[]) {
    const limit = QUEUES[key].globalConcurrency;
    if (limit) await queues[key].setGlobalConcurrency(limit);
  }

  const start = async <Payload>(unit: JobUnit<Payload>) => {
    const worker = new Worker<Payload>(QUEUES[unit.queue].name, (job, _token, signal) => unit.handle(services, parsePayload(unit, job.data), job, signal), {
      ...common,
      concurrency: unit.concurrency(config),
    });
    const { schedule } = unit;
    const every = schedule?.every(config);
    // (BullMQ types a scheduler's job by each queue's own data; the unit's payload is that data)
    const queue = queues[unit.queue] as Queue;
    if (schedule && every)
      await queue.upsertJobScheduler(schedule.id, { every }, { name: schedule.jobName, data: schedule.data, opts: QUEUES[unit.queue].jobs });
    else if (schedule) await queue.removeJobScheduler(schedule.id);
    return worker as Worker;
  };
  const workers = [await start(ingestRunJob), await start(detailsJob), await start(detailsRefreshJob)];

  for (const worker of workers) {
    // A job whose lock could not be renewed (Redis away for longer than WORKER_LOCK_MS) may already
    // be running on another worker: stop it here, and let that run carry on from the cursor.
    worker.on("lockRenewalFailed", (jobIds) => {
      for (const jobId of jobIds) worker.cancelJob(jobId, "its lock was lost");
      logger.warn({ queue: worker.name, jobs: jobIds }, "lost the lock on jobs in hand; stopped them (another worker may have taken them over)");
    });
    worker.on("failed", (job, error) => logger.warn({ queue: worker.name, job: job?.id, attempt: job?.attemptsMade, err: error.message }, "job failed"));
    worker.on("error", (error) => logger.error({ queue: worker.name, err: error.message }, "worker error"));
    void worker.run();
  }

  return {
    queues,
    workers,
    /** Finishes the jobs in hand (or, after the lock runs out, lets another worker take them). */
    async close() {
      await Promise.all(workers.map((worker) => worker.close()));
    },
  };
}
