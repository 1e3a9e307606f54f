// One background job as a unit: its queue, the schema its data must match, what it does, and
// (for the repeating ones) its schedule, all in the job's own file. The ingest worker
// (ingest.worker.ts) runs every unit it is given the same way.
import { type Job, UnrecoverableError } from "bullmq";
import type { z } from "zod";
import type { AppServices } from "../../app-services.ts";
import type { Config } from "../../config.ts";
import type { QueueKey } from "./ingest.queues.ts";

/** What a job's handler may use: the process's long-lived services. */
export type JobDeps = Pick<AppServices, "config" | "logger" | "prisma" | "tmdb" | "queues">;

export interface JobUnit<Payload> {
  queue: QueueKey;
  /** The data a job must carry; one that does not match fails at once and is not retried. */
  payload: z.ZodType<Payload>;
  /** Jobs of this unit one worker process runs at once. */
  concurrency(config: Config): number;
  /** Runs one job; `signal` aborts when the job's lock is lost. What it returns is kept as the job's result. */
  handle(deps: JobDeps, payload: Payload, job: Job<Payload>, signal?: AbortSignal): Promise<unknown>;
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
