// bench/results/faults.json: the summary, the settings, every phase's figures, the writes, the
// cursors, the re-fetched list pages, the ingest runs, and what the API and the workers logged.
import { round, writeResult, type SummaryRow } from "../report.ts";
import { CLIENT_TIMEOUT_MS, DOWN_SECONDS, READERS, THINK_MS, TITLES, TMDB_DOWN_SECONDS, WORKER_LOCK_MS } from "./config.ts";
import type { ingestRunsOf, Refetch } from "./checks.ts";
import type { PhaseRow } from "./phase-rows.ts";

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

export interface FaultsResult {
  summary: SummaryRow[];
  rows: PhaseRow[];
  writes: { acknowledged: number; lost: string[]; unacknowledged: number; unacknowledgedSaved: number };
  underStartCommand: Record<string, unknown>;
  cursors: { backwards: string[]; final: unknown[] };
  refetched: Refetch[];
  ingestRuns: Awaited<ReturnType<typeof ingestRunsOf>>;
  apiLog: string;
  workerLogs: string[];
  t0: number;
}

export function writeFaultsResult(result: FaultsResult): void {
  const { apiLog, workerLogs, t0 } = result;
  writeResult("faults", {
    title: `faults under traffic: worker killed, TMDB down, Redis and Postgres restarted (production build, ${TITLES} titles, ${READERS} readers + 1 writer); API and worker killed under npm start`,
    summary: result.summary,
    config: {
      titles: TITLES,
      readers: READERS,
      downSeconds: DOWN_SECONDS,
      tmdbDownSeconds: TMDB_DOWN_SECONDS,
      workerLockMs: WORKER_LOCK_MS,
      clientTimeoutMs: CLIENT_TIMEOUT_MS,
      thinkMs: THINK_MS,
    },
    phases: result.rows,
    writes: result.writes,
    underStartCommand: result.underStartCommand,
    cursors: result.cursors,
    refetchedListPages: result.refetched.map((entry) => ({ ...entry, secondAt: round((entry.secondAt - t0) / 1000, 1) })),
    ingestRuns: result.ingestRuns,
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
}
