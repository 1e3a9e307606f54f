// The model job: reads every interaction, trains the item-to-item model (train-item-model.ts) and
// puts it live (item-model.store.ts). A scheduled check runs it when it is due: no live model yet
// while there are interactions, MODEL_TRAIN_EVERY_MINUTES since the live model's data, or
// MODEL_TRAIN_AFTER_INTERACTIONS new interactions since then; the admin mutation and the CLI force it.
import type { PrismaClient } from "../../../db.ts";
import type { Logger } from "../../../logger.ts";
import { failModelVersion, modelStatus, startModelVersion, switchLiveModel, writeNeighbourLists } from "./item-model.store.ts";
import { readInteractions } from "./read-interactions.ts";
import { DEFAULT_ITEM_MODEL_CONFIG, trainItemModel, type InteractionData, type ItemModelConfig, type TrainedItemModel } from "./train-item-model.ts";

export interface TrainModelPayload {
  /** Who asked: the schedule, an admin, the CLI, or an import that added history (import.job.ts). */
  reason: "schedule" | "admin" | "cli" | "import";
  requestedBy?: string;
  /** Train even when the schedule would not (admin, CLI). */
  force?: boolean;
}

export interface TrainingPolicy {
  everyMinutes: number;
  afterInteractions: number;
  model: ItemModelConfig;
}

interface Deps {
  prisma: PrismaClient;
  logger: Logger;
}

/** Longest the schedule waits after failed trainings (it doubles from 2 minutes with each one in a row). */
const MAX_FAILURE_WAIT_MINUTES = 6 * 60;

/**
 * Why a training is due now, or null when it is not. After failed trainings in a row (since the
 * live model) the schedule waits 2, 4, 8 … minutes (at most 6 hours) after the last one: a training
 * that fails every time (the trainer killed for memory, a missing build file) is not tried again
 * every minute, each time reading every interaction. An asked-for training (admin, CLI, an import)
 * does not wait.
 */
export async function trainingDue(deps: Pick<Deps, "prisma">, policy: TrainingPolicy, now = new Date()): Promise<string | null> {
  const { live, newInteractions } = await modelStatus(deps);
  const failures = await deps.prisma.recommendationModel.findMany({
    where: { status: "FAILED", version: { gt: live?.version ?? 0 } },
    orderBy: { version: "desc" },
    select: { startedAt: true, trainingMs: true },
    take: 16,
  });
  const lastFailure = failures[0];
  // Counted from when it failed: a training that ran ten minutes before failing has not waited yet.
  const failedAt = lastFailure ? lastFailure.startedAt.getTime() + (lastFailure.trainingMs ?? 0) : 0;
  if (lastFailure && now.getTime() - failedAt < Math.min(2 ** failures.length, MAX_FAILURE_WAIT_MINUTES) * 60_000) return null;
  if (!live) return newInteractions > 0 ? "no live model yet" : null;
  if (newInteractions >= policy.afterInteractions) return `${newInteractions} new interactions`;
  if (newInteractions > 0 && now.getTime() - live.dataUpTo.getTime() >= policy.everyMinutes * 60_000)
    return `${policy.everyMinutes} minutes since the last training`;
  return null;
}

export interface TrainingSummary {
  version: number;
  users: number;
  titles: number;
  interactions: number;
  trainingMs: number;
  milliseconds: { read: number; train: number; write: number };
}

/** How the numbers are crunched: in this process, or in a child process (train-in-child-process.ts). */
export type Trainer = (data: InteractionData, config: ItemModelConfig) => TrainedItemModel | Promise<TrainedItemModel>;

/** Trains a new version from every interaction and puts it live. A failure leaves the live model as it was. */
export async function trainModel(
  deps: Deps,
  policy: Pick<TrainingPolicy, "model">,
  train: Trainer = trainItemModel,
  /** The job's (aborted when its lock is lost): nothing more is written once another worker has the job. */
  signal?: AbortSignal,
): Promise<TrainingSummary> {
  const started = performance.now();
  const dataUpTo = new Date();
  const version = await startModelVersion(deps, { algorithm: "ease+item-knn", params: { ...policy.model }, dataUpTo });
  try {
    const data = await readInteractions(deps, { createdBefore: dataUpTo });
    const read = performance.now();
    const model = await train(data, policy.model);
    signal?.throwIfAborted();
    const trained = performance.now();
    const titles = await writeNeighbourLists(deps, {
      version,
      lists: model.lists.map((list) => ({
        key: model.itemKeys[list.item]!,
        neighbours: Array.from(list.neighbours, (n) => model.itemKeys[n]!),
        weights: list.weights,
      })),
    });
    const written = performance.now();
    const trainingMs = Math.round(written - started);
    signal?.throwIfAborted();
    await switchLiveModel(deps, { version, stats: { users: model.stats.users, titles, interactions: model.stats.interactions, trainingMs } });
    const summary = {
      version,
      users: model.stats.users,
      titles,
      interactions: model.stats.interactions,
      trainingMs,
      milliseconds: { read: Math.round(read - started), train: Math.round(trained - read), write: Math.round(written - trained) },
    };
    deps.logger.info({ ...summary, phases: model.stats.milliseconds }, "recommendation model trained and live");
    return summary;
  } catch (error) {
    await failModelVersion(deps, {
      version,
      error: error instanceof Error ? error.message : String(error),
      trainingMs: Math.round(performance.now() - started),
    }).catch(() => {});
    throw error;
  }
}

/** The job: train when forced or due; otherwise say why not. */
export async function runModelJob(
  deps: Deps,
  payload: TrainModelPayload,
  policy: TrainingPolicy,
  train?: Trainer,
  signal?: AbortSignal,
): Promise<TrainingSummary | { skipped: string }> {
  const due = payload.force ? `asked for (${payload.reason})` : await trainingDue(deps, policy);
  if (!due) return { skipped: "not due" };
  deps.logger.info({ reason: payload.reason, why: due }, "training the recommendation model");
  return trainModel(deps, policy, train, signal);
}

export const defaultTrainingPolicy = (config: {
  MODEL_TRAIN_EVERY_MINUTES: number;
  MODEL_TRAIN_AFTER_INTERACTIONS: number;
  MODEL_DENSE_MAX_TITLES?: number;
}): TrainingPolicy => ({
  everyMinutes: config.MODEL_TRAIN_EVERY_MINUTES,
  afterInteractions: config.MODEL_TRAIN_AFTER_INTERACTIONS,
  model: { ...DEFAULT_ITEM_MODEL_CONFIG, ...(config.MODEL_DENSE_MAX_TITLES === undefined ? {} : { denseMaxItems: config.MODEL_DENSE_MAX_TITLES }) },
});
