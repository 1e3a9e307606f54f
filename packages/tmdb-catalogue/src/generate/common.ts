// Small helpers shared by the generator's modules: the reference date in milliseconds, ISO dates,
// rounding and clamping.
import { REFERENCE_DATE } from "../model.ts";

export const DAY_MS = 86_400_000;
export const REF_MS = Date.parse(`${REFERENCE_DATE}T00:00:00Z`);

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function dateMs(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

export function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
