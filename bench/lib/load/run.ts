// The load itself in bench/load.ts: a warm-up (every user's first ranking, then each kind of action
// once; not measured), an ingest run and a details sweep asked for, then every user acting until the
// deadline — an action picked by the mix, then 0–THINK_MS ms of thinking — and what the worker did
// meanwhile.
import { requestIngestRun } from "../../../apps/api/src/modules/ingest/ingest-queue.ts";
import { cpuShares, cpuSnapshot } from "../cpu-usage.ts";
import { log } from "../report.ts";
import { topStatements, type Stack } from "../stack.ts";
import { MIX, MIX_TOTAL, Q, SECONDS, THINK_MS, USERS, type Operation, type SimUser } from "./config.ts";
import * as read from "./read-actions.ts";
import type { Call, Session } from "./session.ts";
import * as write from "./write-actions.ts";

/** One user's action of the given kind, with its checks. */
export function actor(s: Session): write.Act {
  const act: write.Act = (user, operation) => handlers[operation](s, user, act);
  return act;
}

const handlers: Record<Operation, (s: Session, user: SimUser, act: write.Act) => Promise<void>> = {
  recommendations: read.recommendations,
  browse: read.browse,
  searchMedia: read.searchMedia,
  media: read.media,
  favourites: read.favourites,
  watchlist: read.watchlist,
  addFavourite: write.addFavourite,
  removeFavourite: write.removeFavourite,
  addToWatchlist: write.addToWatchlist,
  markWatched: write.markWatched,
  dismiss: write.dismiss,
  undoDismiss: write.undoDismiss,
  updatePreferences: write.updatePreferences,
};

const freshDetails = async (stack: Stack) =>
  Number((await stack.sql.query("SELECT count(*) FROM media_cache WHERE details_fetched_at > now() - interval '1 day'")).rows[0].count);

/** pids of the product processes, to tell their CPU apart. */
export type ProcessNames = Record<number, string>;

export async function runLoad(stack: Stack, users: SimUser[], call: Call, session: Session, processNames: ProcessNames) {
  const { services } = stack;
  const act = actor(session);
  // Warm up, not measured (answers still checked): every user's first ranking at once, then every
  // user through each kind of action once, so that each API process has run every operation before
  // the clock starts (JIT, Prisma's query plans). Without the second part a rare operation's p99 was
  // its first few answers: markWatched's slowest six all came in the run's first 2.2 s, and its p99
  // without the first 5 s was 113 ms against 286 ms (bench/README.md, 2026-12-05 evening).
  await Promise.all(users.map((user) => call(Q.recommendations, {}, user.token)));
  await Promise.all(
    users.map(async (user) => {
      for (const [operation] of MIX) await act(user, operation);
    }),
  );
  session.resetStats();
  await requestIngestRun(services.queues.ingest, { reason: "cli" });
  await services.queues.detailsRefresh.add("details-refresh", {});
  stack.catalogue.resetCounts();
  const detailsBefore = await freshDetails(stack);

  const pgStats = process.env.BENCH_PG_STATS === "1";
  if (pgStats) await stack.sql.query("SELECT pg_stat_statements_reset()");
  log(`load: ${USERS} users for ${SECONDS} s`);
  const cpuBefore = cpuSnapshot(processNames);
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  let actions = 0;
  await Promise.all(
    users.map(async (user) => {
      while (performance.now() < deadline) {
        let roll = user.random() * MIX_TOTAL;
        const operation = MIX.find(([, weight]) => (roll -= weight) < 0)?.[0] ?? "recommendations";
        await act(user, operation);
        actions += 1;
        await new Promise((resolve) => setTimeout(resolve, user.random() * THINK_MS));
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = cpuShares(cpuBefore, cpuSnapshot(processNames));
  const statements = pgStats ? await topStatements(stack.sql) : [];
  // Every statement is a round trip: the most frequent ones say which requests to make fewer.
  const frequentStatements = pgStats ? await topStatements(stack.sql, 12, "calls") : [];

  // What the worker did meanwhile.
  const tmdbRequests = stack.catalogue.totalRequests();
  const detailsAfter = await freshDetails(stack);
  const cursors = (await stack.sql.query("SELECT list, pages_fetched FROM ingest_cursor ORDER BY list")).rows;
  return { seconds, actions, cpu, statements, frequentStatements, worker: { tmdbRequests, detailsRewritten: detailsAfter - detailsBefore, cursors } };
}
