// Asking the worker for a job now (the admin mutations and the CLIs): an ingest run or a training.
import type { JobsOptions, Queue } from "bullmq";
import { QUEUES, type IngestRunPayload } from "./ingest.queues.ts";

export const MANUAL_RUN_JOB_ID = "ingest-run-manual";
export type { IngestRunPayload };

/**
 * Adds the job under a fixed id. While one asked for earlier is still waiting, asking again adds
 * nothing; one that finished or failed makes way for the new one.
 */
export async function queueOnce<Payload>(
  queue: Queue<Payload>,
  job: { name: string; data: Payload; jobId: string; opts: JobsOptions },
): Promise<{ jobId: string; alreadyQueued: boolean }> {
  const existing = await queue.getJob(job.jobId);
  const state = existing ? await existing.getState() : undefined;
  // Running too: the id is taken until it ends (BullMQ would quietly add nothing), and the caller is
  // told so rather than that a new one was queued.
  if (existing && (state === "waiting" || state === "delayed" || state === "prioritized" || state === "waiting-children" || state === "active")) {
    return { jobId: job.jobId, alreadyQueued: true };
  }
  if (existing && (state === "completed" || state === "failed")) await existing.remove().catch(() => {});
  // BullMQ's Queue.add is typed by the queue's name/data generics; this helper serves any queue.
  const added = await (queue as Queue).add(job.name, job.data, { ...job.opts, jobId: job.jobId });
  return { jobId: added.id ?? job.jobId, alreadyQueued: false };
}

/** Asks for a run now. While one asked-for run is still waiting, asking again adds nothing. */
export function requestIngestRun(queue: Queue<IngestRunPayload>, payload: IngestRunPayload): Promise<{ jobId: string; alreadyQueued: boolean }> {
  return queueOnce(queue, { name: "ingest-run", data: payload, jobId: MANUAL_RUN_JOB_ID, opts: QUEUES.ingest.jobs });
}
