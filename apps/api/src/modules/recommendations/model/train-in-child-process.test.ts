// Training in a child process (a real fork): it answers the model, and the job's signal (aborted when
// the job's lock was lost) ends the child at once, so a training another worker has taken over does
// not go on here too; the child also ends when the worker process itself is killed.
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
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

  it.skipIf(process.platform !== "linux")(
    "ends the child when the worker process is killed in the middle of a training",
    async () => {
      const fixture = fileURLToPath(new URL("./training-orphan.fixture.ts", import.meta.url));
      const worker = spawn(process.execPath, ["--import", "tsx", fixture], { stdio: "inherit" });
      let training: number | undefined;
      try {
        // The training child, once it has spent a second of CPU training.
        await expect
          .poll(() => (training = childrenOf(worker.pid!).find((pid) => (processStat(pid)?.cpuTicks ?? 0) >= 100)), { timeout: 30_000, interval: 200 })
          .toBeDefined();
        worker.kill("SIGKILL");
        // Trained to the end it would run for tens of seconds more.
        await expect.poll(() => processStat(training!)?.running ?? false, { timeout: 10_000, interval: 100 }).toBe(false);
      } finally {
        worker.kill("SIGKILL");
        // A trainer left running when the test failed must not train on through the rest of the run.
        if (training !== undefined && processStat(training)?.running) process.kill(training, "SIGKILL");
      }
    },
    60_000,
  );
});

/** The processes `pid` started (Linux: /proc/PID/task/TID/children). */
function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").split(" ").filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

/** Whether a process is still running (a zombie waiting to be reaped is not) and the CPU it has used, in clock ticks. */
function processStat(pid: number): { running: boolean; cpuTicks: number } | undefined {
  try {
    // After the command's closing parenthesis: state, ppid, … utime is the 12th field, stime the 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { running: fields[0] !== "Z" && fields[0] !== "X", cpuTicks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return undefined;
  }
}
