// Small, pure signal functions the ranking's parts share: clamping, the Bayesian rating and its
// quality score, id-list hygiene, billing and era closeness.

/** Bayesian weighted rating: prior mean C and prior strength m (votes). */
export const BAYES_PRIOR_MEAN = 6.0;
export const BAYES_PRIOR_VOTES = 25;

export function clamp01(x: number): number {
  return x <= 0 || Number.isNaN(x) ? 0 : x >= 1 ? 1 : x;
}

/** Bayesian weighted rating WR = v/(v+m)·R + m/(v+m)·C; null or zero votes give C. */
export function bayesianRating(voteAverage: number | null, voteCount: number | null, m = BAYES_PRIOR_VOTES, c = BAYES_PRIOR_MEAN): number {
  const v = voteCount !== null && voteCount > 0 && voteAverage !== null && Number.isFinite(voteAverage) ? voteCount : 0;
  if (v === 0) return c;
  return (v / (v + m)) * (voteAverage as number) + (m / (v + m)) * c;
}

/** WR mapped linearly from [4.5, 8.5] to [0, 1] (C = 6.0 → 0.375). */
export function qualityScore(voteAverage: number | null, voteCount: number | null): number {
  return clamp01((bayesianRating(voteAverage, voteCount) - 4.5) / 4);
}

/** "12,000" without depending on the runtime's locale data. */
export function formatCount(n: number): string {
  const s = String(Math.round(Math.abs(n)));
  let out = "";
  for (let i = 0; i < s.length; i++) {
    if (i > 0 && (s.length - i) % 3 === 0) out += ",";
    out += s[i];
  }
  return n < 0 ? `-${out}` : out;
}

/** Unique values of a small id list (first `max` entries), keeping order. */
export function uniq(ids: readonly number[], max = Infinity): number[] {
  const out: number[] = [];
  const n = Math.min(ids.length, max);
  for (let i = 0; i < n; i++) {
    const id = ids[i] as number;
    if (!out.includes(id)) out.push(id);
  }
  return out;
}

/** Top-billed cast considered for people signals; the rest of a cast list is noise. */
export const CAST_DEPTH = 10;
/** How much a cast member counts by billing position (0 = top-billed). */
export function billing(i: number): number {
  return i < 3 ? 1 : i < 6 ? 0.7 : 0.5;
}

const ERA_SIM = new Float64Array(301).map((_, d) => Math.exp(-d / 10));
/** Closeness of two release years: 1 for the same year, e^(−d/10) apart. */
export function eraSim(a: number, b: number): number {
  const d = Math.min(300, Math.abs(a - b));
  return ERA_SIM[d] as number;
}
