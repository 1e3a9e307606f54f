// The ranking core of the recommendations flow (docs/architecture.md, flows; docs/recommendations.md).
//
// Pure and deterministic: everything it needs comes in through RankingInput ("today" included), it
// never reads the clock or a random source, and ties are broken by key. It is built to score a
// bounded SQL candidate pool (thousands of titles) against a person's seeds (up to a few hundred)
// in a few milliseconds: per-seed features go into inverted indexes once per call, so a candidate
// only visits the seeds it actually shares something with, never every (candidate, seed) pair.
//
//   score   = Σ weight_k · component_k           (components and weights in [0, 1], Σ weights = 1)
//   × 0.05  when the candidate carries a disliked genre
//   then    MMR diversity re-rank (λ = 0.8) with a per-seed cap, then human reasons.
//
// Components:
//   genre          explicit liked genres ⊕ the seeds' genre distribution (IDF-weighted, so Drama —
//                  on a third of all titles — says less than Horror)
//   similarity     content similarity to the closest seeds (genres, keywords, cast, directors,
//                  language, era); remembers the seed behind it ("Because you liked Heat")
//   people         cast/directors that recur across the seeds more often than chance
//   collaborative  the trained item-to-item model: Σ over the seeds of seed weight × neighbour weight
//                  (collaborative.ts); remembers the seed that contributed most
//   context        preferred language / era and the person's film–series balance
//   discovery      well-rated titles the crowd has not found yet (anti-popularity) + new releases
//   quality        Bayesian weighted rating, m = 25, C = 6.0
//   popularity     log-scaled popularity: a weak prior that breaks ties between equally good fits

import { collaborativeScores, type CollaborativeScores } from "./collaborative.ts";
import type {
  CandidateTitle,
  MediaKind,
  RankedRecommendation,
  RankingInput,
  Reason,
  ReasonKind,
  ScoreComponents,
  SeedTitle,
} from "./ranking.types.ts";

// ------------------------------------------------------------------------------------------ weights

export interface RankingWeights {
  genre: number;
  similarity: number;
  people: number;
  collaborative: number;
  context: number;
  discovery: number;
  quality: number;
  popularity: number;
}

/**
 * Weights when there is no collaborative evidence (new users, new titles, a fresh install).
 *
 * Derived from the seed's weights (genre 0.35, similarity 0.20, people 0.20, context 0.10,
 * discovery 0.10, quality 0.05) and adjusted where the offline evaluation
 * (bench/recommendations-offline-eval.ts) showed a clear, explainable gain:
 * - genre 0.30: the one content signal every title has, even before details are fetched, but it
 *   only says which pool a title belongs to, not which title of the pool the person will pick.
 * - similarity 0.20: closeness to the person's own favourites; sharp but needs keywords/credits.
 * - people 0.15 (from 0.20): sparse and high-variance (one shared actor swings it) and partly
 *   already inside similarity's cast/director overlap.
 * - context 0.10: language/era/film-vs-series fit shapes the list more than it decides it.
 * - discovery 0.07 (from 0.10): keeps the list from being popularity in disguise (hidden gems,
 *   new releases) without pushing titles the person is unlikely to want.
 * - quality 0.10 (from 0.05): a Bayesian rating is the best content-free predictor of what a
 *   person ends up keeping among titles that fit equally well.
 * - popularity 0.08: an explicit, log-scaled prior (new). It can move a title by at most 0.08
 *   against the best-known title of the pool, i.e. it breaks ties between fits; it cannot beat a
 *   clearly better fit. With collaborative evidence it shrinks to 0.056.
 * (That evaluation ran on simulated people and has since been replaced by the MovieLens 100K bench;
 * these content weights were kept, see COLLABORATIVE_SHARE.)
 */
export const CONTENT_WEIGHTS: Readonly<RankingWeights> = Object.freeze({
  genre: 0.3,
  similarity: 0.2,
  people: 0.15,
  collaborative: 0,
  context: 0.1,
  discovery: 0.07,
  quality: 0.1,
  popularity: 0.08,
});

/**
 * The collaborative share at full confidence: the trained item-to-item model's score (EASE + item-kNN
 * neighbour lists, collaborative.ts) takes this much of the total from the content signals,
 * proportionally (genre 0.30 → 0.09 and so on). Chosen on the validation split cut from MovieLens
 * 100K's training data (bench/recommendations-quality.ts; never the test). HR@20 / NDCG@20 /
 * coverage@20 of the whole ranking, with 100 positive + 100 negative neighbours per title (plain EASE
 * on the same split: 0.834 / 0.229 / 0.217):
 *   share 0.6  0.867 / 0.251 / 0.254      share 0.7  0.867 / 0.252 / 0.252  ←
 *   share 0.8  0.862 / 0.253 / 0.248      share 0.7, MMR λ 0.9  0.865 / 0.252 / 0.249
 * (with positive neighbours only, 0.3 → 0.7 had moved NDCG@20 from 0.224 to 0.237.) Content keeps 30 %:
 * it carries new people and new titles, explains picks, and re-ranks within what the person allows.
 * The share grows with the evidence: the person's seeds that the model knows (full at two
 * favourites' worth). A new release the model has not learnt yet gets the pool's mean collaborative
 * score rather than a zero.
 */
export const COLLABORATIVE_SHARE = 0.7;

/** Content weights (normalised to sum 1) with `share` of the total moved to the collaborative component. */
export function blendWeights(share: number, content: Readonly<RankingWeights> = CONTENT_WEIGHTS): RankingWeights {
  const s = clamp01(share);
  const sum = content.genre + content.similarity + content.people + content.context + content.discovery + content.quality + content.popularity;
  const k = sum > 0 ? (1 - s) / sum : 0;
  return {
    genre: content.genre * k,
    similarity: content.similarity * k,
    people: content.people * k,
    collaborative: s,
    context: content.context * k,
    discovery: content.discovery * k,
    quality: content.quality * k,
    popularity: content.popularity * k,
  };
}

