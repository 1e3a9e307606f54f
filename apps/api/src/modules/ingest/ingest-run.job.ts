// One ingest run: for each TMDB list, fetch the next pages within the run's budget. Each page's
// items and the cursor's advance are written in one transaction, conditional on the cursor still
// being where this run read it, so a killed worker resumes exactly where the last commit left it
// and no page is written twice. Titles still lacking details are queued for the details job.
import type { Queue } from "bullmq";
import { z } from "zod";
import type { PrismaClient } from "../../db.ts";
import type { Logger } from "../../logger.ts";
import { TMDB_MAX_PAGE, type TmdbClient } from "../../tmdb/index.ts";
import { upsertListItems } from "../media/media-cache.writer.ts";
import { INGEST_LISTS, type IngestList } from "./ingest.lists.ts";
import { detailsJobId, QUEUES, type DetailsPayload, type IngestRunPayload } from "./ingest.queues.ts";
import type { JobUnit } from "./job-unit.ts";
import { toMediaKind } from "../../media-kind.ts";

export interface IngestDeps {
  prisma: PrismaClient;
  tmdb: TmdbClient;
  logger: Logger;
  detailsQueue: Queue<DetailsPayload>;
  /** Waits, while the API is busy, for this page's turn (api-load.ts); absent: never waits. */
  waitForTurn?: () => Promise<void>;
}

export interface ListRunSummary {
  list: string;
  pages: number[];
  titles: number;
  cycleCompleted: boolean;
  error?: string;
}

/**
 * Queues details jobs, one per title while one is waiting or running (BullMQ's deduplication by
 * detailsJobId). Not a fixed job id: a failed job kept for the dashboard (removeOnFail) would hold
 * that id, and BullMQ would then quietly refuse every later job of the title, the sweep's included.
 */
export async function queueDetails(detailsQueue: Queue<DetailsPayload>, titles: DetailsPayload[]): Promise<void> {
  if (!titles.length) return;
  await detailsQueue.addBulk(titles.map((data) => ({ name: "details", data, opts: { ...QUEUES.details.jobs, deduplication: { id: detailsJobId(data) } } })));
}

async function ingestList(
  deps: IngestDeps,
  list: IngestList,
  pageBudget: number,
  onPage: (pagesDone: number, cycleCompleted: boolean) => Promise<void>,
  signal?: AbortSignal,
): Promise<ListRunSummary> {
  const { prisma } = deps;
  const summary: ListRunSummary = { list: list.id, pages: [], titles: 0, cycleCompleted: false };
  await prisma.ingestCursor.upsert({ where: { list: list.id }, create: { list: list.id }, update: {} });
  for (let fetched = 0; fetched < pageBudget && !signal?.aborted; fetched++) {
    await deps.waitForTurn?.();
    const cursor = await prisma.ingestCursor.findUniqueOrThrow({ where: { list: list.id } });
    const page = cursor.nextPage;
    const { items, totalPages, resultCount } = await list.fetchPage(deps.tmdb, page, signal);
    // TMDB's totals can run far past the 500 pages it will serve.
    const lastPage = Math.max(1, Math.min(totalPages, TMDB_MAX_PAGE));
    // A page past the end answers an empty list (docs/tmdb.md): the cycle is over there too.
    const endsCycle = page >= lastPage || resultCount === 0;
    const now = new Date();
    const committed = await prisma.$transaction(async (tx) => {
      const advanced = await tx.ingestCursor.updateMany({
        where: { list: list.id, nextPage: page, cycle: cursor.cycle },
        data: {
          nextPage: endsCycle ? 1 : page + 1,
          cycle: endsCycle ? cursor.cycle + 1 : cursor.cycle,
          totalPages,
          pagesFetched: { increment: 1 },
          lastRunAt: now,
          lastSuccessAt: now,
          lastError: null,
        },
      });
      // Another run moved the cursor meanwhile: its write stands, this page is not written again.
      if (advanced.count === 0) return false;
      await upsertListItems(tx, items, list.id);
      return true;
    });
    if (!committed) break;
    summary.pages.push(page);
    summary.titles += items.length;
    await onPage(summary.pages.length, endsCycle);
    const lacking = await prisma.mediaCache.findMany({
      where: {
        detailsFetchedAt: null,
        OR: [
          { mediaType: "MOVIE", tmdbId: { in: items.filter((item) => item.kind === "movie").map((item) => item.id) } },
          { mediaType: "TV", tmdbId: { in: items.filter((item) => item.kind === "tv").map((item) => item.id) } },
        ],
      },
      select: { mediaType: true, tmdbId: true },
    });
    await queueDetails(
      deps.detailsQueue,
      lacking.map((row) => ({ mediaType: toMediaKind(row.mediaType), tmdbId: row.tmdbId })),
    );
    if (endsCycle) {
      summary.cycleCompleted = true;
      break;
    }
  }
  return summary;
}

