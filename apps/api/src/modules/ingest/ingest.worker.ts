// The worker side of ingest: one BullMQ worker per job unit (ingest-run.job.ts, details.job.ts,
// details-refresh.job.ts: each its payload schema, handler and schedule, started by job-unit.ts's
// startJobWorker), and a clean shutdown that lets the current jobs finish or hands them back.
import { ApiLoadGauge, YieldToApi } from "../../api-load.ts";
import type { AppServices } from "../../app-services.ts";
import { detailsRefreshJob } from "./details-refresh.job.ts";
import { detailsJob } from "./details.job.ts";
import { ingestRunJob } from "./ingest-run.job.ts";
import { startJobWorker } from "./job-unit.ts";

export async function startIngestWorkers(services: AppServices) {
  const { queues } = services;
  // Ingest is background work: while the API is busy it goes on at a trickle (api-load.ts).
  const yieldToApi = new YieldToApi(new ApiLoadGauge(services), {
    busyAbove: services.config.WORKER_YIELD_ABOVE_ELU,
    pauseMs: services.config.WORKER_YIELD_PAUSE_MS,
  });
  const deps = { ...services, yieldToApi };
  const workers = [await startJobWorker(deps, ingestRunJob), await startJobWorker(deps, detailsJob), await startJobWorker(deps, detailsRefreshJob)];
  return {
    queues,
    workers,
    yieldToApi,
    /** Finishes the jobs in hand (or, after the lock runs out, lets another worker take them). */
    async close() {
      await Promise.all(workers.map((worker) => worker.close()));
    },
  };
}
