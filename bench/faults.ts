// Faults: the product keeps serving what it has, recovers by itself, and loses nothing a client was
// told was saved — while its worker is killed, TMDB fails, Redis restarts and Postgres restarts.
//
// As in production, the API and the worker are their production builds, each its own process
// (bench/lib/stack.ts), on Postgres and Redis that are stopped and started again on the same data
// and port (Redis with its append-only file), and the offline TMDB catalogue (60 ms per answer).
// MediaCache holds the whole catalogue; the worker pages TMDB's lists (a long ingest run) the whole
// time. A few readers ask for recommendations, browse, search and title pages non-stop, and one
// writer adds favourites with known ids, remembering every one the API acknowledged.
//
// In sequence, each with a before / during / after window:
//   a. SIGKILL the worker mid-ingest, start a new one: cursors never go backwards, no list page is
//      fetched (successfully) twice except the one in flight at the kill, the API never noticed.
//   b. TMDB down ~10 s (503s, then hung requests): cached reads keep working with zero errors, the
//      ingest records the failure and carries on once TMDB is back.
//   c. Redis stopped and started again: what clients saw meanwhile, that the API and the worker
//      recover without a restart, that the job schedulers and a queued job are still there.
//   d. Postgres stopped and started again: the errors clients saw (by code; never a hang), the time
//      to the first success once it is back, and every acknowledged favourite in the database.
//   e. Under the start command (`npm start`, its own data): the API, then the worker, SIGKILLed while
//      a client adds favourites; the start command must restart each by itself, and every
//      acknowledged favourite must be there (bench/lib/start-command-faults.ts).
// Only the killed worker of a. is restarted by us; the API process runs from start to end.
//
// Run: npm run bench -- faults   (FAULTS_TITLES, FAULTS_READERS, FAULTS_DOWN_SECONDS change the
// sizes; writes bench/results/faults.json)
import { createApiToken } from "../apps/api/src/modules/auth/api-token.service.ts";
import { requestIngestRun } from "../apps/api/src/modules/ingest/ingest-queue.ts";
import { mediaKey } from "../apps/api/src/modules/media/media-key.ts";
import { mulberry32 } from "../packages/tmdb-catalogue/src/index.ts";
import { popularTitles, TASTES, type CrowdTitle } from "./lib/crowd.ts";
import { log, percentile, round, writeResult, type SummaryRow } from "./lib/report.ts";
import { cacheWholeCatalogue } from "./lib/seed-cache.ts";
import { startCommandFaults } from "./lib/start-command-faults.ts";
import { graphqlClient, problemsOf, startStack } from "./lib/stack.ts";

const TITLES = Number(process.env.FAULTS_TITLES ?? 20_000);
const READERS = Number(process.env.FAULTS_READERS ?? 4);
/** How long Redis and Postgres stay down, and about how long TMDB fails. */
const DOWN_SECONDS = Number(process.env.FAULTS_DOWN_SECONDS ?? 5);
const TMDB_DOWN_SECONDS = Number(process.env.FAULTS_TMDB_DOWN_SECONDS ?? 10);
const STEADY_SECONDS = Number(process.env.FAULTS_STEADY_SECONDS ?? 5);
/**
 * Half the default 30 s, so a killed worker's run is taken over sooner; still longer than the Redis
 * outage below, as in production (a Redis outage longer than the lock makes BullMQ hand the run to
 * another worker while the first still runs it).
 */
const WORKER_LOCK_MS = 15_000;
/** A client gives up after this: an answer that takes longer counts as a hang. */
const CLIENT_TIMEOUT_MS = 15_000;
const THINK_MS = 50;