/** The first design's weights, kept to measure against. */
export const SEED_CONTENT_WEIGHTS: Readonly<RankingWeights> = Object.freeze({
  genre: 0.35,
  similarity: 0.2,
  people: 0.2,
  collaborative: 0,
  context: 0.1,
  discovery: 0.1,
  quality: 0.05,
  popularity: 0,
});

/** Optional knobs for experiments and offline evaluation; production uses the defaults. */
export interface RankingOptions {
  /** content weights (collaborative ignored; normalised to sum 1). Default CONTENT_WEIGHTS. */
  contentWeights?: Readonly<RankingWeights>;
  /** collaborative share at full confidence. Default COLLABORATIVE_SHARE. */
  collaborativeShare?: number;
  /** MMR λ; 1 disables the diversity penalty (the per-seed cap still applies). Default MMR_LAMBDA. */
  mmrLambda?: number;
}

/** Weights at full collaborative confidence (for documentation and tests). */
export const BLENDED_WEIGHTS: Readonly<RankingWeights> = Object.freeze(blendWeights(COLLABORATIVE_SHARE));

/**
 * Cold start (no seeds): score = genreFit × (quality 0.55 + popularity 0.30 + discovery 0.05 +
 * context 0.10), with genreFit = 0.15 + 0.85 · genre. Multiplicative, so a title outside the liked
 * genres cannot buy its way up with votes; within the liked genres, top-rated and well-known titles
 * lead (a new person has nothing else to go on).
 */
export const COLD_START_WEIGHTS = Object.freeze({ quality: 0.55, popularity: 0.3, discovery: 0.05, context: 0.1, genreFloor: 0.15 });

/** Multiplier for a candidate carrying a disliked genre: it should essentially never rank high. */
export const DISLIKED_GENRE_PENALTY = 0.05;
/** MMR trade-off between relevance (λ) and novelty against what is already on the page. */
export const MMR_LAMBDA = 0.8;
/** Bayesian weighted rating: prior mean C and prior strength m (votes). */
export const BAYES_PRIOR_MEAN = 6.0;
export const BAYES_PRIOR_VOTES = 25;

// ------------------------------------------------------------------------------------ small helpers

