// Imports of a person's history, as the API offers them: start one from an uploaded file (read and
// checked whole first: a bad file stores nothing), follow its progress, list what did not match and
// why, and settle a row by hand. The work itself is import.job.ts, in the worker.
import type { AppServices } from "../../app-services.ts";
import { badInput, notFound } from "../../errors.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { getMedia, type MediaReadDeps } from "../media/media.service.ts";
import type { MediaRef } from "../media/media-key.ts";
import { invalidateRankings } from "../recommendations/recommendation.cache.ts";
import { applyRows } from "./import-apply.ts";
import { readImport } from "./read-import.ts";
import type { JobDeps } from "../ingest/job-unit.ts";
import { endFailedImport } from "./import.job.ts";
import { withinMs } from "../../redis.ts";

type Deps = Pick<AppServices, "prisma" | "queues" | "redis" | "config" | "logger">;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Imports one person may have waiting or running at once. */
const MAX_ACTIVE = 3;
const ROWS_PER_INSERT = 5_000;

/** How long an import may say QUEUED or RUNNING without a change before its queue job is looked at. */
const QUIET_MS = 2 * 60_000;

/** An import's queue job id: one job per import, so queueing it again while it waits adds nothing. */
const importQueueJobId = (importId: string) => `import-${importId}`;

/**
 * The person's imports that say QUEUED or RUNNING but have not moved for two minutes, checked
 * against their queue job, so none waits for ever and blocks the next import:
 * - no job (the API stopped between storing the rows and queueing it; Redis lost its data): queued
 *   again, and it carries on from its rows' states;
 * - a job that failed without the import knowing (a worker killed twice in one import fails it
 *   without running it again): ended as FAILED, keeping what it had matched (endFailedImport).
 * Run when the person lists their imports or starts one.
 */
export async function settleLostImports(deps: JobDeps, userId: string): Promise<void> {
  // At most a second of the request: with Redis away the queue does not answer, and the check is
  // for later (it goes on in the background and is safe to run twice).
  await withinMs(
    settle(deps, userId).catch((error: unknown) => deps.logger.warn({ userId, err: (error as Error).message }, "could not check the imports' queue jobs")),
    SETTLE_BUDGET_MS,
  );
}

/** Longest a request waits on settleLostImports. */
const SETTLE_BUDGET_MS = 1_000;

async function settle(deps: JobDeps, userId: string): Promise<void> {
  const quiet = await deps.prisma.importJob.findMany({
    where: { userId, status: { in: ["QUEUED", "RUNNING"] }, updatedAt: { lt: new Date(Date.now() - QUIET_MS) } },
    select: { id: true },
  });
  for (const { id } of quiet) {
    const job = await deps.queues.imports.getJob(importQueueJobId(id));
    const state = job ? await job.getState() : "unknown";
    if (state === "unknown") {
      await deps.queues.imports.add("import", { importId: id }, { jobId: importQueueJobId(id) });
      deps.logger.warn({ importId: id }, "import had no queue job; queued it again");
    } else if (state === "failed") {
      await endFailedImport(deps, { importId: id, userId, reason: "its worker stopped too often" });
      deps.logger.error({ importId: id, reason: job?.failedReason }, "import's queue job failed without it; marked failed");
    }
  }
}

