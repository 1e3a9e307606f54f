// Diversity: a greedy MMR re-rank of the best-scored items, with a per-seed cap per block of
// positions, built so that a list never depends on the page size.
import { popcount } from "./id-sets.ts";
import { attributedSeed } from "./reasons.ts";
import { compareScored, type ScoredCandidate } from "./score-candidates.ts";
import type { CandidateTitle } from "./types.ts";
import { MMR_LAMBDA } from "./weights.ts";

/**
 * The diversity re-rank works on fixed blocks of this many positions, whatever page size is asked
 * for, so that a list never depends on the page size: `first: 10` is the prefix of `first: 20`,
 * and `after` continues it exactly (greedy choices depend only on the choices before them).
 */
export const DIVERSITY_BLOCK = 10;
/** How many of the best-scored items the re-rank chooses from; past them the list is by score. */
export const DIVERSITY_POOL = 300;

/** Per-seed cap within a block: at most this many items of a block attributed to one seed. */
export function maxPerSeed(block: number = DIVERSITY_BLOCK): number {
  return Math.max(2, Math.ceil(block * 0.3));
}

/** Similarity of two items for MMR: genre Jaccard (0.7) and shared top people (0.3). */
export function itemSimilarity(a: CandidateTitle, b: CandidateTitle): number {
  let inter = 0;
  for (const g of a.genreIds) if (b.genreIds.includes(g)) inter++;
  const union = a.genreIds.length + b.genreIds.length - inter;
  const genre = union > 0 ? inter / union : 0;
  let shared = 0;
  for (const p of a.directorIds) if (b.directorIds.includes(p)) shared++;
  // the top five billed of each
  const ac = Math.min(5, a.castIds.length);
  const bc = Math.min(5, b.castIds.length);
  for (let i = 0; i < ac && shared < 2; i++) {
    const p = a.castIds[i];
    for (let j = 0; j < bc; j++) {
      if (b.castIds[j] === p) {
        shared++;
        break;
      }
    }
  }
  return 0.7 * genre + 0.3 * Math.min(1, shared / 2);
}

/** An item's MMR features, compiled once per re-rank (itemSimilarity's inputs in a form cheap to compare). */
interface MmrFeatures {
  /** Its genres as bits over the pool's genres; null when that cannot be exact (repeated ids, over 32 genres). */
  genreBits: number | null;
  genreCount: number;
  directors: readonly number[];
  /** The top five billed. */
  cast: readonly number[];
}

function mmrFeatures(pool: readonly ScoredCandidate[]): MmrFeatures[] {
  const bitOf = new Map<number, number>();
  return pool.map(({ candidate: c }) => {
    let bits: number | null = 0;
    for (const g of c.genreIds) {
      let bit = bitOf.get(g);
      if (bit === undefined && bitOf.size < 32) bitOf.set(g, (bit = bitOf.size));
      if (bit === undefined || (bits as number) & (1 << bit)) {
        bits = null;
        break;
      }
      bits = (bits as number) | (1 << bit);
    }
    return { genreBits: bits, genreCount: c.genreIds.length, directors: c.directorIds, cast: c.castIds.length > 5 ? c.castIds.slice(0, 5) : c.castIds };
  });
}

/** itemSimilarity of two compiled items. */
function mmrSimilarity(a: MmrFeatures, b: MmrFeatures, ca: CandidateTitle, cb: CandidateTitle): number {
  if (a.genreBits === null || b.genreBits === null) return itemSimilarity(ca, cb);
  const inter = popcount(a.genreBits & b.genreBits);
  const union = a.genreCount + b.genreCount - inter;
  const genre = union > 0 ? inter / union : 0;
  let shared = 0;
  for (const p of a.directors) if (b.directors.includes(p)) shared++;
  for (let i = 0; i < a.cast.length && shared < 2; i++) if (b.cast.includes(a.cast[i] as number)) shared++;
  return 0.7 * genre + 0.3 * Math.min(1, shared / 2);
}

/** Seeds an item is attributed to, by its score alone (diversify's default attribution). */
function defaultAttribution(s: ScoredCandidate): string[] {
  const i = attributedSeed(s);
  return i >= 0 ? [`seed#${i}`] : [];
}

