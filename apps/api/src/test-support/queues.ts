// Queue helpers for integration tests: a real BullMQ worker that fails the next job of a queue, as
// a job fails in production (TMDB refusing, a worker killed twice), for tests of what follows.
import { Worker } from "bullmq";
import { QUEUES, type QueueKey } from "../modules/ingest/ingest.queues.ts";
import type { TestApi } from "./api-harness.ts";

/** Runs the next job of `queue` with a worker that throws `error`; resolves once that job has failed (and the worker has closed). */
export async function failNextJob(api: Pick<TestApi, "services" | "config">, queue: QueueKey, error: Error): Promise<void> {
  const worker = new Worker(
    QUEUES[queue].name,
    async () => {
      throw error;
    },
    { connection: api.services.redis, prefix: `${api.config.REDIS_KEY_PREFIX}bull` },
  );
  await new Promise((resolve) => worker.once("failed", resolve));
  await worker.close();
}
