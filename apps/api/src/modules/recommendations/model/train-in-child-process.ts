// Runs trainItemModel in a child process (training.process.ts) at a lower CPU priority, so the
// worker's event loop stays free while it trains; the child ends itself if this process goes. From source (tsx) the child runs the .ts file
// with tsx; from the production build it runs dist/model-training-process.js (build.mjs).
import { fork } from "node:child_process";
import { existsSync } from "node:fs";
import { setPriority } from "node:os";
import { fileURLToPath } from "node:url";
import type { InteractionData, ItemModelConfig, TrainedItemModel } from "./train-item-model.ts";
import type { TrainingAnswer, TrainingRequest } from "./training.process.ts";

/** Nice value of the training process: below the API and the other queues' work. */
const TRAINING_NICENESS = 10;

function childEntry(): { path: string; execArgv: string[] } {
  if (import.meta.url.endsWith(".ts")) return { path: fileURLToPath(new URL("./training.process.ts", import.meta.url)), execArgv: ["--import", "tsx"] };
  // Bundled: this code sits in dist/ or dist/chunks/, the entry in dist/.
  const candidates = [new URL("./model-training-process.js", import.meta.url), new URL("../model-training-process.js", import.meta.url)].map((url) =>
    fileURLToPath(url),
  );
  const path = candidates.find((candidate) => existsSync(candidate));
  if (!path) throw new Error(`the training process entry is missing (looked for ${candidates.join(", ")}); rebuild the API`);
  return { path, execArgv: [] };
}

/**
 * Trains in a child process. `signal` (aborted when the job's lock was lost or its time is up) ends
 * the child at once, so a training another worker has taken over does not go on here too; the
 * promise then fails with the signal's reason once the child has exited.
 */
export function trainItemModelInChildProcess(data: InteractionData, config: ItemModelConfig, signal?: AbortSignal): Promise<TrainedItemModel> {
  const entry = childEntry();
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const child = fork(entry.path, [], { execArgv: entry.execArgv, serialization: "advanced", stdio: ["ignore", "inherit", "inherit", "ipc"] });
    let settled = false;
    // Stopped (the job taken over, or its time limit, model.worker.ts): the child is killed, and once
    // it has exited the training fails with the signal's reason.
    let stopped = false;
    const stop = () => {
      stopped = true;
      child.kill("SIGKILL");
    };
    signal?.addEventListener("abort", stop, { once: true });
    child.once("exit", () => signal?.removeEventListener("abort", stop));
    try {
      if (child.pid) setPriority(child.pid, TRAINING_NICENESS);
    } catch {
      // Not permitted here: it trains at normal priority, still off the event loop.
    }
    child.once("message", (message: TrainingAnswer) => {
      settled = true;
      if (message.model) resolve(message.model);
      else reject(new Error(`training failed: ${message.error}`));
    });
    child.once("error", (error) => !settled && ((settled = true), reject(error)));
    child.once("exit", (code, exitSignal) => {
      if (settled) return;
      settled = true;
      const reason: unknown = signal?.reason;
      if (stopped) reject(reason instanceof Error ? reason : new Error("the training was stopped (its job's lock was lost)"));
      else reject(new Error(`the training process exited (${exitSignal ?? code}) before it answered`));
    });
    child.send({ data, config } satisfies TrainingRequest);
  });
}
