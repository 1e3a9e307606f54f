// Load: 50 simulated users at once, for 60 s, each doing what a person in the app does — mostly
// recommendations, then browsing, searching, title pages (with similar titles), their lists, and
// changes: favourites, watchlist, dismissals, preferences — with 0–200 ms between actions.
//
// The product runs as in production: the API and the worker are their production builds, each its
// own process (bench/lib/stack.ts), on Postgres, Redis and the offline TMDB catalogue (20,000
// titles, 60 ms per answer). MediaCache holds the whole catalogue, but a slice of it has stale
// details and an ingest run is asked for as load starts, so the worker pages TMDB's lists and
// rewrites details into the same tables the users read while they read them.
//
// Every answer is checked: HTTP status, GraphQL errors, and wrong answers against what each user's
// own actions imply (each user acts one step at a time, so its state is known exactly): a favourite
// just added is in `favourites` (same set, newest first), a title on a list or dismissed is never
// recommended, `isFavourite`/`inWatchlist`/`isDismissed` on title pages and browse results agree.
// At the end each user's favourites, watchlist and dismissals in Postgres must equal that state.
//
// The parts, in bench/lib/load/: config.ts (sizes, operations, mix, a user's state), seed.ts (data
// and users), session.ts (recording and shared checks), read-actions.ts and write-actions.ts (what
// a user does), run.ts (the load), end-state.ts (Postgres against each user), report.ts.
//
// Run: npm run bench -- load   (LOAD_SECONDS, LOAD_USERS, LOAD_TITLES, LOAD_STALE change the sizes;
// BENCH_PG_STATS=1 adds Postgres' top statements, BENCH_API_NODE_ARGS / BENCH_WORKER_NODE_ARGS
// CPU profiles (bench/lib/stack.ts); writes bench/results/load.json)
import { log } from "./lib/report.ts";
import { graphqlClient, startStack } from "./lib/stack.ts";
import { TITLES } from "./lib/load/config.ts";
import { checkEndState } from "./lib/load/end-state.ts";
import { reportLoad } from "./lib/load/report.ts";
import { runLoad } from "./lib/load/run.ts";
import { seed } from "./lib/load/seed.ts";
import { createSession } from "./lib/load/session.ts";

const backingLog = (message: string) => log(message);
const stack = await startStack({ name: "load", titles: TITLES, tmdbLatencyMs: 60, log: backingLog });
try {
  const { popular, users, searchTerms } = await seed(stack);

  const api = await stack.startApi();
  const worker = await stack.startWorker({ LOG_LEVEL: "info" });
  const call = graphqlClient(api.url, { timeoutMs: 30_000 });
  const session = createSession(call, popular, searchTerms);

  const processNames = { [api.process.child.pid ?? -1]: "API", [worker.child.pid ?? -1]: "worker" };
  const run = await runLoad(stack, users, call, session, processNames);
  // Each user's lists in Postgres against what their own acknowledged actions imply.
  const { lost, extra } = await checkEndState(stack, users, session);
  call.close();
  const apiAlive = api.process.child.exitCode === null;
  const workerAlive = worker.child.exitCode === null;
  const apiLog = api.process.output();

  reportLoad(session, { run, lost, extra, apiAlive, workerAlive, apiLog });
} finally {
  await stack.stop();
}
