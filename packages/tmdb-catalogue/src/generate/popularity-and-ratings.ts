// Synthetic numbers for titles: popularity (a heavy-tailed draw), vote counts, vote averages by
// genre, and age certifications (US movie ratings, US tv ratings).
import type { Rng } from "../random.ts";
import { clamp, round3 } from "./common.ts";

export function syntheticPopularity(rng: Rng): number {
  const u = rng.float();
  let pop = 0.6 * Math.pow(1 - u, -1 / 1.15);
  if (pop > 1500) pop = 1500 + 40 * Math.sqrt(pop - 1500);
  return pop;
}

export function syntheticVotes(rng: Rng, pop: number, released: boolean, daysSinceRelease: number): number {
  if (!released) return 0;
  let vc = 25 * Math.pow(pop, 1.15) * rng.logNormal(0.6);
  if (daysSinceRelease < 180) vc *= 0.4;
  return Math.min(40_000, Math.round(vc));
}

const RATING_ADJUST: Readonly<Record<number, number>> = { 99: 0.6, 16: 0.3, 36: 0.3, 10752: 0.3, 18: 0.15, 27: -0.7, 10770: -0.3, 10764: -0.8, 10766: -0.3 };

export function syntheticRating(rng: Rng, voteCount: number, genreIds: readonly number[]): number {
  if (voteCount === 0) return 0;
  let r = rng.normal(6.3, 0.85) + (RATING_ADJUST[genreIds[0] ?? 0] ?? 0) + 0.12 * (Math.log10(voteCount + 1) - 2);
  if (voteCount < 20) r += rng.normal(0, 1.3 / Math.sqrt(voteCount));
  return round3(clamp(r, 0.5, 10));
}

export function movieCertification(rng: Rng, genreIds: readonly number[], adult: boolean, country: string): string {
  if (adult) return "NC-17";
  if (country !== "US" && rng.chance(0.5)) return "";
  if (rng.chance(0.08)) return "NR";
  const has = (g: number) => genreIds.includes(g);
  if (has(16) || has(10751))
    return rng.weighted([
      ["G", 3],
      ["PG", 6],
      ["PG-13", 1],
    ]);
  if (has(27))
    return rng.weighted([
      ["R", 8],
      ["PG-13", 2],
    ]);
  if (has(53) || has(80) || has(10752))
    return rng.weighted([
      ["R", 6],
      ["PG-13", 4],
    ]);
  return rng.weighted([
    ["PG-13", 5],
    ["R", 4],
    ["PG", 2],
  ]);
}

export function tvRating(rng: Rng, genreIds: readonly number[]): string {
  const has = (g: number) => genreIds.includes(g);
  if (has(10762))
    return rng.weighted([
      ["TV-Y", 1],
      ["TV-Y7", 1],
    ]);
  if (has(16) && has(10751))
    return rng.weighted([
      ["TV-G", 1],
      ["TV-PG", 1],
    ]);
  if (has(80) || has(9648))
    return rng.weighted([
      ["TV-MA", 5],
      ["TV-14", 5],
    ]);
  return rng.weighted([
    ["TV-14", 5],
    ["TV-PG", 3],
    ["TV-MA", 3],
    ["TV-G", 1],
  ]);
}
