// Asking the worker for an ingest run (the admin mutation and the CLI).
import type { Queue } from "bullmq";
import { QUEUES, type IngestRunPayload } from "./ingest.queues.ts";

export const MANUAL_RUN_JOB_ID = "ingest-run-manual";
export type { IngestRunPayload };

/** Asks for a run now. While one asked-for run is still waiting, asking again adds nothing. */
export async function requestIngestRun(queue: Queue<IngestRunPayload>, payload: IngestRunPayload): Promise<{ jobId: string; alreadyQueued: boolean }> {
  const existing = await queue.getJob(MANUAL_RUN_JOB_ID);
  const state = existing ? await existing.getState() : undefined;
  if (existing && (state === "waiting" || state === "delayed" || state === "prioritized" || state === "waiting-children")) {
    return { jobId: MANUAL_RUN_JOB_ID, alreadyQueued: true };
  }
  if (existing && (state === "completed" || state === "failed")) await existing.remove().catch(() => {});
  const job = await queue.add("ingest-run", payload, { ...QUEUES.ingest.jobs, jobId: MANUAL_RUN_JOB_ID });
  return { jobId: job.id ?? MANUAL_RUN_JOB_ID, alreadyQueued: false };
}
