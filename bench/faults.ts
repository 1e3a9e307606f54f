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
// The parts, in bench/lib/faults/: config.ts (settings, operations, records), traffic.ts (the
// clients), ingest-watch.ts (cursor samples), phases.ts (steady state, a–d), checks.ts (writes,
// cursors, re-fetched pages), phase-rows.ts and summary.ts (figures), report.ts (the result file).
//
// Run: npm run bench -- faults   (FAULTS_TITLES, FAULTS_READERS, FAULTS_DOWN_SECONDS change the
// sizes; writes bench/results/faults.json)
import { popularTitles } from "./lib/crowd.ts";
import { log } from "./lib/report.ts";
import { cacheWholeCatalogue } from "./lib/seed-cache.ts";
import { startCommandFaults } from "./lib/start-command-faults.ts";
import { graphqlClient, startStack } from "./lib/stack.ts";
import { checkWrites, cursorsGoneBackwards, ingestRunsOf, refetchedListPages } from "./lib/faults/checks.ts";
import { CLIENT_TIMEOUT_MS, now, TITLES, WORKER_LOCK_MS } from "./lib/faults/config.ts";
import { watchIngest } from "./lib/faults/ingest-watch.ts";
import { phaseRow } from "./lib/faults/phase-rows.ts";
import { killWorker, postgresRestart, redisRestart, steadyAfter, steadyBefore, tmdbDown, type FaultRun } from "./lib/faults/phases.ts";
import { writeFaultsResult } from "./lib/faults/report.ts";
import { summaryRows } from "./lib/faults/summary.ts";
import { createClients, startTraffic } from "./lib/faults/traffic.ts";

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
  const clients = await createClients(services, popular);

  const api = await stack.startApi();
  const apiPid = api.process.child.pid;
  const worker = await stack.startWorker({ LOG_LEVEL: "info" });
  const call = graphqlClient(api.url, { timeoutMs: CLIENT_TIMEOUT_MS });

  // ── The ingest, watched from outside; traffic: readers and the writer, every call recorded ──
  const ingest = watchIngest(stack);
  const traffic = startTraffic(call, clients, popular, searchTerms);

  // ── Phases ──
  const run: FaultRun = { stack, ingest, popular, t0, worker, workerLogs: [], restartedByUs: [], phases: [] };
  for (const phase of [steadyBefore, killWorker, tmdbDown, redisRestart, postgresRestart, steadyAfter]) await phase(run);
  await traffic.stop();
  await ingest.stop();
  call.close();

  // ── Checks ──
  const { lost, unacknowledgedSaved } = await checkWrites(stack, clients.writer.id, traffic);
  const backwards = cursorsGoneBackwards(ingest.samples, t0);
  const refetched = refetchedListPages(catalogue);
  const finalCursors = ingest.samples.at(-1)?.rows ?? [];
  const pagesTotal = finalCursors.reduce((sum, row) => sum + row.pagesFetched, 0);

  const apiAlive = api.process.child.exitCode === null && api.process.child.pid === apiPid;
  const workerAlive = run.worker.child.exitCode === null;
  run.workerLogs.push(run.worker.output());
  const apiLog = api.process.output();
  const ingestRuns = await ingestRunsOf(services);

  // ── Per phase: requests, errors by code, latency, recovery ──
  const rows = run.phases.map((phase) => phaseRow(phase, traffic.records, refetched));
  for (const row of rows) log(JSON.stringify(row));
  const { acknowledged, unacknowledged } = traffic;
  const summary = summaryRows(rows, {
    lost,
    acknowledged: acknowledged.size,
    unacknowledged: unacknowledged.size,
    unacknowledgedSaved,
    backwards,
    pagesTotal,
    restartedByUs: run.restartedByUs,
    apiAlive,
    workerAlive,
  });
  log("e. npm start: SIGKILL the API, then the worker, under writes");
  const underStart = await startCommandFaults(log);
  summary.push(...underStart.rows);
  writeFaultsResult({
    summary,
    rows,
    writes: { acknowledged: acknowledged.size, lost, unacknowledged: unacknowledged.size, unacknowledgedSaved },
    underStartCommand: underStart.details,
    cursors: { backwards, final: finalCursors },
    refetched,
    ingestRuns,
    apiLog,
    workerLogs: run.workerLogs,
    t0,
  });
} finally {
  await stack.stop();
}
