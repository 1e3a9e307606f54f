// Operators' command line: `pnpm --filter @movierec/api ingest run|status` (same environment as
// the API; `npm start` prints the DATABASE_URL and REDIS_URL it uses).
import { createAppServices } from "../../app-services.ts";
import { boot } from "../../boot.ts";
import { requestIngestRun } from "./ingest-queue.ts";
import { ingestStatus } from "./ingest-status.ts";

const command = process.argv[2];
if (command !== "run" && command !== "status") {
  console.error("usage: ingest run     ask the worker for an ingest run now\n       ingest status  cursors, queue counts and recent failures");
  process.exit(2);
}
const { config, logger } = boot("ingest-cli");
const services = createAppServices({ config, logger, name: "movierec-ingest-cli" });
try {
  if (command === "run") {
    const { jobId, alreadyQueued } = await requestIngestRun(services.queues.ingest, { reason: "cli" });
    console.log(alreadyQueued ? `a requested run is already waiting (job ${jobId})` : `queued ingest run (job ${jobId})`);
  } else {
    const status = await ingestStatus({ prisma: services.prisma, queues: services.queues });
    console.table(
      status.cursors.map((cursor) => ({
        list: cursor.list,
        "next page": cursor.nextPage,
        "last page": cursor.totalPages === null ? "?" : Math.min(cursor.totalPages, 500),
        cycle: cursor.cycle,
        "pages fetched": cursor.pagesFetched,
        "last run": cursor.lastRunAt?.toISOString() ?? "never",
        "last error": cursor.lastError ?? "",
      })),
    );
    console.table(status.queues.map((queue) => ({ queue: queue.name, ...queue.counts })));
    for (const queue of status.queues) for (const failure of queue.recentFailures) console.log(`failed ${queue.name} ${failure.id}: ${failure.reason}`);
  }
} finally {
  await services.close();
}
