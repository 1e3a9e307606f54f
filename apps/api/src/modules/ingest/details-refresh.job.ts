// The details refresh: every 15 minutes (while ingest is scheduled), queues details jobs for up to
// 2,000 titles that never had details or whose details are older than DETAILS_MAX_AGE_DAYS,
// never-fetched first.
import { z } from "zod";
import type { PrismaClient } from "../../db.ts";
import { toMediaKind } from "../../media-kind.ts";
import { queueDetails } from "./ingest-run.job.ts";
import { QUEUES, type DetailsPayload, type DetailsRefreshPayload } from "./ingest.queues.ts";
import type { JobUnit } from "./job-unit.ts";

const DAY_MS = 24 * 60 * 60 * 1000;
const SWEEP_EVERY_MS = 15 * 60 * 1000;
const SWEEP_LIMIT = 2_000;

/** Titles that never had details or whose details are older than `maxAgeMs`, never-fetched first, then by popularity. */
export async function findStaleDetails({ prisma }: { prisma: PrismaClient }, options: { maxAgeMs: number; limit: number }): Promise<DetailsPayload[]> {
  const rows = await prisma.mediaCache.findMany({
    where: { OR: [{ detailsFetchedAt: null }, { detailsFetchedAt: { lt: new Date(Date.now() - options.maxAgeMs) } }] },
    orderBy: [{ detailsFetchedAt: { sort: "asc", nulls: "first" } }, { popularity: "desc" }],
    take: options.limit,
    select: { mediaType: true, tmdbId: true },
  });
  return rows.map((row) => ({ mediaType: toMediaKind(row.mediaType), tmdbId: row.tmdbId }));
}

export const detailsRefreshJob: JobUnit<DetailsRefreshPayload> = {
  queue: "detailsRefresh",
  payload: z.object({}) as z.ZodType<DetailsRefreshPayload>,
  concurrency: () => QUEUES.detailsRefresh.worker.concurrency ?? 1,
  yieldsToApi: true,
  async handle({ prisma, queues, config }) {
    const stale = await findStaleDetails({ prisma }, { maxAgeMs: config.DETAILS_MAX_AGE_DAYS * DAY_MS, limit: SWEEP_LIMIT });
    await queueDetails(queues.details, stale);
    return { queued: stale.length };
  },
  schedule: {
    id: "details-refresh-schedule",
    jobName: "details-refresh",
    every: (config) => (config.INGEST_EVERY_MINUTES > 0 ? SWEEP_EVERY_MS : null),
    data: {},
  },
};