/**
 * Greedy MMR over the DIVERSITY_POOL best-scored items: each step takes the item maximising
 * λ·relevance − (1−λ)·max similarity to what is already chosen, with relevance = score / best score.
 * An item attributed to a seed already named by maxPerSeed() items of the current block of
 * DIVERSITY_BLOCK positions waits until nothing else is left in that block. Past the pool, the rest
 * follow by score. `limit` only says where to stop: the first n of any longer list are the same.
 * `attribute` names the seeds an item is shown with (its reasons).
 *
 * Lazy, with the eager greedy's answer: the pool is in score order and an item's value is at most
 * λ·relevance, so a step stops looking once the relevance left cannot beat the best value found,
 * and an item's similarity to what was chosen (and its attribution) is brought up to date only
 * when a step looks at it.
 */
export function diversify(
  scored: readonly ScoredCandidate[],
  limit: number,
  lambda = MMR_LAMBDA,
  attribute: (s: ScoredCandidate) => readonly string[] = defaultAttribution,
): ScoredCandidate[] {
  if (limit <= 0 || scored.length === 0) return [];
  const sorted = [...scored].sort(compareScored);
  const pool = sorted.slice(0, DIVERSITY_POOL);
  const top = Math.max(pool[0]?.score ?? 0, 1e-9);
  const seedsOf: Array<readonly string[] | undefined> = new Array(pool.length);
  const features = lambda < 1 ? mmrFeatures(pool) : [];
  /** Pool positions of the chosen items, in order. */
  const chosenAt: number[] = [];
  const maxSim = new Float64Array(pool.length);
  /** How many of the chosen items maxSim[i] accounts for. */
  const simUpTo = new Int32Array(pool.length);
  const taken = new Uint8Array(pool.length);
  const penalised = lambda < 1;
  let perSeed = new Map<string, number>();
  const cap = maxPerSeed();
  const out: ScoredCandidate[] = [];
  const want = Math.min(limit, pool.length);
  while (out.length < want) {
    if (out.length % DIVERSITY_BLOCK === 0) perSeed = new Map();
    let best = -1;
    let bestVal = -Infinity;
    let bestCapped = -1;
    let bestCappedVal = -Infinity;
    for (let i = 0; i < pool.length; i++) {
      if (taken[i]) continue;
      const s = pool[i] as ScoredCandidate;
      const relevance = lambda * (s.score / top);
      // (with λ ≤ 1 a value never exceeds its relevance, and relevance only falls from here)
      if (best >= 0 && lambda <= 1 && relevance <= bestVal) break;
      if (penalised) {
        const fi = features[i] as MmrFeatures;
        for (let j = simUpTo[i] as number; j < out.length; j++) {
          const chosen = chosenAt[j] as number;
          const sim = mmrSimilarity(fi, features[chosen] as MmrFeatures, s.candidate, (pool[chosen] as ScoredCandidate).candidate);
          if (sim > (maxSim[i] as number)) maxSim[i] = sim;
        }
        simUpTo[i] = out.length;
      }
      const val = relevance - (1 - lambda) * (maxSim[i] as number);
      // Once an uncapped item is found, the pick is the best uncapped one: an item that cannot beat it
      // is passed over before its attribution (its reasons, the costliest part of a look) is asked for.
      if (val <= bestVal) continue;
      const seeds = (seedsOf[i] ??= attribute(s));
      let capped = false;
      for (let k = 0; k < seeds.length && !capped; k++) capped = (perSeed.get(seeds[k] as string) ?? 0) >= cap;
      if (capped) {
        if (val > bestCappedVal) {
          bestCappedVal = val;
          bestCapped = i;
        }
      } else if (val > bestVal) {
        bestVal = val;
        best = i;
      }
    }
    const pick = best >= 0 ? best : bestCapped;
    if (pick < 0) break;
    taken[pick] = 1;
    chosenAt.push(pick);
    out.push(pool[pick] as ScoredCandidate);
    for (const k of seedsOf[pick] as readonly string[]) perSeed.set(k, (perSeed.get(k) ?? 0) + 1);
  }
  for (let i = pool.length; out.length < limit && i < sorted.length; i++) out.push(sorted[i] as ScoredCandidate);
  return out;
}
