// Every queue the worker runs, with its whole configuration in one typed record: a queue without
// an entry here does not compile.
import { Queue, type DefaultJobOptions, type WorkerOptions } from "bullmq";
import type { Redis } from "ioredis";
import type { Config } from "../../config.ts";
import type { MediaKind } from "../../media-kind.ts";
import type { TrainModelPayload } from "../recommendations/model/train-model.job.ts";

export type { TrainModelPayload };

export const INGEST_QUEUE_NAME = "movierec-ingest";

export interface IngestRunPayload {
  reason: "schedule" | "admin" | "cli";
  requestedBy?: string;
}

export interface DetailsPayload {
  mediaType: MediaKind;
  tmdbId: number;
}

export type DetailsRefreshPayload = Record<string, never>;

/** One import of a person's history (modules/imports): its rows are in import_row. */
export interface ImportPayload {
  importId: string;
}

export type QueueKey = "ingest" | "details" | "detailsRefresh" | "model" | "imports";

export interface QueueConfig {
  name: string;
  /** Jobs of this queue running at once across every worker process (BullMQ global concurrency). */
  globalConcurrency?: number;
  worker: Pick<WorkerOptions, "concurrency">;
  jobs: DefaultJobOptions;
}

export const QUEUES: Record<QueueKey, QueueConfig> = {
  // One run at a time across all workers: two runs paging the same list would fetch pages twice.
  ingest: {
    name: INGEST_QUEUE_NAME,
    globalConcurrency: 1,
    worker: { concurrency: 1 },
    jobs: { attempts: 3, backoff: { type: "exponential", delay: 10_000 }, removeOnComplete: 200, removeOnFail: 500 },
  },
  details: {
    name: "movierec-details",
    worker: { concurrency: 8 },
    jobs: { attempts: 5, backoff: { type: "exponential", delay: 2_000 }, removeOnComplete: true, removeOnFail: 5_000 },
  },
  detailsRefresh: {
    name: "movierec-details-refresh",
    globalConcurrency: 1,
    worker: { concurrency: 1 },
    jobs: { attempts: 2, removeOnComplete: 50, removeOnFail: 100 },
  },
  // Training the recommendation model (modules/recommendations/model): one at a time across all
  // workers, since each reads every interaction and the last one to finish would win anyway.
  model: {
    name: "movierec-model",
    globalConcurrency: 1,
    worker: { concurrency: 1 },
    jobs: { attempts: 2, backoff: { type: "exponential", delay: 30_000 }, removeOnComplete: 50, removeOnFail: 100 },
  },
  // Imports (modules/imports): a job per uploaded file; each resumes from its rows' states, so a
  // retry after a killed worker does only what is left.
  imports: {
    name: "movierec-imports",
    worker: { concurrency: 2 },
    jobs: { attempts: 5, backoff: { type: "exponential", delay: 5_000 }, removeOnComplete: 100, removeOnFail: 500 },
  },
};

/** An asked-for training's job id: while one is waiting, asking again adds nothing. */
export const MANUAL_TRAINING_JOB_ID = "model-train-manual";

/** A title's details deduplication id (queueDetails): the same title is never queued twice while one is waiting or running. */
export const detailsJobId = (payload: DetailsPayload) => `details-${payload.mediaType}-${payload.tmdbId}`;

/** Every queue's handle, on the shared Redis connection (the API adds jobs, the worker also runs them). */
export function ingestQueues(services: { redis: Redis; config: Pick<Config, "REDIS_KEY_PREFIX"> }) {
  const prefix = `${services.config.REDIS_KEY_PREFIX}bull`;
  const connection = services.redis;
  return {
    ingest: new Queue<IngestRunPayload>(QUEUES.ingest.name, { connection, prefix, defaultJobOptions: QUEUES.ingest.jobs }),
    details: new Queue<DetailsPayload>(QUEUES.details.name, { connection, prefix, defaultJobOptions: QUEUES.details.jobs }),
    detailsRefresh: new Queue<DetailsRefreshPayload>(QUEUES.detailsRefresh.name, { connection, prefix, defaultJobOptions: QUEUES.detailsRefresh.jobs }),
    model: new Queue<TrainModelPayload>(QUEUES.model.name, { connection, prefix, defaultJobOptions: QUEUES.model.jobs }),
    imports: new Queue<ImportPayload>(QUEUES.imports.name, { connection, prefix, defaultJobOptions: QUEUES.imports.jobs }),
  } satisfies Record<QueueKey, Queue>;
}

export type IngestQueues = ReturnType<typeof ingestQueues>;
