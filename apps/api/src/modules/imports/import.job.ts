// The import job: matches an import's rows to titles, a batch at a time, then writes the matched
// ones into the person's interactions, then (a movierec export) their preferences. Every row keeps
// its own state (import_row.status), so a job retried after a killed worker carries on where that
// one stopped; the counters on import_job, refreshed after every batch, are the progress bar.
import { z } from "zod";
import type { Prisma } from "../../generated/prisma/client.ts";
import { updatePreferences } from "../preferences/preference.service.ts";
import type { UpdatePreferencesInput } from "../preferences/preference.types.ts";
import { MediaType } from "../media/media.types.ts";
import { invalidateRankings } from "../recommendations/recommendation.cache.ts";
import { type ImportPayload, QUEUES } from "../ingest/ingest.queues.ts";
import type { JobDeps, JobUnit } from "../ingest/job-unit.ts";
import type { ExportedPreferences } from "./formats/movierec.ts";
import { applyRows } from "./import-apply.ts";
import { requestTraining } from "../recommendations/model/model.worker.ts";
import { TmdbError } from "../../tmdb/tmdb-errors.ts";
import { CachedTitles, matchRow } from "./import-matching.ts";

/** Rows in flight at once while matching, rows read per page, and how often the counters are written. */
const MATCH_CONCURRENCY = 12;
const MATCH_PAGE = 240;
const PROGRESS_EVERY_MS = 250;
const APPLY_BATCH = 250;

export const importJob: JobUnit<ImportPayload> = {
  queue: "imports",
  payload: z.object({ importId: z.uuid() }),
  concurrency: () => QUEUES.imports.worker.concurrency ?? 2,
  handle: (deps, payload, job, signal) => runImport(deps, payload.importId, signal, { lastAttempt: job.attemptsMade + 1 >= (job.opts.attempts ?? 1) }),
};

export async function runImport(deps: JobDeps, importId: string, signal?: AbortSignal, options: { lastAttempt?: boolean } = {}): Promise<{ status: string }> {
  const { prisma } = deps;
  const job = await prisma.importJob.findUnique({ where: { id: importId } });
  if (!job || job.status === "DONE") return { status: job ? "already done" : "gone (account deleted?)" };
  await prisma.importJob.update({ where: { id: importId }, data: { status: "RUNNING" } });
  try {
    await matchPending(deps, importId, signal);
    await applyMatched(deps, importId, job.userId, signal);
    const warning = job.preferences ? await applyPreferences(deps, job.userId, job.preferences as ExportedPreferences) : null;
    await invalidateRankings(deps, job.userId);
    await refreshCounters(deps, importId, { status: "DONE", finishedAt: new Date(), error: warning });
    await askForTraining(deps, importId);
    deps.logger.info({ importId, userId: job.userId }, "import done");
    return { status: "done" };
  } catch (error) {
    if (signal?.aborted) throw error;
    const message = (error as Error).message;
    if (options.lastAttempt) {
      await endFailedImport(deps, { importId, userId: job.userId, reason: publicFailure(error, importId) }, signal);
      deps.logger.error({ importId, err: message }, "import failed for good");
    } else deps.logger.warn({ importId, err: message }, "import attempt failed; it will be retried from where it stopped");
    throw error;
  }
}

/**
 * Ends an import that will not be tried again: the rows matched before the failure are added (so
 * "what was added stays" holds for them), and the import is FAILED saying `reason`, so the page stops
 * waiting and uploading the file again adds the rest. Also used by the API for an import whose queue
 * job failed without running this (import.service.ts's settleLostImports).
 */
export async function endFailedImport(deps: JobDeps, input: { importId: string; userId: string; reason: string }, signal?: AbortSignal) {
  const { importId, userId } = input;
  await applyMatched(deps, importId, userId, signal)
    .then(() => invalidateRankings(deps, userId))
    .catch((applyError: unknown) =>
      deps.logger.error({ importId, err: (applyError as Error).message }, "import: could not add the rows matched before it failed"),
    );
  await refreshCounters(deps, importId, {
    status: "FAILED",
    finishedAt: new Date(),
    error: `The import stopped after several tries (${input.reason}). What was added stays; upload the file again to add the rest.`,
  }).catch(() => {});
  await askForTraining(deps, importId);
}

/**
 * Asks for a training once an import has added history: its rows carry the file's dates, older than
 * the live model's data, so the model's own check (new interactions since its data) never counts
 * them and the model would not learn them until other activity made it train. While an asked-for
 * training waits, asking again adds nothing.
 */
async function askForTraining(deps: JobDeps, importId: string) {
  const applied = await deps.prisma.importRow.count({ where: { jobId: importId, status: "APPLIED" } });
  if (applied === 0) return;
  await requestTraining(deps.queues.model, { reason: "import", requestedBy: `import ${importId}` }).catch((error: unknown) =>
    deps.logger.warn({ importId, err: (error as Error).message }, "import: could not ask for a training; the model learns its rows at its next one"),
  );
}

