// The child process a training runs in (train-in-child-process.ts): it receives the interactions,
// trains, sends the model back and exits. Training is seconds to minutes of CPU; in a process of its
// own, at a lower priority, it neither holds the worker's event loop (so BullMQ keeps renewing every
// lock and ingest goes on) nor competes with the API for the CPU.
//
// The training itself runs on a worker thread of this process, so that this main thread stays free
// to hear the worker process go: its IPC channel closes however it ended (SIGKILL, a crash), and this
// process then exits at once instead of training on, orphaned, for up to the whole time limit while
// a restarted worker starts the same training again.
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { trainItemModel, type InteractionData, type ItemModelConfig, type TrainedItemModel } from "./train-item-model.ts";

export interface TrainingRequest {
  data: InteractionData;
  config: ItemModelConfig;
}

export type TrainingAnswer = { model: TrainedItemModel; error?: undefined } | { model?: undefined; error: string };

/** The training thread: this same module, from source through tsx's loader (a worker thread does not inherit it). */
function trainingThread(request: TrainingRequest): Worker {
  // The interactions move to the thread rather than being copied (one buffer may back several arrays).
  const buffers = new Set([request.data.user.buffer, request.data.item.buffer, request.data.value.buffer]);
  const options = { workerData: request, transferList: [...buffers].filter((buffer) => buffer instanceof ArrayBuffer) };
  if (!import.meta.url.endsWith(".ts")) return new Worker(new URL(import.meta.url), options);
  const load = `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); })`;
  return new Worker(load, { ...options, eval: true });
}

if (isMainThread) {
  // The worker process is gone: nobody waits for this training any more.
  process.once("disconnect", () => process.exit(1));
  process.once("message", (request: TrainingRequest) => {
    let answered = false;
    const answer = (message: TrainingAnswer) => {
      if (answered) return;
      answered = true;
      process.send!(message, () => process.exit(message.model ? 0 : 1));
    };
    const thread = trainingThread(request);
    thread.once("message", answer);
    thread.once("error", (error) => answer({ error: error.message }));
    // Ended without a word (out of memory, say): said, not waited on.
    thread.once("exit", (code) => answer({ error: `the training thread exited (${code}) before it answered` }));
  });
} else {
  const { data, config } = workerData as TrainingRequest;
  let answer: TrainingAnswer;
  try {
    answer = { model: trainItemModel(data, config) };
  } catch (error) {
    answer = { error: error instanceof Error ? error.message : String(error) };
  }
  parentPort!.postMessage(answer);
}