export type RunProgress = Record<string, number>;

/**
 * Runs every list; a list that fails is recorded on its cursor and the others still run, then
 * the run fails so that BullMQ retries it. `progress` (pages already done per list, kept in the
 * job) makes a retried or taken-over run finish the same budget instead of starting it again.
 */
export async function runIngest(
  deps: IngestDeps,
  options: { pagesPerList: number; signal?: AbortSignal; progress?: RunProgress; onProgress?: (progress: RunProgress) => Promise<void> },
): Promise<ListRunSummary[]> {
  const summaries: ListRunSummary[] = [];
  const progress: RunProgress = { ...options.progress };
  for (const list of INGEST_LISTS) {
    options.signal?.throwIfAborted();
    const done = progress[list.id] ?? 0;
    try {
      summaries.push(
        await ingestList(
          deps,
          list,
          options.pagesPerList - done,
          async (pages, cycleCompleted) => {
            // A list whose cycle ended is done for this run, whatever budget is left.
            progress[list.id] = cycleCompleted ? options.pagesPerList : done + pages;
            await options.onProgress?.({ ...progress });
          },
          options.signal,
        ),
      );
    } catch (error) {
      // Stopped from outside (the job's lock was lost): not the list's fault, and nothing to record.
      if (options.signal?.aborted) throw error;
      const message = (error as Error).message;
      deps.logger.warn({ list: list.id, err: message }, "ingest: list failed; its cursor stays where it was");
      await deps.prisma.ingestCursor.update({ where: { list: list.id }, data: { lastRunAt: new Date(), lastError: message.slice(0, 1_000) } }).catch(() => {});
      summaries.push({ list: list.id, pages: [], titles: 0, cycleCompleted: false, error: message });
    }
  }
  const failed = summaries.filter((summary) => summary.error);
  if (failed.length) {
    throw new Error(
      `${failed.length} of ${summaries.length} lists failed (the others were ingested): ${failed.map((summary) => `${summary.list}: ${summary.error}`).join("; ")}`,
    );
  }
  return summaries;
}

/** The ingest run as a job: every INGEST_EVERY_MINUTES (0: only when asked), INGEST_PAGES_PER_LIST pages per list. */
export const ingestRunJob: JobUnit<IngestRunPayload> = {
  queue: "ingest",
  payload: z.object({ reason: z.enum(["schedule", "admin", "cli"]), requestedBy: z.string().max(200).optional() }),
  concurrency: () => QUEUES.ingest.worker.concurrency ?? 1,
  async handle({ prisma, tmdb, logger, queues, config, yieldToApi }, payload, job, signal) {
    const started = Date.now();
    const summaries = await runIngest(
      { prisma, tmdb, logger, detailsQueue: queues.details, waitForTurn: yieldToApi && (() => yieldToApi.waitForTurn()) },
      {
        pagesPerList: config.INGEST_PAGES_PER_LIST,
        signal,
        progress: typeof job.progress === "object" ? (job.progress as RunProgress) : {},
        onProgress: (progress) => job.updateProgress(progress),
      },
    );
    const pages = summaries.reduce((sum, summary) => sum + summary.pages.length, 0);
    logger.info(
      {
        job: job.id,
        reason: payload.reason,
        pages,
        ms: Date.now() - started,
        lists: summaries.map((summary) => `${summary.list}:${summary.pages.join(",") || "-"}${summary.error ? "!" : ""}`),
      },
      "ingest run finished",
    );
    return summaries;
  },
  schedule: {
    id: "ingest-schedule",
    jobName: "ingest-run",
    every: (config) => (config.INGEST_EVERY_MINUTES > 0 ? config.INGEST_EVERY_MINUTES * 60_000 : null),
    data: { reason: "schedule" },
  },
};
