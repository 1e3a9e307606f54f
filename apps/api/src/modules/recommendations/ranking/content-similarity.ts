// Content similarity of a candidate to the person's seeds (genres, keywords, cast, directors, era,
// language), the "similarity" component and the seed behind "Because you liked X":
//
//   similarity = SIM_MAX_SHARE · closest seed + (1 − SIM_MAX_SHARE) · mean of the SIM_TOP_K closest
//
// The max tells the "Because you liked X" story; the top-5 mean rewards titles close to several
// favourites, which is more robust than one near-twin of a single (possibly atypical) favourite.
// Only seeds that share a genre, keyword or person with the candidate are visited (the seed index's
// postings), never every (candidate, seed) pair; scratch arrays are reused across candidates.
import { clamp01, eraSim } from "./signals.ts";
import type { SeedIndex } from "./taste-profile.ts";
import type { CandidateTitle, SeedTitle } from "./types.ts";

const SIM_TOP_K = 5;
const SIM_MAX_SHARE = 0.5;
/** Weights of the feature groups. Sum 1. */
const SIM_W = { genre: 0.25, keyword: 0.3, cast: 0.15, director: 0.15, era: 0.1, language: 0.05 } as const;

/** A candidate's unique ids as the ranking reads them (top cast only). */
export interface CandidateFeatures {
  genres: readonly number[];
  keywords: readonly number[];
  cast: readonly number[];
  directors: readonly number[];
}

export interface SimilarityResult {
  /** In [0, 1]. */
  similarity: number;
  /** The seed with the highest weighted similarity (−1: none), and its raw similarity. */
  bestSeed: number;
  bestSeedSim: number;
}

/** Counts shared features per seed and collects the seeds touched for the first time. */
function walkPostings(list: number[] | undefined, shared: Int32Array, mark: Uint8Array, touched: Int32Array, nt: number): number {
  if (list === undefined) return nt;
  for (let j = 0; j < list.length; j++) {
    const s = list[j] as number;
    shared[s] = (shared[s] as number) + 1;
    if (mark[s] === 0) {
      mark[s] = 1;
      touched[nt++] = s;
    }
  }
  return nt;
}

export class SeedSimilarity {
  private readonly gShared: Int32Array;
  private readonly kShared: Int32Array;
  private readonly cShared: Int32Array;
  private readonly dShared: Int32Array;
  private readonly touched: Int32Array;
  private readonly mark: Uint8Array;
  private readonly top = new Float64Array(SIM_TOP_K);
  private readonly langIds = new Map<string, number>();
  private readonly seedLang: Int32Array;
  /** A favourite counts fully, a watchlist item (0.4) about 0.76. */
  private readonly seedSimWeight: Float64Array;

  constructor(private readonly seeds: SeedIndex) {
    const n = seeds.seeds.length;
    this.gShared = new Int32Array(n);
    this.kShared = new Int32Array(n);
    this.cShared = new Int32Array(n);
    this.dShared = new Int32Array(n);
    this.touched = new Int32Array(n);
    this.mark = new Uint8Array(n);
    this.seedLang = new Int32Array(n);
    this.seedSimWeight = new Float64Array(n);
    for (let s = 0; s < n; s++) {
      const lang = (seeds.seeds[s] as SeedTitle).originalLanguage;
      if (!this.langIds.has(lang)) this.langIds.set(lang, this.langIds.size);
      this.seedLang[s] = this.langIds.get(lang) as number;
      this.seedSimWeight[s] = 0.6 + 0.4 * (seeds.w[s] as number);
    }
  }

  /** The seeds sharing a genre, keyword or person with the candidate; counts shared features per seed. */
  private touch(f: CandidateFeatures): number {
    const { genrePost, kwPost, castPost, dirPost } = this.seeds;
    let nt = 0;
    for (const g of f.genres) nt = walkPostings(genrePost.get(g), this.gShared, this.mark, this.touched, nt);
    for (const k of f.keywords) nt = walkPostings(kwPost.get(k), this.kShared, this.mark, this.touched, nt);
    for (const p of f.cast) nt = walkPostings(castPost.get(p), this.cShared, this.mark, this.touched, nt);
    for (const p of f.directors) nt = walkPostings(dirPost.get(p), this.dShared, this.mark, this.touched, nt);
    return nt;
  }