/** Reads the file, stores its rows and queues the job; the new import, with the files it skipped. */
export async function startImport(deps: Deps & JobDeps, input: { userId: string; fileName: string; bytes: Uint8Array }) {
  const fileName = input.fileName.replace(/[^\p{L}\p{N} ._()-]+/gu, "_").slice(0, 200) || "upload";
  await settleLostImports(deps, input.userId);
  const active = await deps.prisma.importJob.count({ where: { userId: input.userId, status: { in: ["QUEUED", "RUNNING"] } } });
  if (active >= MAX_ACTIVE) throw badInput(`You have ${active} imports still running; wait for one to finish.`);
  const read = readImport(fileName, input.bytes);
  const now = new Date();
  const job = await deps.prisma.$transaction(async (tx) => {
    const created = await tx.importJob.create({
      data: {
        userId: input.userId,
        source: read.source,
        fileName,
        rowsTotal: read.rows.length,
        ...(read.preferences ? { preferences: read.preferences as unknown as Prisma.InputJsonValue } : {}),
      },
    });
    for (let start = 0; start < read.rows.length; start += ROWS_PER_INSERT) {
      await tx.importRow.createMany({
        data: read.rows.slice(start, start + ROWS_PER_INSERT).map((row, index) => ({
          jobId: created.id,
          position: start + index + 1,
          file: row.file.slice(0, 300),
          line: row.line,
          kind: row.kind,
          title: row.title?.slice(0, 500) ?? null,
          year: row.year,
          mediaType: row.mediaType,
          tmdbId: row.tmdbId,
          imdbId: row.imdbId,
          rating: row.rating,
          happenedAt: row.happenedAt ?? now,
          ...(row.unsupported ? { status: "UNMATCHED" as const, reason: row.unsupported } : {}),
        })),
      });
    }
    return created;
  });
  await deps.queues.imports.add("import", { importId: job.id }, { jobId: importQueueJobId(job.id) });
  deps.logger.info({ importId: job.id, source: read.source, rows: read.rows.length }, "import queued");
  return { job, skippedFiles: read.skippedFiles };
}

export async function listImports(deps: JobDeps, input: { userId: string; first: number }) {
  await settleLostImports(deps, input.userId);
  return deps.prisma.importJob.findMany({ where: { userId: input.userId }, orderBy: { createdAt: "desc" }, take: input.first });
}

/** One of the person's imports; another person's is "not found". */
export async function getImport(deps: Pick<Deps, "prisma">, input: { userId: string; importId: string }) {
  const job = UUID.test(input.importId) ? await deps.prisma.importJob.findFirst({ where: { id: input.importId, userId: input.userId } }) : null;
  if (!job) throw notFound("No import with that id.");
  return job;
}

/** How many rows of an import matched no title. */
export function countUnmatchedRows(deps: Pick<Deps, "prisma">, importId: string): Promise<number> {
  return deps.prisma.importRow.count({ where: { jobId: importId, status: "UNMATCHED" } });
}

/** The rows of an import that matched no title, in file order, from `afterPosition` on. */
export function unmatchedRows(deps: Pick<Deps, "prisma">, input: { importId: string; afterPosition: number; size: number }) {
  return deps.prisma.importRow.findMany({
    where: { jobId: input.importId, status: "UNMATCHED", position: { gt: input.afterPosition } },
    orderBy: { position: "asc" },
    take: input.size + 1,
  });
}

/** Settles an unmatched row by hand: the person says which title it is, and it is applied at once. */
export async function resolveImportRow(deps: Deps & MediaReadDeps, input: { userId: string; rowId: string; ref: MediaRef }) {
  const row = UUID.test(input.rowId) ? await deps.prisma.importRow.findFirst({ where: { id: input.rowId, job: { userId: input.userId } } }) : null;
  if (!row) throw notFound("No import row with that id.");
  const notWaiting = () => badInput("That row is not waiting for a title (it matched one, or was settled by hand already).");
  if (row.status !== "UNMATCHED") throw notWaiting();
  await getMedia(deps, input.ref);
  // One transaction that first claims the row (only while it is still UNMATCHED): of two requests
  // for the same row (a double click, a retried request) one settles it and the other is refused,
  // so the job's counts move once (they went below zero, and the export of them would not import).
  const updated = await deps.prisma.$transaction(async (tx) => {
    const claimed = await tx.importRow.updateMany({
      where: { id: row.id, status: "UNMATCHED" },
      data: {
        status: "APPLIED",
        matchedType: input.ref.mediaType,
        matchedTmdbId: input.ref.tmdbId,
        reason: `Chosen by hand (was: ${row.reason ?? "unmatched"})`,
      },
    });
    if (claimed.count === 0) throw notWaiting();
    await applyRows(tx, input.userId, [
      { kind: row.kind, matchedType: input.ref.mediaType, matchedTmdbId: input.ref.tmdbId, rating: row.rating, happenedAt: row.happenedAt },
    ]);
    await tx.importJob.update({
      where: { id: row.jobId },
      data: { rowsMatched: { increment: 1 }, rowsApplied: { increment: 1 }, rowsMissed: { decrement: 1 } },
    });
    return tx.importRow.findUniqueOrThrow({ where: { id: row.id } });
  });
  await invalidateRankings(deps, input.userId);
  return updated;
}
