// The worker side of imports: one BullMQ worker running import.job.ts.
import type { AppServices } from "../../app-services.ts";
import { startJobWorker } from "../ingest/job-unit.ts";
import { importJob } from "./import.job.ts";

export async function startImportWorker(services: AppServices) {
  const worker = await startJobWorker(services, importJob);
  return { worker, close: () => worker.close() };
}