const READ = {
  recommendations: `query Recommendations { recommendations(first: 20) { edges { node { score media { id title posterUrl isFavourite } } } pageInfo { hasNextPage endCursor } } }`,
  browse: `query Browse($filter: BrowseFilter!) { browse(filter: $filter, first: 20) { edges { node { id title year posterUrl isFavourite } } pageInfo { hasNextPage endCursor } } }`,
  searchMedia: `query Search($query: String!) { searchMedia(query: $query, first: 10) { edges { node { id title year } } } }`,
  media: `query Title($type: MediaType!, $tmdbId: Int!) { media(type: $type, tmdbId: $tmdbId) { id title overview posterUrl genres { name } cast(first: 5) { name } directors { name } isFavourite similar(first: 12) { id title posterUrl } } }`,
} as const;
const ADD_FAVOURITE = `mutation AddFavourite($media: MediaRefInput!) { addFavourite(media: $media) { id isFavourite } }`;
const LIST_PATHS = new Set(["/3/movie/popular", "/3/tv/popular", "/3/movie/top_rated", "/3/tv/top_rated", "/3/trending/all/week"]);

const idOf = (title: CrowdTitle) => mediaKey(title);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const now = () => performance.now();
const since = (t0: number) => round((now() - t0) / 1000, 1);