/** What the person is told of an import that failed for good: no internal message (it is logged). */
function publicFailure(error: unknown, importId: string): string {
  if (error instanceof TmdbError) return "TMDB did not answer";
  return `an error on our side, logged under import ${importId}`;
}

async function matchPending(deps: JobDeps, importId: string, signal?: AbortSignal) {
  // One match per title as the file writes it: a film rated, liked and on the watchlist is three
  // rows, and asking TMDB three times would spend its rate limit for nothing.
  const memo = new Map<string, ReturnType<typeof matchRow>>();
  let cached: CachedTitles | undefined;
  // Counted on from what earlier attempts of this import spent (import_job.tmdbCalls), so a retry
  // does not get a fresh allowance.
  const spent = (await deps.prisma.importJob.findUniqueOrThrow({ where: { id: importId }, select: { tmdbCalls: true } })).tmdbCalls;
  const tmdbCalls = { count: spent, written: spent, limit: deps.config.IMPORT_TMDB_LOOKUPS };
  const progress = throttled(PROGRESS_EVERY_MS, () => {
    const delta = tmdbCalls.count - tmdbCalls.written;
    tmdbCalls.written = tmdbCalls.count;
    return refreshCounters(deps, importId, { tmdbCalls: { increment: delta } });
  });
  for (;;) {
    signal?.throwIfAborted();
    const rows = await deps.prisma.importRow.findMany({ where: { jobId: importId, status: "PENDING" }, orderBy: { position: "asc" }, take: MATCH_PAGE });
    if (!rows.length) break;
    cached ??= await CachedTitles.load(deps);
    const titles = cached;
    // MATCH_CONCURRENCY rows in flight (their TMDB calls share the client's rate limit); each row's
    // state is written as soon as it is known, so the counters move steadily, not batch by batch.
    let next = 0;
    await Promise.all(
      Array.from({ length: MATCH_CONCURRENCY }, async () => {
        while (next < rows.length) {
          signal?.throwIfAborted();
          const row = rows[next++]!;
          const key = JSON.stringify([row.mediaType, row.tmdbId, row.imdbId, row.title, row.year]);
          if (!memo.has(key)) memo.set(key, matchRow(deps, row, tmdbCalls, titles));
          const match = await memo.get(key)!;
          await deps.prisma.importRow.update({
            where: { id: row.id },
            data:
              "reason" in match
                ? { status: "UNMATCHED", reason: match.reason }
                : { status: "MATCHED", matchedType: match.mediaType, matchedTmdbId: match.tmdbId, reason: null },
          });
          progress.poke();
        }
      }),
    );
  }
  await progress.flush();
}

/** Runs `write` when poked, at most once every `ms`; `flush` runs it once more and waits for it. */
function throttled(ms: number, write: () => Promise<unknown>) {
  let last = 0;
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    last = Date.now();
    running = running.catch(() => {}).then(write);
    return running;
  };
  return {
    poke() {
      if (Date.now() - last >= ms) void run().catch(() => {});
    },
    async flush() {
      await running.catch(() => {});
      await run();
    },
  };
}

async function applyMatched(deps: JobDeps, importId: string, userId: string, signal?: AbortSignal) {
  for (;;) {
    signal?.throwIfAborted();
    const rows = await deps.prisma.importRow.findMany({ where: { jobId: importId, status: "MATCHED" }, orderBy: { position: "asc" }, take: APPLY_BATCH });
    if (!rows.length) return;
    await applyRows(
      deps.prisma,
      userId,
      rows.map((row) => ({ kind: row.kind, matchedType: row.matchedType!, matchedTmdbId: row.matchedTmdbId!, rating: row.rating, happenedAt: row.happenedAt })),
    );
    await deps.prisma.importRow.updateMany({ where: { id: { in: rows.map((row) => row.id) } }, data: { status: "APPLIED" } });
    await refreshCounters(deps, importId, {});
  }
}

/** The counters from the rows' states, with whatever else changes on the job. */
async function refreshCounters(deps: JobDeps, importId: string, data: Prisma.ImportJobUpdateInput) {
  const counts = await deps.prisma.importRow.groupBy({ by: ["status"], where: { jobId: importId }, _count: { _all: true } });
  const count = (status: string) => counts.find((entry) => entry.status === status)?._count._all ?? 0;
  await deps.prisma.importJob.update({
    where: { id: importId },
    data: { ...data, rowsMatched: count("MATCHED") + count("APPLIED"), rowsApplied: count("APPLIED"), rowsMissed: count("UNMATCHED") },
  });
}

/** A movierec export's preferences; one the account cannot take (a genre TMDB no longer has) is reported, not fatal. */
async function applyPreferences(deps: JobDeps, userId: string, preferences: ExportedPreferences): Promise<string | null> {
  const changes: UpdatePreferencesInput = {
    ...preferences,
    mediaTypes: preferences.mediaTypes.map((type) => (type === "MOVIE" ? MediaType.MOVIE : MediaType.TV)),
  };
  try {
    await updatePreferences(deps, { userId, changes });
    return null;
  } catch (error) {
    return `Your titles were imported; your preferences were not: ${(error as Error).message}`;
  }
}
