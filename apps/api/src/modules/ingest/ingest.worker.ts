// The worker side of ingest: one BullMQ worker per job unit (ingest-run.job.ts, details.job.ts,
// details-refresh.job.ts: each its payload schema, handler and schedule, started by job-unit.ts's
// startJobWorker), and a clean shutdown that lets the current jobs finish or hands them back.
import type { AppServices } from "../../app-services.ts";
import { detailsRefreshJob } from "./details-refresh.job.ts";
import { detailsJob } from "./details.job.ts";
import { ingestRunJob } from "./ingest-run.job.ts";
import { QUEUES, type QueueKey } from "./ingest.queues.ts";
import { startJobWorker } from "./job-unit.ts";

export async function startIngestWorkers(services: AppServices) {
  const { queues } = services;
  for (const key of ["ingest", "details", "detailsRefresh"] as const satisfies QueueKey[]) {
    const limit = QUEUES[key].globalConcurrency;
    if (limit) await queues[key].setGlobalConcurrency(limit);
  }
  const workers = [await startJobWorker(services, ingestRunJob), await startJobWorker(services, detailsJob), await startJobWorker(services, detailsRefreshJob)];
  return {
    queues,
    workers,
    /** Finishes the jobs in hand (or, after the lock runs out, lets another worker take them). */
    async close() {
      await Promise.all(workers.map((worker) => worker.close()));
    },
  };
}
