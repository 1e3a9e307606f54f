// The summary rows of bench/faults.ts (what `npm run bench` prints): per stage what clients saw and
// how the product recovered, then the whole run's writes, cursors and processes.
import { round, type SummaryRow } from "../report.ts";
import { CLIENT_TIMEOUT_MS, WORKER_LOCK_MS } from "./config.ts";
import type { PhaseRow } from "./phase-rows.ts";

const codes = (byCode: Record<string, number>) =>
  Object.entries(byCode)
    .map(([code, count]) => `${count} ${code}`)
    .join(", ") || "none";
const recovery = (row: PhaseRow) =>
  row.lastErrorAfterBackMs === null
    ? "no errors"
    : row.lastErrorAfterBackMs <= 0
      ? `errors ended before it was back (first success +${row.firstSuccessAfterBackMs} ms)`
      : `last error +${row.lastErrorAfterBackMs} ms, first success +${row.firstSuccessAfterBackMs} ms after it was back`;

/** Steady state, a. and b. */
function beforeRedisRows(steady: PhaseRow, a: PhaseRow, b: PhaseRow): SummaryRow[] {
  return [
    {
      measure: "steady state before the faults: requests, errors",
      value: `${steady.requestsBefore}, ${steady.errorsBefore}`,
      target: "0 errors",
      met: steady.errorsBefore === 0,
    },
    {
      measure: "a. worker SIGKILLed mid-ingest: API requests during / after, errors",
      value: `${a.requestsDuring} / ${a.requestsAfter}, ${codes(a.errorsByCode)}`,
      target: "0 errors",
      met: a.errorsDuringAndAfter === 0,
    },
    {
      measure: "a. ingest after the kill: resumed by the new worker, list pages answered twice (≤ 1: the one in flight)",
      value: `resumed ${a.ingestResumedAfterMs === null ? "never" : `${round(Number(a.ingestResumedAfterMs) / 1000, 1)} s after the new worker started (lock ${WORKER_LOCK_MS / 1000} s)`}, ${a.listPagesRefetched} re-fetched`,
      target: "resumed, ≤ 1",
      met: a.ingestResumedAfterMs !== null && a.listPagesRefetched <= 1,
    },
    {
      measure: `b. TMDB down ${b.faultSeconds} s: cached reads during / after, errors`,
      value: `${b.requestsDuring} / ${b.requestsAfter}, ${codes(b.errorsByCode)}`,
      target: "0 errors",
      met: b.errorsDuringAndAfter === 0,
    },
    {
      measure: "b. ingest: error recorded on the cursor, resumed after TMDB was back",
      value: `${b.ingestErrorRecorded ? "recorded" : "not recorded"}; resumed ${b.ingestResumedAfterMs === null ? "never" : `+${round(Number(b.ingestResumedAfterMs) / 1000, 1)} s`}; ${b.listPagesRefetched} pages re-fetched`,
      target: "recorded, resumed",
      met: Boolean(b.ingestErrorRecorded) && b.ingestResumedAfterMs !== null,
    },
  ];
}

/** c., d. and the steady state after them. */
function fromRedisRows(c: PhaseRow, d: PhaseRow, steadyAfter: PhaseRow): SummaryRow[] {
  return [
    {
      measure: `c. Redis down ${c.faultSeconds} s: requests during, errors (by code), slowest answer during`,
      value: `${c.requestsDuring}, ${codes(c.errorsByCode)}, slowest ${c.slowestDuringMs} ms`,
    },
    {
      measure: "c. after Redis: API recovery, ingest resumed, schedulers and queued job kept",
      value: `${recovery(c)}; ingest ${c.ingestResumedAfterMs === null ? "never resumed" : `+${round(Number(c.ingestResumedAfterMs) / 1000, 1)} s`}; schedulers ${c.schedulersKept ? "kept" : "LOST"} (${c.schedulersAfter?.length ?? 0}), queued job ${c.queuedJobAfter}`,
      target: "recovers, kept",
      met: c.ingestResumedAfterMs !== null && Boolean(c.schedulersKept) && c.queuedJobAfter === "delayed",
    },
    {
      measure: `d. Postgres down ${d.faultSeconds} s: requests during, errors (by code), slowest answer during`,
      value: `${d.requestsDuring}, ${codes(d.errorsByCode)}, slowest ${d.slowestDuringMs} ms`,
      target: `no hang (< ${CLIENT_TIMEOUT_MS / 1000} s), clear codes`,
      met:
        !("TIMEOUT" in d.errorsByCode) &&
        Object.keys(d.errorsByCode).every((code) => ["SERVICE_UNAVAILABLE", "INTERNAL_SERVER_ERROR", "HTTP 503", "HTTP 500"].includes(code)),
    },
    {
      measure: "d. after Postgres: API recovery without a restart, ingest resumed",
      value: `${recovery(d)}; ingest ${d.ingestResumedAfterMs === null ? "never resumed" : `+${round(Number(d.ingestResumedAfterMs) / 1000, 1)} s`}`,
    },
    {
      measure: "steady state after every fault: requests, errors",
      value: `${steadyAfter.requestsBefore}, ${steadyAfter.errorsBefore}`,
      target: "0 errors",
      met: steadyAfter.errorsBefore === 0,
    },
  ];
}

export interface WholeRun {
  lost: string[];
  acknowledged: number;
  unacknowledged: number;
  unacknowledgedSaved: number;
  backwards: string[];
  pagesTotal: number;
  restartedByUs: string[];
  apiAlive: boolean;
  workerAlive: boolean;
}

function wholeRunRows(run: WholeRun): SummaryRow[] {
  const { lost, backwards, restartedByUs, apiAlive, workerAlive } = run;
  return [
    {
      measure: "acknowledged favourites lost (writer, whole run)",
      value: `${lost.length} of ${run.acknowledged} (not acknowledged: ${run.unacknowledged}, of which saved anyway ${run.unacknowledgedSaved})`,
      target: "0",
      met: lost.length === 0,
    },
    {
      measure: "ingest cursors gone backwards (sampled every 200 ms)",
      value: `${backwards.length} (${run.pagesTotal} pages ingested)`,
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
}

export function summaryRows(rows: PhaseRow[], run: WholeRun): SummaryRow[] {
  const [steady, a, b, c, d, steadyAfter] = rows as [PhaseRow, ...PhaseRow[]];
  return [...beforeRedisRows(steady, a!, b!), ...fromRedisRows(c!, d!, steadyAfter!), ...wholeRunRows(run)];
}
