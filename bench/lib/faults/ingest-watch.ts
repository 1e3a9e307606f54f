// The ingest of bench/faults.ts, watched from outside: the cursors sampled from Postgres every
// 200 ms, waiting until they move, and asking for a run whenever none is running or waiting.
import { requestIngestRun } from "../../../apps/api/src/modules/ingest/ingest-queue.ts";
import type { Stack } from "../stack.ts";
import { now, sleep, type CursorSample } from "./config.ts";

export function watchIngest(stack: Stack) {
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
    const counts = await stack.services.queues.ingest.getJobCounts("active", "waiting", "delayed", "prioritized");
    if (Object.values(counts).every((count) => count === 0)) await requestIngestRun(stack.services.queues.ingest, { reason: "cli" });
  };
  const stop = async () => {
    sampling = false;
    await sampler;
  };
  return { samples, pagesSoFar, waitForIngest, keepIngesting, stop };
}

export type IngestWatch = ReturnType<typeof watchIngest>;
