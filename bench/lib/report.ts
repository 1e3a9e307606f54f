// What every benchmark shares: a log line prefix, percentiles, and one result file per benchmark
// (`bench/results/<name>.json`) whose `summary` rows `npm run bench` prints in one table.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

export const log = (message: string) => process.stdout.write(`[bench] ${message}\n`);

/** Nearest-rank percentile (p in 0..100) of a non-empty list of numbers. */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) throw new Error("percentile of an empty list");
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const round = (value: number, digits = 1) => Number(value.toFixed(digits));

export interface SummaryRow {
  /** What was measured, e.g. "recommendations p50 / p99, 200 favourites, concurrency 32". */
  measure: string;
  /** The figure as a person reads it, e.g. "12.1 / 40.3 ms (ratio to raw SQL 1.6)". */
  value: string;
  /** The target when there is one, e.g. "p50 ≤ 15 ms"; with `met` it shows as ✓ or ✗. */
  target?: string;
  met?: boolean;
}

/** Writes `bench/results/<name>.json` with the summary first and the raw figures after it. */
export function writeResult(name: string, result: { title: string; summary: SummaryRow[]; [key: string]: unknown }): void {
  const directory = path.join(import.meta.dirname, "..", "results");
  mkdirSync(directory, { recursive: true });
  const file = path.join(directory, `${name}.json`);
  writeFileSync(file, `${JSON.stringify({ name, measuredAt: new Date().toISOString(), ...result }, null, 2)}\n`);
  log(`wrote ${path.relative(process.cwd(), file)}`);
}