/** How many log lines of each level and message a process wrote (pino JSON lines). */
function countLogLines(output: string): Record<string, number> {
  const counts: Record<string, number> = {};
  const levels: Record<number, string> = { 30: "info", 40: "warn", 50: "error", 60: "fatal" };
  for (const line of output.split("\n")) {
    if (!line.trim()) continue;
    let key: string;
    try {
      const entry = JSON.parse(line) as { level: number; msg?: string };
      key = `${levels[entry.level] ?? entry.level}: ${entry.msg ?? ""}`;
    } catch {
      key = "lines not from the logger (console output, stack traces)";
    }
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/** What a phase observed besides the traffic. */
interface PhaseNotes {
  pagesAtKill?: number;
  ingestResumedAfterMs?: number | null;
  ingestErrorRecorded?: boolean;
  lastError?: string | null;
  schedulersBefore?: string[];
  schedulersAfter?: string[];
  schedulersKept?: boolean;
  queuedJobAfter?: string;
}

interface CallRecord {
  client: string;
  operation: string;
  start: number;
  end: number;
  problems: string[];
}

interface CursorSample {
  at: number;
  rows: Array<{ list: string; nextPage: number; cycle: number; pagesFetched: number; lastError: string | null }>;
}

const stack = await startStack({
  name: "faults",
  titles: TITLES,
  tmdbLatencyMs: 60,
  // A daily schedule, as in production: the worker sets up its job schedulers (which must survive
  // the Redis restart), and a long run (up to 500 pages of each list) keeps it busy throughout.
  env: { WORKER_LOCK_MS: String(WORKER_LOCK_MS), INGEST_EVERY_MINUTES: "1440", INGEST_PAGES_PER_LIST: "500" },
  log,
});
const t0 = now();
try {
  const { services, catalogue } = stack;
  await cacheWholeCatalogue(services.prisma, catalogue.catalogue, log);
  const popular = await popularTitles(services.prisma, 6_000);
  const named = await services.prisma.mediaCache.findMany({ orderBy: { popularity: "desc" }, take: 500, select: { title: true } });
  const searchTerms = named.map(({ title }) => title.slice(0, 100));
  const makeUser = async (label: string, taste: readonly number[], favourites: CrowdTitle[]) => {
    const user = await services.prisma.user.create({ data: { email: `faults-${label}@example.test` } });
    await services.prisma.preference.create({ data: { userId: user.id, likedGenreIds: [...taste] } });
    await services.prisma.interaction.createMany({
      data: favourites.map((title) => ({ userId: user.id, mediaType: title.mediaType, tmdbId: title.tmdbId, kind: "FAVOURITE" as const })),
    });
    return { id: user.id, token: (await createApiToken(services, { userId: user.id, name: "faults" })).secret };
  };
  const readers = await Promise.all(
    Array.from({ length: READERS }, (_, index) => makeUser(`reader-${index}`, TASTES[index % TASTES.length]!, popular.slice(index * 7, index * 7 + 5))),
  );
  const writer = await makeUser("writer", TASTES[0]!, []);

  const api = await stack.startApi();
  const apiPid = api.process.child.pid;
  let worker = await stack.startWorker({ LOG_LEVEL: "info" });
  const workerLogs: string[] = [];
  const restartedByUs: string[] = [];
  const call = graphqlClient(api.url, { timeoutMs: CLIENT_TIMEOUT_MS });

  // ── Traffic: readers and the writer, every call recorded ──
  const records: CallRecord[] = [];
  let traffic = true;
  const readerLoop = async (reader: { token: string }, index: number) => {
    const random = mulberry32(500 + index);
    while (traffic) {
      const roll = random();
      const title = popular[Math.floor(Math.min(popular.length, 3_000) * random() ** 2)]!;
      const [operation, variables] =
        roll < 0.35
          ? (["recommendations", {}] as const)
          : roll < 0.6
            ? (["media", { type: title.mediaType, tmdbId: title.tmdbId }] as const)
            : roll < 0.85
              ? (["browse", { filter: { type: random() < 0.7 ? "MOVIE" : "TV", genreIds: random() < 0.5 ? [18] : [] } }] as const)
              : (["searchMedia", { query: searchTerms[Math.floor(random() * searchTerms.length)]! }] as const);
      const start = now();
      const result = await call(READ[operation], variables, reader.token);
      const problems = problemsOf(result);
      if (!problems.length && operation === "media" && result.body?.data?.media?.id !== idOf(title)) problems.push("WRONG_ANSWER");
      records.push({ client: `reader-${index}`, operation, start, end: now(), problems });
      await sleep(random() * THINK_MS);
    }
  };
  /** Favourites the API said were saved; and those whose answer never came or was an error. */
  const acknowledged = new Set<string>();
  const unacknowledged = new Set<string>();
  const writerLoop = async () => {
    const queue = popular.slice(100, 5_100);
    for (const title of queue) {
      if (!traffic) break;
      const start = now();
      const result = await call(ADD_FAVOURITE, { media: { type: title.mediaType, tmdbId: title.tmdbId } }, writer.token);
      const problems = problemsOf(result);
      if (!problems.length && result.body?.data?.addFavourite?.isFavourite === true) acknowledged.add(idOf(title));
      else unacknowledged.add(idOf(title));
      records.push({ client: "writer", operation: "addFavourite", start, end: now(), problems });
      await sleep(THINK_MS);
    }
  };

  // ── The ingest, watched from outside: cursor samples every 200 ms ──
  const samples: CursorSample[] = [];
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const at = now();
      const result = await stack.sql.query("SELECT list, next_page, cycle, pages_fetched, last_error FROM ingest_cursor ORDER BY list").catch(() => null);
      if (result)
        samples.push({
          at,
          rows: result.rows.map((row) => ({
            list: row.list,
            nextPage: row.next_page,
            cycle: row.cycle,
            pagesFetched: row.pages_fetched,
            lastError: row.last_error,
          })),
        });
      await sleep(200);
    }
  })();
  const pagesSoFar = () => samples.at(-1)?.rows.reduce((sum, row) => sum + row.pagesFetched, 0) ?? 0;
  /** Waits until the cursors have moved past `pages` pages in all; returns when (ms), or null. */
  const waitForIngest = async (pages: number, timeoutMs = 120_000): Promise<number | null> => {
    const deadline = now() + timeoutMs;
    while (now() < deadline) {
      const sample = samples.at(-1);
      if (sample && sample.rows.reduce((sum, row) => sum + row.pagesFetched, 0) > pages) return sample.at;
      await sleep(100);
    }
    return null;
  };
  /** Asks for an ingest run when none is running or waiting (a long run may finish meanwhile). */
  const keepIngesting = async () => {
    const counts = await services.queues.ingest.getJobCounts("active", "waiting", "delayed", "prioritized");
    if (Object.values(counts).every((count) => count === 0)) await requestIngestRun(services.queues.ingest, { reason: "cli" });
  };

  const readerLoops = readers.map((reader, index) => readerLoop(reader, index));
  const writerDone = writerLoop();

  // ── Phases ──
  interface Phase {
    name: string;
    start: number;
    faultStart: number;
    faultEnd: number;
    end: number;
    notes: PhaseNotes;
  }
  const phases: Phase[] = [];

  // Steady state first.
  await keepIngesting();
  const steadyStart = now();
  if ((await waitForIngest(10, 60_000)) === null) throw new Error("the ingest did not start");
  await sleep(STEADY_SECONDS * 1000);
  phases.push({ name: "steady state", start: steadyStart, faultStart: now(), faultEnd: now(), end: now(), notes: {} });

  // a. Kill the worker mid-ingest, start a new one.
  {
    await keepIngesting();
    const start = now();
    await sleep(2_000);
    const pagesAtKill = pagesSoFar();
    const faultStart = now();
    await worker.kill("SIGKILL");
    workerLogs.push(worker.output());
    log(`a. worker killed at ${since(t0)} s with ${pagesAtKill} pages ingested`);
    await sleep(2_000);
    worker = await stack.startWorker({ LOG_LEVEL: "info" });
    restartedByUs.push("worker (killed on purpose)");
    const faultEnd = now();
    const resumedAt = await waitForIngest(pagesSoFar());
    log(`a. new worker up; ingest resumed ${resumedAt === null ? "never" : `${round((resumedAt - faultEnd) / 1000, 1)} s after it started`}`);
    await sleep(2_000);
    phases.push({
      name: "a. worker SIGKILLed mid-ingest, new one started",
      start,
      faultStart,
      faultEnd,
      end: now(),
      notes: { pagesAtKill, ingestResumedAfterMs: resumedAt === null ? null : round(resumedAt - faultEnd, 0) },
    });
  }

  // b. TMDB down: 503s, then requests that hang, ~10 s in all.
  {
    await keepIngesting();
    const start = now();
    await sleep(2_000);
    const faultStart = now();
    catalogue.setFaults({ latencyMs: 60, serverError: { count: 1_000_000_000, status: 503 } });
    await sleep(TMDB_DOWN_SECONDS * 700);
    catalogue.setFaults({ latencyMs: 60, hang: { count: 1_000_000_000 } });
    await sleep(TMDB_DOWN_SECONDS * 300);
    catalogue.setFaults({ latencyMs: 60 });
    const faultEnd = now();
    log(`b. TMDB failed for ${round((faultEnd - faultStart) / 1000, 1)} s`);
    const errorRecorded = samples.some((sample) => sample.at >= faultStart && sample.rows.some((row) => row.lastError));
    const resumedAt = await waitForIngest(pagesSoFar());
    log(`b. ingest resumed ${resumedAt === null ? "never" : `${round((resumedAt - faultEnd) / 1000, 1)} s after TMDB was back`}`);
    await sleep(2_000);
    const lastErrors = samples
      .filter((sample) => sample.at >= faultStart)
      .flatMap((sample) => sample.rows.filter((row) => row.lastError).map((row) => `${row.list}: ${row.lastError}`));
    phases.push({
      name: `b. TMDB down ${TMDB_DOWN_SECONDS} s (503, then hanging)`,
      start,
      faultStart,
      faultEnd,
      end: now(),
      notes: {
        ingestErrorRecorded: errorRecorded || lastErrors.length > 0,
        lastError: lastErrors.at(0)?.slice(0, 300) ?? null,
        ingestResumedAfterMs: resumedAt === null ? null : round(resumedAt - faultEnd, 0),
      },
    });
  }

  // c. Redis stopped and started again on the same data (AOF) and port.
  {
    await keepIngesting();
    const start = now();
    const schedulersBefore = (await Promise.all([services.queues.ingest.getJobSchedulers(), services.queues.detailsRefresh.getJobSchedulers()]))
      .flat()
      .map((scheduler) => scheduler.key ?? scheduler.name);
    // A job queued for later: it must still be queued after the restart.
    await services.queues.details.add("details", { mediaType: "movie", tmdbId: popular[0]!.tmdbId }, { jobId: "faults-marker", delay: 3_600_000 });
    await sleep(2_000);
    const faultStart = now();
    await stack.redis.stop();
    await sleep(DOWN_SECONDS * 1000);
    await stack.redis.start();
    const faultEnd = now();
    log(`c. Redis was down ${round((faultEnd - faultStart) / 1000, 1)} s`);
    const resumedAt = await waitForIngest(pagesSoFar());
    await sleep(2_000);
    const schedulersAfter = (await Promise.all([services.queues.ingest.getJobSchedulers(), services.queues.detailsRefresh.getJobSchedulers()]))
      .flat()
      .map((scheduler) => scheduler.key ?? scheduler.name);
    const marker = await services.queues.details.getJob("faults-marker");
    const markerState = marker ? await marker.getState() : "missing";
    await marker?.remove().catch(() => {});
    phases.push({
      name: `c. Redis restarted (down ${DOWN_SECONDS} s)`,
      start,
      faultStart,
      faultEnd,
      end: now(),
      notes: {
        schedulersBefore,
        schedulersAfter,
        schedulersKept: schedulersBefore.every((key) => schedulersAfter.includes(key)),
        queuedJobAfter: markerState,
        ingestResumedAfterMs: resumedAt === null ? null : round(resumedAt - faultEnd, 0),
      },
    });
  }

  // d. Postgres stopped and started again on the same data and port.
  {
    await keepIngesting();
    const start = now();
    await sleep(2_000);
    const faultStart = now();
    await stack.postgres.stop();
    await sleep(DOWN_SECONDS * 1000);
    await stack.postgres.start();
    const faultEnd = now();
    log(`d. Postgres was down ${round((faultEnd - faultStart) / 1000, 1)} s`);
    const resumedAt = await waitForIngest(pagesSoFar());
    await sleep(2_000);
    phases.push({
      name: `d. Postgres restarted (down ${DOWN_SECONDS} s)`,
      start,
      faultStart,
      faultEnd,
      end: now(),
      notes: { ingestResumedAfterMs: resumedAt === null ? null : round(resumedAt - faultEnd, 0) },
    });
  }

  // Steady state again, then stop the traffic.
  {
    const start = now();
    await sleep(STEADY_SECONDS * 1000);
    phases.push({ name: "steady state after all faults", start, faultStart: now(), faultEnd: now(), end: now(), notes: {} });
  }
  traffic = false;
  await Promise.all([...readerLoops, writerDone]);
  sampling = false;
  await sampler;
  call.close();

  // ── Checks ──
  // Acknowledged favourites all in Postgres.
  const saved = new Set(
    (await stack.sql.query(`SELECT media_type::text || ':' || tmdb_id AS id FROM interaction WHERE user_id = $1 AND kind = 'favourite'`, [writer.id])).rows.map(
      (row) => row.id as string,
    ),
  );
  const lost = [...acknowledged].filter((id) => !saved.has(id));
  const unacknowledgedSaved = [...unacknowledged].filter((id) => saved.has(id)).length;

  // Cursors never went backwards: (cycle, nextPage) and pagesFetched never decrease per list.
  const backwards: string[] = [];
  const lastSeen = new Map<string, { cycle: number; nextPage: number; pagesFetched: number }>();
  for (const sample of samples) {
    for (const row of sample.rows) {
      const previous = lastSeen.get(row.list);
      if (
        previous &&
        (row.cycle < previous.cycle || (row.cycle === previous.cycle && row.nextPage < previous.nextPage) || row.pagesFetched < previous.pagesFetched)
      ) {
        backwards.push(`${row.list} at ${round((sample.at - t0) / 1000, 1)} s: ${JSON.stringify(previous)} → ${JSON.stringify(row)}`);
      }
      lastSeen.set(row.list, row);
    }
  }

  // List pages TMDB answered (200) more than once, and when the second answer started.
  const timeOrigin = performance.timeOrigin;
  const answered = new Map<string, number[]>();
  for (const entry of catalogue.requestLog()) {
    if (!LIST_PATHS.has(entry.path) || entry.status !== 200) continue;
    const page = new URLSearchParams(entry.query).get("page") ?? "1";
    const key = `${entry.path}?page=${page}`;
    answered.set(key, [...(answered.get(key) ?? []), entry.startedAt - timeOrigin]);
  }
  const refetched = [...answered.entries()]
    .filter(([, times]) => times.length > 1)
    .map(([key, times]) => ({ page: key, times: times.length, secondAt: times[1]! }));
  const finalCursors = samples.at(-1)?.rows ?? [];
  const pagesTotal = finalCursors.reduce((sum, row) => sum + row.pagesFetched, 0);

  const apiAlive = api.process.child.exitCode === null && api.process.child.pid === apiPid;
  const workerAlive = worker.child.exitCode === null;
  workerLogs.push(worker.output());
  const apiLog = api.process.output();
  const ingestJobs = await services.queues.ingest.getJobs(["completed", "failed", "active", "waiting", "delayed"], 0, 20);
  const ingestRuns = await Promise.all(
    ingestJobs.map(async (job) => ({
      id: job.id,
      name: job.name,
      state: await job.getState(),
      attemptsMade: job.attemptsMade,
      failedReason: job.failedReason?.slice(0, 300) ?? null,
      progress: job.progress,
    })),
  );

  // ── Per phase: requests, errors by code, latency, recovery ──
  const rows = phases.map((phase) => {
    const inWindow = (from: number, to: number) => records.filter((record) => record.end >= from && record.start <= to);
    const before = records.filter((record) => record.start >= phase.start && record.end < phase.faultStart);
    const during = inWindow(phase.faultStart, phase.faultEnd);
    const after = records.filter((record) => record.start > phase.faultEnd && record.start <= phase.end);
    const failed = [...during, ...after].filter((record) => record.problems.length);
    const byCode: Record<string, number> = {};
    for (const record of failed) for (const problem of new Set(record.problems)) byCode[problem] = (byCode[problem] ?? 0) + 1;
    const firstSuccess = records.filter((record) => record.end > phase.faultEnd && !record.problems.length).sort((a, b) => a.end - b.end)[0];
    const lastFailure = failed.sort((a, b) => b.end - a.end)[0];
    const duringMs = during.map((record) => record.end - record.start);
    const pageRefetches = refetched.filter((entry) => entry.secondAt >= phase.start && entry.secondAt <= phase.end);
    return {
      phase: phase.name,
      faultSeconds: round((phase.faultEnd - phase.faultStart) / 1000, 1),
      requestsBefore: before.length,
      errorsBefore: before.filter((record) => record.problems.length).length,
      requestsDuring: during.length,
      requestsAfter: after.length,
      errorsDuringAndAfter: failed.length,
      errorsByCode: byCode,
      errorsByOperation: Object.fromEntries(
        [...new Set(failed.map((record) => record.operation))].map((operation) => [
          operation,
          failed.filter((record) => record.operation === operation).length,
        ]),
      ),
      slowestDuringMs: duringMs.length ? round(Math.max(...duringMs), 0) : null,
      slowestDuringByOperation: Object.fromEntries(
        [...new Set(during.map((record) => record.operation))].map((operation) => [
          operation,
          round(Math.max(...during.filter((record) => record.operation === operation).map((record) => record.end - record.start)), 0),
        ]),
      ),
      p99DuringMs: duringMs.length ? round(percentile(duringMs, 99), 0) : null,
      firstSuccessAfterBackMs: firstSuccess ? round(firstSuccess.end - phase.faultEnd, 0) : null,
      lastErrorAfterBackMs: lastFailure ? round(lastFailure.end - phase.faultEnd, 0) : null,
      listPagesRefetched: pageRefetches.length,
      ...phase.notes,
    };
  });
  for (const row of rows) log(JSON.stringify(row));

  const codes = (byCode: Record<string, number>) =>
    Object.entries(byCode)
      .map(([code, count]) => `${count} ${code}`)
      .join(", ") || "none";
  const recovery = (row: (typeof rows)[number]) =>
    row.lastErrorAfterBackMs === null
      ? "no errors"
      : row.lastErrorAfterBackMs <= 0
        ? `errors ended before it was back (first success +${row.firstSuccessAfterBackMs} ms)`
        : `last error +${row.lastErrorAfterBackMs} ms, first success +${row.firstSuccessAfterBackMs} ms after it was back`;
  const [steady, a, b, c, d, steadyAfter] = rows as [(typeof rows)[number], ...typeof rows];
  const summary: SummaryRow[] = [
    {
      measure: "steady state before the faults: requests, errors",
      value: `${steady.requestsBefore}, ${steady.errorsBefore}`,
      target: "0 errors",
      met: steady.errorsBefore === 0,
    },
    {
      measure: "a. worker SIGKILLed mid-ingest: API requests during / after, errors",
      value: `${a!.requestsDuring} / ${a!.requestsAfter}, ${codes(a!.errorsByCode)}`,
      target: "0 errors",
      met: a!.errorsDuringAndAfter === 0,
    },
    {
      measure: "a. ingest after the kill: resumed by the new worker, list pages answered twice (≤ 1: the one in flight)",
      value: `resumed ${a!.ingestResumedAfterMs === null ? "never" : `${round(Number(a!.ingestResumedAfterMs) / 1000, 1)} s after the new worker started (lock ${WORKER_LOCK_MS / 1000} s)`}, ${a!.listPagesRefetched} re-fetched`,
      target: "resumed, ≤ 1",
      met: a!.ingestResumedAfterMs !== null && a!.listPagesRefetched <= 1,
    },
    {
      measure: `b. TMDB down ${b!.faultSeconds} s: cached reads during / after, errors`,
      value: `${b!.requestsDuring} / ${b!.requestsAfter}, ${codes(b!.errorsByCode)}`,
      target: "0 errors",
      met: b!.errorsDuringAndAfter === 0,
    },
    {
      measure: "b. ingest: error recorded on the cursor, resumed after TMDB was back",
      value: `${b!.ingestErrorRecorded ? "recorded" : "not recorded"}; resumed ${b!.ingestResumedAfterMs === null ? "never" : `+${round(Number(b!.ingestResumedAfterMs) / 1000, 1)} s`}; ${b!.listPagesRefetched} pages re-fetched`,
      target: "recorded, resumed",
      met: Boolean(b!.ingestErrorRecorded) && b!.ingestResumedAfterMs !== null,
    },
    {
      measure: `c. Redis down ${c!.faultSeconds} s: requests during, errors (by code), slowest answer during`,
      value: `${c!.requestsDuring}, ${codes(c!.errorsByCode)}, slowest ${c!.slowestDuringMs} ms`,
    },
    {
      measure: "c. after Redis: API recovery, ingest resumed, schedulers and queued job kept",
      value: `${recovery(c!)}; ingest ${c!.ingestResumedAfterMs === null ? "never resumed" : `+${round(Number(c!.ingestResumedAfterMs) / 1000, 1)} s`}; schedulers ${c!.schedulersKept ? "kept" : "LOST"} (${c!.schedulersAfter?.length ?? 0}), queued job ${c!.queuedJobAfter}`,
      target: "recovers, kept",
      met: c!.ingestResumedAfterMs !== null && Boolean(c!.schedulersKept) && c!.queuedJobAfter === "delayed",
    },
    {
      measure: `d. Postgres down ${d!.faultSeconds} s: requests during, errors (by code), slowest answer during`,
      value: `${d!.requestsDuring}, ${codes(d!.errorsByCode)}, slowest ${d!.slowestDuringMs} ms`,
      target: `no hang (< ${CLIENT_TIMEOUT_MS / 1000} s), clear codes`,
      met:
        !("TIMEOUT" in d!.errorsByCode) &&
        Object.keys(d!.errorsByCode).every((code) => ["SERVICE_UNAVAILABLE", "INTERNAL_SERVER_ERROR", "HTTP 503", "HTTP 500"].includes(code)),
    },
    {
      measure: "d. after Postgres: API recovery without a restart, ingest resumed",
      value: `${recovery(d!)}; ingest ${d!.ingestResumedAfterMs === null ? "never resumed" : `+${round(Number(d!.ingestResumedAfterMs) / 1000, 1)} s`}`,
    },
    {
      measure: "steady state after every fault: requests, errors",
      value: `${steadyAfter!.requestsBefore}, ${steadyAfter!.errorsBefore}`,
      target: "0 errors",
      met: steadyAfter!.errorsBefore === 0,
    },
    {
      measure: "acknowledged favourites lost (writer, whole run)",
      value: `${lost.length} of ${acknowledged.size} (not acknowledged: ${unacknowledged.size}, of which saved anyway ${unacknowledgedSaved})`,
      target: "0",
      met: lost.length === 0,
    },
    {
      measure: "ingest cursors gone backwards (sampled every 200 ms)",
      value: `${backwards.length} (${pagesTotal} pages ingested)`,
      target: "0",
      met: backwards.length === 0,
    },
    {
      measure: "processes restarted by us; API and worker running at the end",
      value: `${restartedByUs.join(", ") || "none"}; API ${apiAlive ? "same process, running" : "NOT running"}, worker ${workerAlive ? "running" : "NOT running"}`,
      target: "only the killed worker",
      met: restartedByUs.length === 1 && apiAlive && workerAlive,
    },
  ];
  log("e. npm start: SIGKILL the API, then the worker, under writes");
  const underStart = await startCommandFaults(log);
  summary.push(...underStart.rows);
  writeResult("faults", {
    title: `faults under traffic: worker killed, TMDB down, Redis and Postgres restarted (production build, ${TITLES} titles, ${READERS} readers + 1 writer); API and worker killed under npm start`,
    summary,
    config: {
      titles: TITLES,
      readers: READERS,
      downSeconds: DOWN_SECONDS,
      tmdbDownSeconds: TMDB_DOWN_SECONDS,
      workerLockMs: WORKER_LOCK_MS,
      clientTimeoutMs: CLIENT_TIMEOUT_MS,
      thinkMs: THINK_MS,
    },
    phases: rows,
    writes: { acknowledged: acknowledged.size, lost, unacknowledged: unacknowledged.size, unacknowledgedSaved },
    underStartCommand: underStart.details,
    cursors: { backwards, final: finalCursors },
    refetchedListPages: refetched.map((entry) => ({ ...entry, secondAt: round((entry.secondAt - t0) / 1000, 1) })),
    ingestRuns,
    apiLogLines: countLogLines(apiLog),
    workerLogLines: countLogLines(workerLogs.join("")),
    apiErrorLog: apiLog
      .split("\n")
      .filter((line) => line.includes('"level":50') || line.includes('"level":60'))
      .slice(0, 30)
      .map((line) => line.slice(0, 600)),
    workerLog: workerLogs
      .join("")
      .split("\n")
      .filter((line) => /"level":(40|50|60)|ingest run finished/.test(line))
      .slice(-60)
      .map((line) => line.slice(0, 600)),
  });
} finally {
  await stack.stop();
}
