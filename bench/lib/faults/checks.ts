// The checks of bench/faults.ts once the traffic has stopped: every acknowledged favourite in
// Postgres, ingest cursors that never went backwards, list pages TMDB answered more than once, and
// the ingest runs BullMQ kept.
import { round } from "../report.ts";
import type { Stack } from "../stack.ts";
import { LIST_PATHS, type CursorSample } from "./config.ts";
import type { Traffic } from "./traffic.ts";

/** Acknowledged favourites all in Postgres. */
export async function checkWrites(stack: Stack, writerId: string, traffic: Traffic) {
  const saved = new Set(
    (await stack.sql.query(`SELECT media_type::text || ':' || tmdb_id AS id FROM interaction WHERE user_id = $1 AND kind = 'favourite'`, [writerId])).rows.map(
      (row) => row.id as string,
    ),
  );
  const lost = [...traffic.acknowledged].filter((id) => !saved.has(id));
  const unacknowledgedSaved = [...traffic.unacknowledged].filter((id) => saved.has(id)).length;
  return { lost, unacknowledgedSaved };
}

/** Cursors never went backwards: (cycle, nextPage) and pagesFetched never decrease per list. */
export function cursorsGoneBackwards(samples: CursorSample[], t0: number): string[] {
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
  return backwards;
}

export interface Refetch {
  page: string;
  times: number;
  /** When the second answer started (performance.now() time). */
  secondAt: number;
}

/** List pages TMDB answered (200) more than once, and when the second answer started. */
export function refetchedListPages(catalogue: Stack["catalogue"]): Refetch[] {
  const timeOrigin = performance.timeOrigin;
  const answered = new Map<string, number[]>();
  for (const entry of catalogue.requestLog()) {
    if (!LIST_PATHS.has(entry.path) || entry.status !== 200) continue;
    const page = new URLSearchParams(entry.query).get("page") ?? "1";
    const key = `${entry.path}?page=${page}`;
    answered.set(key, [...(answered.get(key) ?? []), entry.startedAt - timeOrigin]);
  }
  return [...answered.entries()].filter(([, times]) => times.length > 1).map(([key, times]) => ({ page: key, times: times.length, secondAt: times[1]! }));
}

export async function ingestRunsOf(services: Stack["services"]) {
  const ingestJobs = await services.queues.ingest.getJobs(["completed", "failed", "active", "waiting", "delayed"], 0, 20);
  return Promise.all(
    ingestJobs.map(async (job) => ({
      id: job.id,
      name: job.name,
      state: await job.getState(),
      attemptsMade: job.attemptsMade,
      failedReason: job.failedReason?.slice(0, 300) ?? null,
      progress: job.progress,
    })),
  );
}
