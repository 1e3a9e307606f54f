// The child process a training runs in (train-in-child-process.ts): it receives the interactions,
// trains, sends the model back and exits. Training is seconds to minutes of CPU; in a process of its
// own, at a lower priority, it neither holds the worker's event loop (so BullMQ keeps renewing every
// lock and ingest goes on) nor competes with the API for the CPU.
import { trainItemModel, type InteractionData, type ItemModelConfig } from "./train-item-model.ts";

process.once("message", (message: { data: InteractionData; config: ItemModelConfig }) => {
  try {
    const model = trainItemModel(message.data, message.config);
    process.send!({ model }, () => process.exit(0));
  } catch (error) {
    process.send!({ error: error instanceof Error ? error.message : String(error) }, () => process.exit(1));
  }
});
