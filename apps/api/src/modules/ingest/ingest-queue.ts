// The producer side of the ingest queue: what the API needs to ask the worker for a run.
// The worker itself (jobs, schedulers, cursor) lives beside this file (issue 4).
import { Queue } from "bullmq";
import type { Redis } from "ioredis";

export const INGEST_QUEUE_NAME = "movierec-ingest";
export const MANUAL_RUN_JOB_ID = "ingest-run-manual";

export interface IngestRunPayload {
  reason: "schedule" | "admin" | "cli";
  requestedBy?: string;
}

export class IngestQueue {
  readonly queue: Queue<IngestRunPayload>;

  constructor(connection: Redis, keyPrefix: string) {
    this.queue = new Queue<IngestRunPayload>(INGEST_QUEUE_NAME, { connection, prefix: `${keyPrefix}bull` });
  }

  /** Asks for a run now. While one asked-for run is still waiting, asking again adds nothing. */
  async requestRun(payload: IngestRunPayload): Promise<{ jobId: string; alreadyQueued: boolean }> {
    const existing = await this.queue.getJob(MANUAL_RUN_JOB_ID);
    const state = existing ? await existing.getState() : undefined;
    if (existing && (state === "waiting" || state === "delayed" || state === "prioritized")) {
      return { jobId: MANUAL_RUN_JOB_ID, alreadyQueued: true };
    }
    if (existing && (state === "completed" || state === "failed")) await existing.remove().catch(() => {});
    const job = await this.queue.add("ingest-run", payload, { jobId: MANUAL_RUN_JOB_ID, removeOnComplete: true, removeOnFail: 100 });
    return { jobId: job.id ?? MANUAL_RUN_JOB_ID, alreadyQueued: false };
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}
