// What operators see: each list's cursor and each queue's job counts, with the latest failures.
import type { PrismaClient } from "../../db.ts";
import type { IngestQueues } from "./ingest.queues.ts";

export async function ingestStatus(deps: { prisma: PrismaClient; queues: IngestQueues }) {
  const cursors = await deps.prisma.ingestCursor.findMany({ orderBy: { list: "asc" } });
  const queues = await Promise.all(
    Object.values(deps.queues).map(async (queue) => {
      const counts = await queue.getJobCounts("waiting", "active", "delayed", "prioritized", "completed", "failed");
      const failed = await queue.getFailed(0, 4);
      return {
        name: queue.name,
        counts,
        recentFailures: failed.map((job) => ({
          id: job.id ?? "",
          reason: job.failedReason ?? "",
          failedAt: job.finishedOn ? new Date(job.finishedOn) : null,
          attempts: job.attemptsMade,
        })),
      };
    }),
  );
  return { cursors, queues };
}
