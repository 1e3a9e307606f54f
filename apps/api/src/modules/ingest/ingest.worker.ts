// The worker side of ingest: BullMQ workers for the three queues, the job schedulers that run
// them (an ingest run every INGEST_EVERY_MINUTES, a sweep for stale details every 15 minutes),
// and a clean shutdown that lets the current jobs finish or hands them back.
import { Worker, type Job } from "bullmq";
import type { AppServices } from "../../app-services.ts";
import { fetchDetails, findStaleDetails, parseDetailsPayload } from "./details.job.ts";
import { queueDetails, runIngest, type RunProgress } from "./ingest-run.job.ts";
import { QUEUES, type DetailsPayload, type DetailsRefreshPayload, type IngestRunPayload, type QueueKey } from "./ingest.queues.ts";

const DAY_MS = 24 * 60 * 60 * 1000;
const DETAILS_SWEEP_EVERY_MS = 15 * 60 * 1000;
const DETAILS_SWEEP_LIMIT = 2_000;

export async function startIngestWorkers(services: AppServices) {
  const { config, logger, prisma, tmdb } = services;
  const { queues } = services;
  const prefix = `${config.REDIS_KEY_PREFIX}bull`;
  const maxAgeMs = config.DETAILS_MAX_AGE_DAYS * DAY_MS;
  const common = { connection: services.redis, prefix, lockDuration: config.WORKER_LOCK_MS, stalledInterval: config.WORKER_LOCK_MS, autorun: false };

  for (const key of ["ingest", "details", "detailsRefresh"] as const satisfies QueueKey[]) {
    const limit = QUEUES[key].globalConcurrency;
    if (limit) await queues[key].setGlobalConcurrency(limit);
  }

  const workers = [
    new Worker<IngestRunPayload>(
      QUEUES.ingest.name,
      async (job: Job<IngestRunPayload>, _token, signal) => {
        const started = Date.now();
        const summaries = await runIngest(
          { prisma, tmdb, logger, detailsQueue: queues.details },
          {
            pagesPerList: config.INGEST_PAGES_PER_LIST,
            signal,
            progress: typeof job.progress === "object" ? (job.progress as RunProgress) : {},
            onProgress: (progress) => job.updateProgress(progress),
          },
        );
        const pages = summaries.reduce((sum, summary) => sum + summary.pages.length, 0);
        logger.info(
          {
            job: job.id,
            reason: job.data?.reason,
            pages,
            ms: Date.now() - started,
            lists: summaries.map((summary) => `${summary.list}:${summary.pages.join(",") || "-"}${summary.error ? "!" : ""}`),
          },
          "ingest run finished",
        );
        return summaries;
      },
      { ...common, concurrency: QUEUES.ingest.worker.concurrency },
    ),
    new Worker<DetailsPayload>(QUEUES.details.name, async (job) => fetchDetails({ prisma, tmdb, maxAgeMs }, parseDetailsPayload(job.data)), {
      ...common,
      concurrency: config.WORKER_DETAILS_CONCURRENCY,
    }),
    new Worker<DetailsRefreshPayload>(
      QUEUES.detailsRefresh.name,
      async () => {
        const stale = await findStaleDetails(prisma, { maxAgeMs, limit: DETAILS_SWEEP_LIMIT });
        await queueDetails(queues.details, stale);
        return { queued: stale.length };
      },
      { ...common, concurrency: QUEUES.detailsRefresh.worker.concurrency },
    ),
  ];
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

  if (config.INGEST_EVERY_MINUTES > 0) {
    await queues.ingest.upsertJobScheduler(
      "ingest-schedule",
      { every: config.INGEST_EVERY_MINUTES * 60_000 },
      { name: "ingest-run", data: { reason: "schedule" }, opts: QUEUES.ingest.jobs },
    );
    await queues.detailsRefresh.upsertJobScheduler(
      "details-refresh-schedule",
      { every: DETAILS_SWEEP_EVERY_MS },
      { name: "details-refresh", data: {}, opts: QUEUES.detailsRefresh.jobs },
    );
  } else {
    await queues.ingest.removeJobScheduler("ingest-schedule");
    await queues.detailsRefresh.removeJobScheduler("details-refresh-schedule");
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