  /**
   * A cheap upper bound of `of(c, f).similarity`: a candidate that shares no keyword or person with
   * any seed can match a seed only on genres, era and language, at most (0.25 + 0.1 + 0.05) / 0.7.
   */
  upperBound(f: CandidateFeatures): number {
    const { kwPost, castPost, dirPost } = this.seeds;
    if (f.keywords.some((k) => kwPost.has(k)) || f.cast.some((p) => castPost.has(p)) || f.directors.some((p) => dirPost.has(p))) return 1;
    return (SIM_W.genre + SIM_W.era + SIM_W.language) / 0.7;
  }

  of(c: CandidateTitle, f: CandidateFeatures): SimilarityResult {
    const nt = this.seeds.seeds.length > 0 ? this.touch(f) : 0;
    const { genreLen, kwLen, hasPeople, year } = this.seeds;
    const { gShared, kShared, cShared, dShared, touched, mark, top, seedLang, seedSimWeight } = this;
    top.fill(0);
    let bestSeed = -1;
    let bestSeedSim = 0;
    const cgl = f.genres.length;
    const ckl = f.keywords.length;
    const cPeople = f.cast.length + f.directors.length > 0;
    const cYear = c.releaseYear ?? Number.NaN;
    const cLang = this.langIds.get(c.originalLanguage) ?? -1;
    for (let t = 0; t < nt; t++) {
      const s = touched[t] as number;
      const gl = genreLen[s] as number;
      const kl = kwLen[s] as number;
      let sim = 0;
      let avail = SIM_W.language;
      if (cgl > 0 && gl > 0) {
        sim += (SIM_W.genre * 2 * (gShared[s] as number)) / (cgl + gl);
        avail += SIM_W.genre;
      }
      if (ckl > 0 && kl > 0) {
        sim += (SIM_W.keyword * 2 * (kShared[s] as number)) / (ckl + kl);
        avail += SIM_W.keyword;
      }
      if (cPeople && hasPeople[s]) {
        const cs = cShared[s] as number;
        sim += SIM_W.cast * (cs >= 2 ? 1 : cs / 2) + ((dShared[s] as number) > 0 ? SIM_W.director : 0);
        avail += SIM_W.cast + SIM_W.director;
      }
      const sy = year[s] as number;
      if (!Number.isNaN(cYear) && !Number.isNaN(sy)) {
        sim += SIM_W.era * eraSim(cYear, sy);
        avail += SIM_W.era;
      }
      if (cLang === seedLang[s]) sim += SIM_W.language;
      // Titles without details (no keywords/credits yet) are judged on what they have, but a
      // genre-and-era match alone cannot look like a perfect twin.
      sim /= avail > 0.7 ? avail : 0.7;
      const ws = sim * (seedSimWeight[s] as number);
      if (ws > (top[0] as number) || (ws === top[0] && ws > 0 && s < bestSeed)) {
        bestSeed = s;
        bestSeedSim = sim;
      }
      if (ws > (top[SIM_TOP_K - 1] as number)) {
        let k = SIM_TOP_K - 1;
        while (k > 0 && ws > (top[k - 1] as number)) {
          top[k] = top[k - 1] as number;
          k--;
        }
        top[k] = ws;
      }
      gShared[s] = 0;
      kShared[s] = 0;
      cShared[s] = 0;
      dShared[s] = 0;
      mark[s] = 0;
    }
    let topSum = 0;
    for (let k = 0; k < SIM_TOP_K; k++) topSum += top[k] as number;
    return { similarity: clamp01(SIM_MAX_SHARE * (top[0] as number) + (1 - SIM_MAX_SHARE) * (topSum / SIM_TOP_K)), bestSeed, bestSeedSim };
  }
}