function clamp01(x: number): number {
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
function uniq(ids: readonly number[], max = Infinity): number[] {
  const out: number[] = [];
  const n = Math.min(ids.length, max);
  for (let i = 0; i < n; i++) {
    const id = ids[i] as number;
    if (!out.includes(id)) out.push(id);
  }
  return out;
}

/** Top-billed cast considered for people signals; the rest of a cast list is noise. */
const CAST_DEPTH = 10;
function billing(i: number): number {
  return i < 3 ? 1 : i < 6 ? 0.7 : 0.5;
}

const ERA_SIM = new Float64Array(301).map((_, d) => Math.exp(-d / 10));
function eraSim(a: number, b: number): number {
  const d = Math.min(300, Math.abs(a - b));
  return ERA_SIM[d] as number;
}

// similarity = SIM_MAX_SHARE · closest seed + (1 − SIM_MAX_SHARE) · mean of the SIM_TOP_K closest.
// The max tells the "Because you liked X" story; the top-5 mean rewards titles close to several
// favourites, which is more robust than one near-twin of a single (possibly atypical) favourite.
const SIM_TOP_K = 5;
const SIM_MAX_SHARE = 0.5;
// Content similarity: weights of the feature groups. Sum 1.
const SIM_W = { genre: 0.25, keyword: 0.3, cast: 0.15, director: 0.15, era: 0.1, language: 0.05 } as const;

// ------------------------------------------------------------------------------------ profile build

interface SeedIndex {
  seeds: SeedTitle[];
  /** effective weight (weight × recency) normalised to max 1 */
  w: Float64Array;
  totalW: number;
  genreLen: Int32Array;
  kwLen: Int32Array;
  hasPeople: Uint8Array;
  year: Float64Array; // NaN when unknown
  genrePost: Map<number, number[]>;
  kwPost: Map<number, number[]>;
  castPost: Map<number, number[]>;
  dirPost: Map<number, number[]>;
  byKey: Map<string, number>;
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

function post(map: Map<number, number[]>, id: number, s: number): void {
  const list = map.get(id);
  if (list) list.push(s);
  else map.set(id, [s]);
}

/**
 * The seeds the ranking uses (a positive, finite weight) and the weight it counts each with: its own
 * weight × recency (up to +25 % for one added today, fading over a year), normalised to a maximum of 1.
 */
export function weightedSeeds(seedsIn: readonly SeedTitle[], now: Date): { seeds: SeedTitle[]; w: Float64Array; totalW: number } {
  const seeds = seedsIn.filter((s) => Number.isFinite(s.weight) && s.weight > 0);
  const n = seeds.length;
  const w = new Float64Array(n);
  const nowMs = now.getTime();
  let maxW = 0;
  seeds.forEach((s, i) => {
    const ageDays = Math.max(0, (nowMs - s.addedAt.getTime()) / 86_400_000);
    const recency = 0.8 + 0.2 * Math.exp(-(Number.isFinite(ageDays) ? ageDays : 0) / 365);
    w[i] = s.weight * recency;
    if ((w[i] as number) > maxW) maxW = w[i] as number;
  });
  let totalW = 0;
  for (let i = 0; i < n; i++) {
    w[i] = (w[i] as number) / maxW;
    totalW += w[i] as number;
  }
  return { seeds, w, totalW };
}

/**
 * What the trained model says about the person's seeds, weighted as the ranking weighs them
 * (collaborative.ts): the service builds its collaborative pool from it and hands it to the ranking
 * (RankingInput.collaborative), so it is computed once per request.
 */
export function collaborativeEvidence(seeds: readonly SeedTitle[], neighbours: RankingInput["neighbours"], now: Date): CollaborativeScores {
  const used = weightedSeeds(seeds, now);
  return collaborativeScores(
    used.seeds.map((seed, s) => ({ key: seed.key, weight: used.w[s] as number })),
    neighbours,
  );
}

function buildSeedIndex(seedsIn: readonly SeedTitle[], now: Date): SeedIndex {
  const { seeds, w, totalW } = weightedSeeds(seedsIn, now);
  const n = seeds.length;
  const idx: SeedIndex = {
    seeds,
    w,
    totalW,
    genreLen: new Int32Array(n),
    kwLen: new Int32Array(n),
    hasPeople: new Uint8Array(n),
    year: new Float64Array(n),
    genrePost: new Map(),
    kwPost: new Map(),
    castPost: new Map(),
    dirPost: new Map(),
    byKey: new Map(),
  };
  seeds.forEach((s, i) => {
    const g = uniq(s.genreIds);
    const k = uniq(s.keywordIds);
    const c = uniq(s.castIds, CAST_DEPTH);
    const d = uniq(s.directorIds);
    idx.genreLen[i] = g.length;
    idx.kwLen[i] = k.length;
    idx.hasPeople[i] = c.length + d.length > 0 ? 1 : 0;
    idx.year[i] = s.releaseYear ?? Number.NaN;
    for (const id of g) post(idx.genrePost, id, i);
    for (const id of k) post(idx.kwPost, id, i);
    for (const id of c) post(idx.castPost, id, i);
    for (const id of d) post(idx.dirPost, id, i);
    if (!idx.byKey.has(s.key)) idx.byKey.set(s.key, i);
  });
  return idx;
}

interface PersonPref {
  score: number;
  director: boolean;
}

/** The person's taste, compiled once per call (opaque outside this module). */
export interface Profile {
  seedIdx: SeedIndex;
  coldStart: boolean;
  /** genre id → preference in [0, 1] */
  genrePref: Map<number, number>;
  genreIdf: Map<number, number>;
  disliked: Set<number>;
  people: Map<number, PersonPref>;
  langScore: (lang: string) => number;
  eraScore: (year: number | null) => number;
  mediaScore: Record<MediaKind, number>;
  hasExplicitLanguages: boolean;
  hasExplicitEra: boolean;
  nowYear: number;
}

/** Pool statistics gathered in one pass over the candidates (plus seeds for base rates). */
interface PoolStats {
  n: number;
  genreDf: Map<number, number>;
  personDf: Map<number, number>;
  popPct: Float64Array;
  popNorm: Float64Array;
}

function poolStats(candidates: readonly CandidateTitle[], seeds: readonly SeedTitle[]): PoolStats {
  const genreDf = new Map<number, number>();
  const personDf = new Map<number, number>();
  // (ids repeated within one title are rare and harmless here: they only nudge a frequency)
  // People are counted only where the profile asks: the seeds' own cast and directors.
  const count = (t: { genreIds: number[]; castIds: number[]; directorIds: number[] }, addPeople: boolean) => {
    const g = t.genreIds;
    for (let i = 0; i < g.length; i++) genreDf.set(g[i] as number, (genreDf.get(g[i] as number) ?? 0) + 1);
    const c = t.castIds;
    const n = Math.min(c.length, CAST_DEPTH);
    const d = t.directorIds;
    for (let i = 0; i < n + d.length; i++) {
      const p = (i < n ? c[i] : d[i - n]) as number;
      const df = personDf.get(p);
      if (df !== undefined) personDf.set(p, df + 1);
      else if (addPeople) personDf.set(p, 1);
    }
  };
  for (const s of seeds) count(s, true);
  for (const c of candidates) count(c, false);
  const nc = candidates.length;
  // popularity percentile (0 = least popular in the pool; ties share one) and log-scaled popularity
  const pop = new Float64Array(nc);
  for (let i = 0; i < nc; i++) {
    const p = (candidates[i] as CandidateTitle).popularity;
    pop[i] = Number.isFinite(p) && p > 0 ? p : 0;
  }
  const order = new Int32Array(nc);
  for (let i = 0; i < nc; i++) order[i] = i;
  order.sort((a, b) => (pop[a] as number) - (pop[b] as number) || a - b);
  const popPct = new Float64Array(nc);
  for (let r = 0; r < nc; ) {
    let e = r;
    while (e + 1 < nc && pop[order[e + 1] as number] === pop[order[r] as number]) e++;
    const pct = nc > 1 ? (r + e) / 2 / (nc - 1) : 0.5;
    for (let k = r; k <= e; k++) popPct[order[k] as number] = pct;
    r = e + 1;
  }
  const maxLog = nc > 0 ? Math.log1p(pop[order[nc - 1] as number] as number) : 0;
  const popNorm = new Float64Array(nc);
  for (let i = 0; i < nc; i++) popNorm[i] = maxLog > 0 ? Math.log1p(pop[i] as number) / maxLog : 0;
  return { n: nc + seeds.length, genreDf, personDf, popPct, popNorm };
}

function buildProfile(input: RankingInput, seedIdx: SeedIndex, stats: PoolStats): Profile {
  const { profile } = input;
  const seeds = seedIdx.seeds;
  const coldStart = seeds.length === 0;
  const nowYear = input.now.getUTCFullYear();
  const disliked = new Set(profile.dislikedGenreIds);
  const liked = new Set(profile.likedGenreIds.filter((g) => !disliked.has(g)));

  // IDF over the pool and the seeds: Drama (on ~35% of titles) ≈ 2.0, Horror (~6%) ≈ 3.8.
  const genreIdf = new Map<number, number>();
  for (const [g, df] of stats.genreDf) genreIdf.set(g, 1 + Math.log((stats.n + 1) / (df + 1)));
  for (const g of liked) if (!genreIdf.has(g)) genreIdf.set(g, 1 + Math.log(stats.n + 1));
  const idf = (g: number) => genreIdf.get(g) ?? 1 + Math.log(stats.n + 1);

  // Seed genre distribution × IDF, normalised to max 1, trusted more as seeds accumulate.
  const seedGenre = new Map<number, number>();
  for (const [g, list] of seedIdx.genrePost) {
    let m = 0;
    for (const s of list) m += seedIdx.w[s] as number;
    seedGenre.set(g, (m / Math.max(seedIdx.totalW, 1e-9)) * idf(g));
  }
  let maxSeedGenre = 0;
  for (const v of seedGenre.values()) maxSeedGenre = Math.max(maxSeedGenre, v);
  const seedConfidence = seedIdx.totalW / (seedIdx.totalW + 2);
  const genrePref = new Map<number, number>();
  const genres = new Set<number>([...liked, ...seedGenre.keys()]);
  for (const g of genres) {
    if (disliked.has(g)) continue;
    const explicit = liked.has(g) ? 0.85 : 0;
    const fromSeeds = maxSeedGenre > 0 ? (seedConfidence * (seedGenre.get(g) ?? 0)) / maxSeedGenre : 0;
    genrePref.set(g, 1 - (1 - explicit) * (1 - fromSeeds));
  }

  // Favourite people: weight across seeds above what chance would give a prolific actor.
  const people = new Map<number, PersonPref>();
  if (!coldStart) {
    const weightOf = new Map<number, { w: number; director: boolean }>();
    seeds.forEach((s, i) => {
      const sw = seedIdx.w[i] as number;
      uniq(s.castIds, CAST_DEPTH).forEach((p, k) => {
        const e = weightOf.get(p);
        if (e) e.w += sw * billing(k);
        else weightOf.set(p, { w: sw * billing(k), director: false });
      });
      for (const p of uniq(s.directorIds)) {
        const e = weightOf.get(p);
        if (e) {
          e.w += sw;
          e.director = true;
        } else weightOf.set(p, { w: sw, director: true });
      }
    });
    const logN = Math.log(stats.n + 1);
    for (const [p, { w, director }] of weightOf) {
      const df = stats.personDf.get(p) ?? 1;
      const expected = (seedIdx.totalW * df) / stats.n;
      const excess = Math.max(0, w - expected);
      // Quadratic in the excess: one seed ≈ 0.39, two ≈ 0.86, three ≈ 0.99. Recurrence is the point.
      // × specificity: an actor in 150 titles of the pool says little about any one of them.
      const specificity = Math.log((stats.n + 1) / df) / logN;
      const score = (1 - Math.exp(-(excess * excess) / 2)) * specificity;
      if (score > 0.05) people.set(p, { score, director });
    }
  }

  // Context: language, era, media type.
  const langs = new Set(profile.languages);
  const hasExplicitLanguages = langs.size > 0;
  const langShare = new Map<string, number>();
  seeds.forEach((s, i) => langShare.set(s.originalLanguage, (langShare.get(s.originalLanguage) ?? 0) + (seedIdx.w[i] as number)));
  let maxLang = 0;
  for (const v of langShare.values()) maxLang = Math.max(maxLang, v);
  const langScore = (lang: string): number => {
    if (hasExplicitLanguages) return langs.has(lang) ? 1 : 0.2;
    if (maxLang === 0) return 0.5;
    return (langShare.get(lang) ?? 0) / maxLang;
  };

  const hasExplicitEra = profile.yearFrom !== null || profile.yearTo !== null;
  const minY = 1870;
  const maxY = nowYear + 10;
  const density = new Float64Array(maxY - minY + 1);
  let seedYears = 0;
  seeds.forEach((s, i) => {
    if (s.releaseYear === null || !Number.isFinite(s.releaseYear)) return;
    seedYears++;
    const sw = seedIdx.w[i] as number;
    for (let y = 0; y < density.length; y++) {
      const d = (minY + y - s.releaseYear) / 8;
      if (d > -4 && d < 4) density[y] = (density[y] as number) + sw * Math.exp(-(d * d) / 2);
    }
  });
  let maxDensity = 0;
  for (const v of density) maxDensity = Math.max(maxDensity, v);
  const eraScore = (year: number | null): number => {
    if (year === null || !Number.isFinite(year)) return 0.5;
    if (hasExplicitEra) {
      const from = profile.yearFrom ?? -Infinity;
      const to = profile.yearTo ?? Infinity;
      const dist = year < from ? from - year : year > to ? year - to : 0;
      return Math.exp(-dist / 5);
    }
    if (seedYears === 0 || maxDensity === 0) return 0.5;
    const y = Math.min(maxY, Math.max(minY, Math.round(year))) - minY;
    return (density[y] as number) / maxDensity;
  };

  let movieW = 0;
  let tvW = 0;
  seeds.forEach((s, i) => {
    if (s.mediaType === "tv") tvW += seedIdx.w[i] as number;
    else movieW += seedIdx.w[i] as number;
  });
  const mMovie = (movieW + 0.5) / (movieW + tvW + 1);
  const mTv = (tvW + 0.5) / (movieW + tvW + 1);
  const mMax = Math.max(mMovie, mTv);
  const mediaScore = { movie: mMovie / mMax, tv: mTv / mMax };

  return { seedIdx, coldStart, genrePref, genreIdf, disliked, people, langScore, eraScore, mediaScore, hasExplicitLanguages, hasExplicitEra, nowYear };
}

// ------------------------------------------------------------------------------------------ scoring

/** One scored candidate, before the diversity re-rank. Exported for tests and offline analysis. */
export interface ScoredCandidate {
  candidate: CandidateTitle;
  index: number;
  score: number;
  components: ScoreComponents & { popularity: number };
  /** The weights this candidate was scored with (collaborative share depends on the evidence). */
  weights: RankingWeights;
  coldStart: boolean;
  disliked: boolean;
  /** Seed with the highest (weighted) content similarity, and its raw similarity. */
  similarSeed: number;
  similarSeedSim: number;
  /** Seed contributing most to the collaborative score. */
  collabSeed: number;
  /** Strongest favourite person in the candidate. */
  person: number;
  personIsDirector: boolean;
  /** Candidate genre with the highest preference (for GENRE reasons). */
  bestGenre: number;
  wr: number;
  popPct: number;
  hiddenGem: number;
  isNew: boolean;
}

/** Weighted contribution of each component (weight × value). */
export function contributions(s: Pick<ScoredCandidate, "components" | "weights" | "coldStart">): Record<keyof RankingWeights, number> {
  const c = s.components;
  if (s.coldStart) {
    // Cold start is multiplicative; attribute the score to genre fit and to the quality mix.
    const q = COLD_START_WEIGHTS;
    return {
      genre: c.genre * 0.5,
      similarity: 0,
      people: 0,
      collaborative: 0,
      context: q.context * c.context * 0.5,
      discovery: q.discovery * c.discovery * 0.5,
      quality: q.quality * c.quality * 0.5,
      popularity: q.popularity * c.popularity * 0.5,
    };
  }
  const w = s.weights;
  return {
    genre: w.genre * c.genre,
    similarity: w.similarity * c.similarity,
    people: w.people * c.people,
    collaborative: w.collaborative * c.collaborative,
    context: w.context * c.context,
    discovery: w.discovery * c.discovery,
    quality: w.quality * c.quality,
    popularity: w.popularity * c.popularity,
  };
}

export interface ScoringResult {
  items: ScoredCandidate[];
  profile: Profile;
}

/**
 * Scores every candidate (no re-rank, no reasons). Pure; O(candidates × shared features) after an
 * O(seeds) index build. Candidates that are themselves seeds are dropped.
 */
export function scoreCandidates(input: RankingInput, options: RankingOptions = {}): ScoringResult {
  const contentWeights = options.contentWeights ?? CONTENT_WEIGHTS;
  const collabShare = options.collaborativeShare ?? COLLABORATIVE_SHARE;
  const seedIdx = buildSeedIndex(input.profile.seeds, input.now);
  const candidates = input.candidates.filter((c) => !seedIdx.byKey.has(c.key));
  const stats = poolStats(candidates, seedIdx.seeds);
  const prof = buildProfile(input, seedIdx, stats);
  const nSeeds = seedIdx.seeds.length;
  const nc = candidates.length;

  // ---- collaborative: the seeds (weighted as everywhere else here) times their neighbour lists in
  // the trained model, normalised by the pool's best.
  const collab = input.collaborative ?? collaborativeEvidence(seedIdx.seeds, input.neighbours, input.now);
  let dataW = 0;
  for (let s = 0; s < nSeeds; s++) if (input.neighbours.has((seedIdx.seeds[s] as SeedTitle).key)) dataW += seedIdx.w[s] as number;
  // The person's collaborative confidence: saturates at two favourites' worth of seeds the model knows.
  const userCollabConf = Math.min(1, dataW / 2);
  const collabRaw = new Float64Array(nc);
  const collabSeedOf = new Int32Array(nc).fill(-1);
  let maxCollab = 0;
  let inModelSum = 0;
  let inModelCount = 0;
  for (let i = 0; i < nc; i++) {
    const c = candidates[i] as CandidateTitle;
    const entry = collab.get(c.key);
    if (entry) {
      collabRaw[i] = entry.score;
      collabSeedOf[i] = seedIdx.byKey.get(entry.topSeed) ?? -1;
      if (entry.score > maxCollab) maxCollab = entry.score;
    }
    if (c.inModel) {
      inModelSum += Math.max(0, collabRaw[i] as number);
      inModelCount++;
    }
  }
  // What a title the model has not seen yet is expected to score, knowing nothing: the mean of those it knows.
  const meanCollab = maxCollab > 0 && inModelCount > 0 ? inModelSum / inModelCount / maxCollab : 0;
  const collabWeights = blendWeights(collabShare * userCollabConf, contentWeights);
  const coldWeights: RankingWeights = { ...blendWeights(0, contentWeights), similarity: 0, people: 0, collaborative: 0 };

  // ---- scratch for the seed-similarity walk
  const gShared = new Int32Array(nSeeds);
  const kShared = new Int32Array(nSeeds);
  const cShared = new Int32Array(nSeeds);
  const dShared = new Int32Array(nSeeds);
  const touched = new Int32Array(nSeeds);
  const mark = new Uint8Array(nSeeds);
  const top = new Float64Array(SIM_TOP_K);
  // hot-loop locals
  const sGenreLen = seedIdx.genreLen;
  const sKwLen = seedIdx.kwLen;
  const sHasPeople = seedIdx.hasPeople;
  const sYear = seedIdx.year;
  const langIds = new Map<string, number>();
  const sLang = new Int32Array(nSeeds);
  const sSimWeight = new Float64Array(nSeeds);
  for (let s = 0; s < nSeeds; s++) {
    const lang = (seedIdx.seeds[s] as SeedTitle).originalLanguage;
    if (!langIds.has(lang)) langIds.set(lang, langIds.size);
    sLang[s] = langIds.get(lang) as number;
    // a favourite counts fully, a watchlist item (0.4) about 0.76
    sSimWeight[s] = 0.6 + 0.4 * (seedIdx.w[s] as number);
  }

  const out: ScoredCandidate[] = new Array(nc);
  for (let i = 0; i < nc; i++) {
    const c = candidates[i] as CandidateTitle;
    const cg = uniq(c.genreIds);
    const ck = uniq(c.keywordIds);
    const cc = uniq(c.castIds, CAST_DEPTH);
    const cd = uniq(c.directorIds);

    // genre affinity
    let disliked = false;
    let maxPref = 0;
    let bestGenre = -1;
    let num = 0;
    let den = 0;
    for (const g of cg) {
      if (prof.disliked.has(g)) disliked = true;
      const p = prof.genrePref.get(g) ?? 0;
      const w = prof.genreIdf.get(g) ?? 1;
      num += w * p;
      den += w;
      if (p > maxPref || (p === maxPref && bestGenre >= 0 && p > 0 && w > (prof.genreIdf.get(bestGenre) ?? 1))) {
        maxPref = p;
        bestGenre = g;
      }
    }
    let genre = cg.length > 0 ? 0.5 * maxPref + 0.5 * (num / den) : 0;
    if (prof.coldStart && prof.genrePref.size === 0) genre = 0.5; // nothing known: neutral
    if (disliked) genre = 0;

    // content similarity to seeds (only seeds sharing at least a genre, keyword or person)
    // content similarity to seeds: only seeds sharing at least a genre, keyword or person are visited
    let nt = 0;
    if (nSeeds > 0) {
      for (const g of cg) nt = walkPostings(seedIdx.genrePost.get(g), gShared, mark, touched, nt);
      for (const k of ck) nt = walkPostings(seedIdx.kwPost.get(k), kShared, mark, touched, nt);
      for (const p of cc) nt = walkPostings(seedIdx.castPost.get(p), cShared, mark, touched, nt);
      for (const p of cd) nt = walkPostings(seedIdx.dirPost.get(p), dShared, mark, touched, nt);
    }
    top.fill(0);
    let bestSeed = -1;
    let bestSeedSim = 0;
    const cgl = cg.length;
    const ckl = ck.length;
    const cPeople = cc.length + cd.length > 0;
    const cYear = c.releaseYear ?? Number.NaN;
    const cLang = langIds.get(c.originalLanguage) ?? -1;
    for (let t = 0; t < nt; t++) {
      const s = touched[t] as number;
      const gl = sGenreLen[s] as number;
      const kl = sKwLen[s] as number;
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
      if (cPeople && sHasPeople[s]) {
        const cs = cShared[s] as number;
        sim += SIM_W.cast * (cs >= 2 ? 1 : cs / 2) + ((dShared[s] as number) > 0 ? SIM_W.director : 0);
        avail += SIM_W.cast + SIM_W.director;
      }
      const sy = sYear[s] as number;
      if (cYear === cYear && sy === sy) {
        sim += SIM_W.era * eraSim(cYear, sy);
        avail += SIM_W.era;
      }
      if (cLang === sLang[s]) sim += SIM_W.language;
      // Titles without details (no keywords/credits yet) are judged on what they have, but a
      // genre-and-era match alone cannot look like a perfect twin.
      sim /= avail > 0.7 ? avail : 0.7;
      const ws = sim * (sSimWeight[s] as number);
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
    const similarity = clamp01(SIM_MAX_SHARE * (top[0] as number) + (1 - SIM_MAX_SHARE) * (topSum / SIM_TOP_K));

    // favourite people: noisy-OR over the candidate's favourite people
    let notPeople = 1;
    let bestPerson = -1;
    let bestPersonScore = 0;
    let bestIsDirector = false;
    if (prof.people.size > 0) {
      for (const p of cd) {
        const pp = prof.people.get(p);
        if (!pp) continue;
        notPeople *= 1 - pp.score;
        if (pp.score > bestPersonScore) {
          bestPersonScore = pp.score;
          bestPerson = p;
          bestIsDirector = true;
        }
      }
      for (let k = 0; k < cc.length; k++) {
        const p = cc[k] as number;
        const pp = prof.people.get(p);
        if (!pp) continue;
        const v = pp.score * billing(k);
        notPeople *= 1 - v;
        if (v > bestPersonScore) {
          bestPersonScore = v;
          bestPerson = p;
          bestIsDirector = false;
        }
      }
    }
    const people = clamp01(1 - notPeople);

    // context
    const context = clamp01(0.4 * prof.langScore(c.originalLanguage) + 0.4 * prof.eraScore(c.releaseYear) + 0.2 * prof.mediaScore[c.mediaType]);

    // quality, popularity, discovery
    const wr = bayesianRating(c.voteAverage, c.voteCount);
    const quality = qualityScore(c.voteAverage, c.voteCount);
    const popPct = stats.popPct[i] as number;
    const popularity = stats.popNorm[i] as number;
    // hidden gem: rated clearly above the prior mean, and not what everybody already sees
    const hiddenGem = clamp01((wr - BAYES_PRIOR_MEAN) / 2) * (1 - popPct);
    const isNew = c.releaseYear !== null && c.releaseYear <= prof.nowYear && c.releaseYear >= prof.nowYear - 1;
    const discovery = clamp01(hiddenGem + (isNew ? 0.5 : 0));

    // collaborative. A new release the model has not learnt yet (it came after the last training, or
    // too few people have it) has had no time to gather evidence: it gets the pool's mean rather than
    // a zero, so it is neither buried for being new nor lifted above titles people keep together.
    const collaborative = isNew && !c.inModel ? meanCollab : maxCollab > 0 ? clamp01((collabRaw[i] as number) / maxCollab) : 0;

    const components = { genre: clamp01(genre), similarity, people, collaborative, context, discovery, quality, popularity };
    let weights: RankingWeights;
    let score: number;
    if (prof.coldStart) {
      weights = coldWeights;
      const q = COLD_START_WEIGHTS;
      const fit = q.genreFloor + (1 - q.genreFloor) * components.genre;
      score = fit * (q.quality * quality + q.popularity * popularity + q.discovery * discovery + q.context * context);
    } else {
      weights = collabWeights;
      score =
        weights.genre * components.genre +
        weights.similarity * similarity +
        weights.people * people +
        weights.collaborative * collaborative +
        weights.context * context +
        weights.discovery * discovery +
        weights.quality * quality +
        weights.popularity * popularity;
    }
    if (disliked) score *= DISLIKED_GENRE_PENALTY;

    out[i] = {
      candidate: c,
      index: i,
      score: clamp01(score),
      components,
      weights,
      coldStart: prof.coldStart,
      disliked,
      similarSeed: bestSeed,
      similarSeedSim: bestSeedSim,
      collabSeed: collabSeedOf[i] as number,
      person: bestPerson,
      personIsDirector: bestIsDirector,
      bestGenre,
      wr,
      popPct,
      hiddenGem,
      isNew,
    };
  }
  return { items: out, profile: prof };
}

/** Deterministic order: score, then popularity, then key. */
export function compareScored(a: ScoredCandidate, b: ScoredCandidate): number {
  return b.score - a.score || b.candidate.popularity - a.candidate.popularity || (a.candidate.key < b.candidate.key ? -1 : a.candidate.key > b.candidate.key ? 1 : 0);
}

// ----------------------------------------------------------------------------------------- reasons

const REASON_ORDER: readonly ReasonKind[] = [
  "BECAUSE_YOU_LIKED",
  "PEOPLE_ALSO_LIKED",
  "FAVOURITE_PERSON",
  "GENRE",
  "TOP_RATED",
  "HIDDEN_GEM",
  "NEW_RELEASE",
  "POPULAR",
  "LANGUAGE_OR_ERA",
];

/** Which reason kinds can speak for a component. */
export const REASON_KINDS_FOR_COMPONENT: Readonly<Record<keyof RankingWeights, readonly ReasonKind[]>> = {
  genre: ["GENRE"],
  similarity: ["BECAUSE_YOU_LIKED"],
  people: ["FAVOURITE_PERSON"],
  collaborative: ["PEOPLE_ALSO_LIKED"],
  context: ["LANGUAGE_OR_ERA"],
  discovery: ["HIDDEN_GEM", "NEW_RELEASE"],
  quality: ["TOP_RATED", "GENRE"],
  popularity: ["POPULAR"],
};

/** The seed an item is attributed to on the page ("Because you liked X"), if any. */
export function attributedSeed(s: ScoredCandidate): number {
  const c = contributions(s);
  if (s.similarSeed >= 0 && s.similarSeedSim >= SIMILAR_REASON_MIN && c.similarity >= 0.02) return s.similarSeed;
  if (s.collabSeed >= 0 && s.components.collaborative >= COLLAB_REASON_MIN && c.collaborative >= 0.015) return s.collabSeed;
  return -1;
}

const SIMILAR_REASON_MIN = 0.35;
const COLLAB_REASON_MIN = 0.1;
const PEOPLE_REASON_MIN = 0.3;

interface ReasonCandidate {
  reason: Reason;
  component: keyof RankingWeights;
  /** passes the component's own threshold */
  strong: boolean;
}

function languageName(code: string): string {
  const names: Record<string, string> = {
    en: "English", fr: "French", es: "Spanish", de: "German", it: "Italian", ja: "Japanese", ko: "Korean",
    zh: "Chinese", hi: "Hindi", pt: "Portuguese", sv: "Swedish", da: "Danish", no: "Norwegian", ru: "Russian",
    tr: "Turkish", pl: "Polish", nl: "Dutch", th: "Thai", cn: "Cantonese", fi: "Finnish",
  };
  return names[code] ?? code.toUpperCase();
}

function reasonCandidates(s: ScoredCandidate, prof: Profile, input: RankingInput): ReasonCandidate[] {
  const out: ReasonCandidate[] = [];
  const c = s.candidate;
  const comp = s.components;
  const seeds = prof.seedIdx.seeds;
  if (s.similarSeed >= 0 && s.similarSeedSim >= 0.2 && comp.similarity > 0) {
    const seed = seeds[s.similarSeed] as SeedTitle;
    out.push({ reason: { kind: "BECAUSE_YOU_LIKED", text: `Because you liked ${seed.title}`, refersTo: seed.key }, component: "similarity", strong: s.similarSeedSim >= SIMILAR_REASON_MIN });
  }
  if (s.collabSeed >= 0 && comp.collaborative > 0 && s.weights.collaborative > 0) {
    const seed = seeds[s.collabSeed] as SeedTitle;
    out.push({ reason: { kind: "PEOPLE_ALSO_LIKED", text: `People who liked ${seed.title} also liked this`, refersTo: seed.key }, component: "collaborative", strong: comp.collaborative >= COLLAB_REASON_MIN });
  }
  if (s.person >= 0 && comp.people > 0) {
    const name = input.personNames.get(s.person);
    if (name) {
      out.push({
        reason: { kind: "FAVOURITE_PERSON", text: s.personIsDirector ? `Directed by ${name}` : `With ${name}`, refersTo: `person:${s.person}` },
        component: "people",
        strong: comp.people >= PEOPLE_REASON_MIN,
      });
    }
  }
  const genreName = s.bestGenre >= 0 ? input.genreNames.get(s.bestGenre) : undefined;
  const topRated = s.wr >= 7.0 && (c.voteCount ?? 0) >= 50;
  if (genreName && comp.genre > 0 && !s.disliked) {
    out.push({
      reason: { kind: "GENRE", text: topRated ? `Top-rated ${genreName}` : `Because you like ${genreName}`, refersTo: `genre:${s.bestGenre}` },
      component: "genre",
      strong: comp.genre >= 0.4,
    });
  }
  if (c.voteAverage !== null && c.voteCount !== null && c.voteCount > 0 && s.wr >= 7.0) {
    out.push({ reason: { kind: "TOP_RATED", text: `Highly rated: ${c.voteAverage.toFixed(1)} from ${formatCount(c.voteCount)} votes` }, component: "quality", strong: comp.quality >= 0.6 });
  }
  if (s.hiddenGem >= 0.25 && s.popPct <= 0.6) {
    out.push({ reason: { kind: "HIDDEN_GEM", text: "Hidden gem" }, component: "discovery", strong: true });
  }
  if (s.isNew) out.push({ reason: { kind: "NEW_RELEASE", text: "New release" }, component: "discovery", strong: true });
  if (s.popPct >= 0.9 && comp.popularity >= 0.6) out.push({ reason: { kind: "POPULAR", text: "Popular right now" }, component: "popularity", strong: true });
  if (comp.context >= 0.7) {
    if (prof.hasExplicitLanguages && input.profile.languages.includes(c.originalLanguage)) {
      out.push({ reason: { kind: "LANGUAGE_OR_ERA", text: `In ${languageName(c.originalLanguage)}` }, component: "context", strong: true });
    } else if (prof.hasExplicitEra && c.releaseYear !== null && prof.eraScore(c.releaseYear) >= 0.99) {
      out.push({ reason: { kind: "LANGUAGE_OR_ERA", text: `From your favourite era (${Math.floor(c.releaseYear / 10) * 10}s)` }, component: "context", strong: true });
    }
  }
  return out;
}

/**
 * Reasons for one scored item, most specific first. A reason is shown when its component passed its
 * own threshold and contributed a meaningful share of the score; the reason of the component that
 * contributed most is always shown when it can be put into words. At most three.
 */
export function buildReasons(s: ScoredCandidate, input: RankingInput, prof: Profile): Reason[] {
  const cands = reasonCandidates(s, prof, input);
  const contrib = contributions(s);
  const ranked = (Object.keys(contrib) as Array<keyof RankingWeights>).sort((a, b) => contrib[b] - contrib[a]);
  const top = contrib[ranked[0] as keyof RankingWeights];
  const chosen = new Set<ReasonCandidate>();
  // the winning component first (the best-contributing component that has words)
  for (const k of ranked) {
    if (contrib[k] <= 0) break;
    const rc = cands.find((r) => r.component === k);
    if (rc) {
      chosen.add(rc);
      break;
    }
  }
  for (const rc of cands) {
    if (chosen.size >= 3) break;
    if (rc.strong && (contrib[rc.component] >= 0.2 * top || rc.reason.kind === "NEW_RELEASE" || rc.reason.kind === "HIDDEN_GEM")) chosen.add(rc);
  }
  if (chosen.size === 0) return [fallbackReason(s, input)];
  return [...chosen].map((r) => r.reason).sort((a, b) => REASON_ORDER.indexOf(a.kind) - REASON_ORDER.indexOf(b.kind));
}

/** Last resort when no component has words of its own: still true, just less specific. */
function fallbackReason(s: ScoredCandidate, input: RankingInput): Reason {
  const c = s.candidate;
  const liked = s.bestGenre >= 0 && !s.disliked ? input.genreNames.get(s.bestGenre) : undefined;
  if (liked) return { kind: "GENRE", text: `Because you like ${liked}`, refersTo: `genre:${s.bestGenre}` };
  if (s.popPct >= 0.75) return { kind: "POPULAR", text: "Popular right now" };
  if (c.voteAverage !== null && c.voteCount !== null && c.voteCount > 0 && s.wr >= 6.5) {
    return { kind: "TOP_RATED", text: `Well rated: ${c.voteAverage.toFixed(1)} from ${formatCount(c.voteCount)} votes` };
  }
  const g = c.genreIds.find((id) => input.genreNames.has(id));
  if (g !== undefined) return { kind: "GENRE", text: `Something different: ${input.genreNames.get(g)}`, refersTo: `genre:${g}` };
  if (c.releaseYear !== null) return { kind: "LANGUAGE_OR_ERA", text: `From ${c.releaseYear}` };
  return { kind: "GENRE", text: "Something different" };
}

// ----------------------------------------------------------------------------------------- diversity

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

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) as number;
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

// -------------------------------------------------------------------------------------------- entry

/**
 * Scores the candidates against the person's taste, re-ranks the best for diversity and explains
 * each pick. Returns at most `limit` items; pure and deterministic.
 */
export function rankRecommendations(input: RankingInput, options: RankingOptions = {}): RankedRecommendation[] {
  const { items, profile } = scoreCandidates(input, options);
  // Reasons are built once per item considered, and the per-seed cap counts the seed each item is
  // presented under: its first (most specific) seed reason, "Because you liked Heat" or else
  // "People who liked Heat also liked this".
  const reasons = new Map<ScoredCandidate, Reason[]>();
  const reasonsOf = (s: ScoredCandidate): Reason[] => {
    let r = reasons.get(s);
    if (!r) reasons.set(s, (r = buildReasons(s, input, profile)));
    return r;
  };
  const primarySeed = (s: ScoredCandidate): string[] => {
    const r = reasonsOf(s).find((x) => x.kind === "BECAUSE_YOU_LIKED" || x.kind === "PEOPLE_ALSO_LIKED");
    return r?.refersTo ? [r.refersTo] : [];
  };
  const page = diversify(items, input.limit, options.mmrLambda ?? MMR_LAMBDA, primarySeed);
  return page.map((s) => ({
    candidate: s.candidate,
    score: s.score,
    components: { ...s.components },
    reasons: reasonsOf(s),
  }));
}
