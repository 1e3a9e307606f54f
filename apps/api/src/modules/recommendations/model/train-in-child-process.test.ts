// Training in a child process (a real fork): it answers the model, and the job's signal (aborted when
// the job's lock was lost) ends the child at once, so a training another worker has taken over does
// not go on here too.
import { describe, expect, it } from "vitest";
import { DEFAULT_ITEM_MODEL_CONFIG, type InteractionData } from "./train-item-model.ts";
import { trainItemModelInChildProcess } from "./train-in-child-process.ts";
import { trainingTimeLimit } from "./model.worker.ts";

const data: InteractionData = {
  userCount: 3,
  itemKeys: ["movie:1", "movie:2", "movie:3"],
  user: Int32Array.from([0, 0, 1, 1, 2, 2]),
  item: Int32Array.from([0, 1, 0, 1, 1, 2]),
  value: Float32Array.from([1, 1, 1, 1, 1, 1]),
  length: 6,
};

describe("trainItemModelInChildProcess", () => {
  it("answers the trained model", async () => {
    const model = await trainItemModelInChildProcess(data, { ...DEFAULT_ITEM_MODEL_CONFIG, minSupport: 1 });
    expect(model.lists.length).toBeGreaterThan(0);
  }, 30_000);

  it("ends the child when the job's signal aborts, and says so", async () => {
    const controller = new AbortController();
    const training = trainItemModelInChildProcess(data, DEFAULT_ITEM_MODEL_CONFIG, controller.signal);
    controller.abort(new Error("lock lost"));
    await expect(training).rejects.toThrow("lock lost");
    // An already aborted signal starts no child at all.
    await expect(trainItemModelInChildProcess(data, DEFAULT_ITEM_MODEL_CONFIG, controller.signal)).rejects.toThrow("lock lost");
  }, 30_000);

  it("ends the child when the training's time is up, saying which setting to change", async () => {
    const limit = trainingTimeLimit(1);
    try {
      await expect(trainItemModelInChildProcess(data, DEFAULT_ITEM_MODEL_CONFIG, limit.signal)).rejects.toThrow(
        /ran longer than MODEL_TRAINING_TIMEOUT_MINUTES .* and was stopped/,
      );
    } finally {
      limit.clear();
    }
    // The job's own signal still stops it within a time limit; a limit cleared in time never fires.
    const job = new AbortController();
    const withJob = trainingTimeLimit(60_000, job.signal);
    job.abort(new Error("lock lost"));
    expect(withJob.signal.reason).toEqual(new Error("lock lost"));
    withJob.clear();
    const cleared = trainingTimeLimit(20);
    cleared.clear();
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(cleared.signal.aborted).toBe(false);
  }, 30_000);
});
