// The report of bench/load.ts: per-operation latency (server-side from Server-Timing, and client),
// errors and wrong answers, what the worker did meanwhile, whether the processes survived; and
// bench/results/load.json.
import { log, percentile, round, writeResult, type SummaryRow } from "../report.ts";
import { CROWD, MIX, SECONDS, STALE, THINK_MS, TITLES, USERS } from "./config.ts";
import type { runLoad } from "./run.ts";
import type { Session } from "./session.ts";

export interface LoadOutcome {
  run: Awaited<ReturnType<typeof runLoad>>;
  lost: number;
  extra: number;
  apiAlive: boolean;
  workerAlive: boolean;
  apiLog: string;
}

function perOperationOf(s: Session) {
  return Object.entries(s.stats)
    .filter(([, stat]) => stat.clientMs.length)
    .map(([operation, stat]) => ({
      operation,
      requests: stat.clientMs.length,
      errors: stat.errors,
      clientP50Ms: round(percentile(stat.clientMs, 50)),
      clientP99Ms: round(percentile(stat.clientMs, 99)),
      serverP50Ms: stat.serverMs.length ? round(percentile(stat.serverMs, 50)) : null,
      serverP99Ms: stat.serverMs.length ? round(percentile(stat.serverMs, 99)) : null,
    }));
}

function totalsOf(s: Session, outcome: LoadOutcome) {
  const { seconds, actions } = outcome.run;
  const all = Object.values(s.stats);
  const requests = all.reduce((sum, stat) => sum + stat.clientMs.length, 0);
  const errors = all.reduce((sum, stat) => sum + stat.errors, 0);
  const wrongAnswers = [...s.wrong.values()].reduce((sum, count) => sum + count, 0);
  return {
    requests,
    actions,
    seconds: round(seconds, 1),
    requestsPerSecond: round(requests / seconds, 1),
    errors,
    wrongAnswers,
    lost: outcome.lost,
    extra: outcome.extra,
  };
}

function summaryOf(s: Session, outcome: LoadOutcome, perOperation: ReturnType<typeof perOperationOf>): SummaryRow[] {
  const { seconds, actions, worker } = outcome.run;
  const { requests, errors, wrongAnswers, lost, extra } = totalsOf(s, outcome);
  const { apiAlive, workerAlive } = outcome;
  const all = Object.values(s.stats);
  const allClient = all.flatMap((stat) => stat.clientMs);
  const allServer = all.flatMap((stat) => stat.serverMs);
  return [
    {
      measure: `requests in ${round(seconds, 0)} s, ${USERS} users, think time 0–${THINK_MS} ms`,
      value: `${requests} (${round(requests / seconds, 0)} req/s, ${actions} actions)`,
    },
    { measure: "errors (HTTP non-200, GraphQL errors, no answer)", value: String(errors), target: "0", met: errors === 0 },
    {
      measure: "wrong answers (against each user's own actions; end state in Postgres)",
      value: `${wrongAnswers} (lost ${lost}, unexpected ${extra})`,
      target: "0",
      met: wrongAnswers === 0,
    },
    {
      measure: "all requests p50 / p99, server-side (client)",
      value: `${round(percentile(allServer, 50))} / ${round(percentile(allServer, 99))} ms (${round(percentile(allClient, 50))} / ${round(percentile(allClient, 99))})`,
    },
    ...perOperation.map((row) => ({
      measure: `${row.operation} p50 / p99 server-side (client), ${row.requests} requests`,
      value: `${row.serverP50Ms} / ${row.serverP99Ms} ms (${row.clientP50Ms} / ${row.clientP99Ms})`,
    })),
    {
      measure: "worker meanwhile: TMDB requests, details rewritten, list pages",
      value: `${worker.tmdbRequests} requests, ${worker.detailsRewritten} details, ${worker.cursors.reduce((sum, row) => sum + Number(row.pages_fetched), 0)} pages`,
    },
    {
      measure: "CPU in cores (of the machine's): API, worker, Postgres, Redis, bench",
      value: `${round(outcome.run.cpu.total, 2)} of ${outcome.run.cpu.available}: ${Object.entries(outcome.run.cpu.cores)
        .sort(([, a], [, b]) => b - a)
        .map(([group, cores]) => `${group} ${round(cores, 2)}`)
        .join(", ")}`,
    },
    {
      measure: "API and worker processes still running",
      value: `${apiAlive && workerAlive ? "yes" : `no (api ${apiAlive}, worker ${workerAlive})`}`,
      target: "yes",
      met: apiAlive && workerAlive,
    },
  ];
}

export function reportLoad(s: Session, outcome: LoadOutcome): void {
  const perOperation = perOperationOf(s);
  for (const row of perOperation) log(JSON.stringify(row));
  for (const statement of outcome.run.statements)
    log(
      `pg ${round(statement.share * 100, 1)} % ${statement.calls} calls, mean ${round(statement.meanMs, 2)} ms, ${statement.rows} rows: ${statement.query.replace(/\s+/g, " ").slice(0, 300)}`,
    );
  for (const statement of outcome.run.frequentStatements)
    log(
      `pg ${statement.calls} calls (${round(statement.calls / outcome.run.seconds, 1)}/s), mean ${round(statement.meanMs, 2)} ms: ${statement.query.replace(/\s+/g, " ").slice(0, 200)}`,
    );
  log(`problems: ${JSON.stringify(Object.fromEntries(s.problems))}; wrong answers: ${JSON.stringify(Object.fromEntries(s.wrong))}`);
  if (s.examples.length) log(`examples:\n  ${s.examples.join("\n  ")}`);

  writeResult("load", {
    title: `${USERS} simulated users, mixed reads and writes, ${SECONDS} s, production build (API and worker processes), ${TITLES} titles`,
    summary: summaryOf(s, outcome, perOperation),
    config: {
      seconds: SECONDS,
      users: USERS,
      titles: TITLES,
      staleDetails: STALE,
      crowd: CROWD,
      thinkMs: THINK_MS,
      mix: Object.fromEntries(MIX),
      tmdbLatencyMs: 60,
    },
    totals: totalsOf(s, outcome),
    problems: Object.fromEntries(s.problems),
    wrongAnswers: Object.fromEntries(s.wrong),
    examples: s.examples,
    perOperation,
    worker: outcome.run.worker,
    cpu: outcome.run.cpu,
    topStatements: outcome.run.statements.map((statement) => ({ ...statement, query: statement.query.replace(/\s+/g, " ").slice(0, 500) })),
    apiLogTail: outcome.apiLog.slice(-4_000),
  });
}
