// Training in a child process (a real fork): it answers the model, and the job's signal (aborted when
// the job's lock was lost) ends the child at once, so a training another worker has taken over does
// not go on here too.
import { describe, expect, it } from "vitest";
import { DEFAULT_ITEM_MODEL_CONFIG, type InteractionData } from "./train-item-model.ts";
import { trainItemModelInChildProcess } from "./train-in-child-process.ts";

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
    controller.abort();
    await expect(training).rejects.toThrow(/exited \(SIGKILL\) before it answered/);
    // An already aborted signal starts no child at all.
    await expect(trainItemModelInChildProcess(data, DEFAULT_ITEM_MODEL_CONFIG, controller.signal)).rejects.toThrow(/aborted/i);
  }, 30_000);
});
