// Operators' command line: `pnpm --filter @movierec/api model train|status` (same environment as
// the API). `train` asks the worker; `train --here` trains in this process (no worker needed).
import { createAppServices } from "../../../app-services.ts";
import { boot } from "../../../boot.ts";
import { modelStatus } from "./item-model.store.ts";
import { requestTraining } from "./model.worker.ts";
import { defaultTrainingPolicy, trainModel } from "./train-model.job.ts";

const command = process.argv[2];
if (command !== "train" && command !== "status") {
  console.error(
    "usage: model train [--here]  ask the worker to train the recommendation model now (--here: train in this process)\n       model status        the live model and the latest attempt",
  );
  process.exit(2);
}
const { config, logger } = boot("model-cli");
const services = createAppServices({ config, logger, name: "movierec-model-cli" });
try {
  if (command === "train" && process.argv.includes("--here")) {
    const summary = await trainModel(services, defaultTrainingPolicy(config));
    console.log(
      `model version ${summary.version} is live: ${summary.titles} titles, ${summary.interactions} interactions, ${summary.users} people, ${summary.trainingMs} ms`,
    );
  } else if (command === "train") {
    const { jobId, alreadyQueued } = await requestTraining(services.queues.model, { reason: "cli" });
    console.log(alreadyQueued ? `a requested training is already waiting (job ${jobId})` : `queued a training (job ${jobId})`);
  } else {
    const { live, latest, newInteractions } = await modelStatus(services);
    console.table(
      [live, latest]
        .filter((row) => row !== null)
        .map((row) => ({
          version: row.version,
          status: row.status,
          titles: row.titles,
          interactions: row.interactions,
          users: row.users,
          "data up to": row.dataUpTo.toISOString(),
          "training ms": row.trainingMs ?? "",
          error: row.error ?? "",
        })),
    );
    console.log(live ? `${newInteractions} interactions since the live model's data` : `no live model yet (${newInteractions} interactions)`);
  }
} finally {
  await services.close();
}
