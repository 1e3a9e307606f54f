// Scoring: every candidate's components in [0, 1], blended by the weights (weights.ts):
//
//   score   = Σ weight_k · component_k           (Σ weights = 1), × 0.05 with a disliked genre
//   cold start (no seeds): genreFit × (quality, popularity, discovery, context mix)
//
// Pure; O(candidates × shared features) after the taste profile is compiled (taste-profile.ts).
import type { CollaborativeScores } from "../collaborative.ts";
import { SeedSimilarity, type CandidateFeatures } from "./content-similarity.ts";
import { bayesianRating, BAYES_PRIOR_MEAN, CAST_DEPTH, clamp01, qualityScore, uniq } from "./signals.ts";
import { favouritePeopleScore, genreAffinity } from "./taste-match.ts";
import { buildProfile, buildSeedIndex, collaborativeEvidence, poolStats, type PoolStats, type Profile, type SeedIndex } from "./taste-profile.ts";
import type { CandidateTitle, RankingInput, ScoreComponents, SeedTitle } from "./types.ts";
import {
  blendWeights,
  COLD_START_WEIGHTS,
  COLLABORATIVE_SHARE,
  CONTENT_WEIGHTS,
  DISLIKED_GENRE_PENALTY,
  type RankingOptions,
  type RankingWeights,
} from "./weights.ts";

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

/** The collaborative component's inputs for the pool: raw scores, the seed behind each, the pool's best and mean. */
interface CollaborativeSignal {
  raw: Float64Array;
  seedOf: Int32Array;
  max: number;
  /** What a title the model has not seen yet is expected to score, knowing nothing: the mean of those it knows. */
  mean: number;
  /** The person's collaborative confidence: saturates at two favourites' worth of seeds the model knows. */
  confidence: number;
}

function collaborativeSignal(input: RankingInput, seedIdx: SeedIndex, candidates: readonly CandidateTitle[]): CollaborativeSignal {
  const evidence: CollaborativeScores = input.collaborative ?? collaborativeEvidence(seedIdx.seeds, input.neighbours, input.now);
  let dataW = 0;
  seedIdx.seeds.forEach((seed, s) => {
    if (input.neighbours.has(seed.key)) dataW += seedIdx.w[s] as number;
  });
  const nc = candidates.length;
  const raw = new Float64Array(nc);
  const seedOf = new Int32Array(nc).fill(-1);
  let max = 0;
  let inModelSum = 0;
  let inModelCount = 0;
  for (let i = 0; i < nc; i++) {
    const c = candidates[i] as CandidateTitle;
    const entry = evidence.get(c.key);
    if (entry) {
      raw[i] = entry.score;
      seedOf[i] = seedIdx.byKey.get(entry.topSeed) ?? -1;
      if (entry.score > max) max = entry.score;
    }
    if (c.inModel) {
      inModelSum += Math.max(0, raw[i] as number);
      inModelCount++;
    }
  }
  const mean = max > 0 && inModelCount > 0 ? inModelSum / inModelCount / max : 0;
  return { raw, seedOf, max, mean, confidence: Math.min(1, dataW / 2) };
}

/** Everything scoring one candidate needs, compiled once per call. */
interface Scorer {
  profile: Profile;
  stats: PoolStats;
  collaborative: CollaborativeSignal;
  similarity: SeedSimilarity;
  weights: RankingWeights;
  coldWeights: RankingWeights;
}

/** A candidate's unique ids as the ranking reads them. */
function featuresOf(c: CandidateTitle): CandidateFeatures {
  return { genres: uniq(c.genreIds), keywords: uniq(c.keywordIds), cast: uniq(c.castIds, CAST_DEPTH), directors: uniq(c.directorIds) };
}

/** The blended score of a candidate's components (multiplicative for cold start), × the disliked-genre penalty. */
function blend(scorer: Scorer, c: ScoredCandidate["components"], disliked: boolean): number {
  let score: number;
  if (scorer.profile.coldStart) {
    const q = COLD_START_WEIGHTS;
    const fit = q.genreFloor + (1 - q.genreFloor) * c.genre;
    score = fit * (q.quality * c.quality + q.popularity * c.popularity + q.discovery * c.discovery + q.context * c.context);
  } else {
    const w = scorer.weights;
    score =
      w.genre * c.genre +
      w.similarity * c.similarity +
      w.people * c.people +
      w.collaborative * c.collaborative +
      w.context * c.context +
      w.discovery * c.discovery +
      w.quality * c.quality +
      w.popularity * c.popularity;
  }
  return clamp01(disliked ? score * DISLIKED_GENRE_PENALTY : score);
}

/**
 * One candidate's score. With `similarity` "bound", the similarity component is its cheap upper
 * bound (SeedSimilarity.upperBound) instead of the walk over the seeds, so the score is a bound too
 * (sharpen() then makes it exact).
 */
function scoreOne(scorer: Scorer, c: CandidateTitle, i: number, f: CandidateFeatures, similarity: "exact" | "bound" = "exact"): ScoredCandidate {
  const { profile: prof, stats, collaborative: collab } = scorer;
  const { genre, disliked, bestGenre } = genreAffinity(prof, f.genres);
  const similar = similarity === "exact" ? scorer.similarity.of(c, f) : { similarity: scorer.similarity.upperBound(f), bestSeed: -1, bestSeedSim: 0 };
  const people = favouritePeopleScore(prof, f);
  const context = clamp01(0.4 * prof.langScore(c.originalLanguage) + 0.4 * prof.eraScore(c.releaseYear) + 0.2 * prof.mediaScore[c.mediaType]);

  const wr = bayesianRating(c.voteAverage, c.voteCount);
  const quality = qualityScore(c.voteAverage, c.voteCount);
  const popPct = stats.popPct[i] as number;
  const popularity = stats.popNorm[i] as number;
  // hidden gem: rated clearly above the prior mean, and not what everybody already sees
  const hiddenGem = clamp01((wr - BAYES_PRIOR_MEAN) / 2) * (1 - popPct);
  const isNew = c.releaseYear !== null && c.releaseYear <= prof.nowYear && c.releaseYear >= prof.nowYear - 1;
  const discovery = clamp01(hiddenGem + (isNew ? 0.5 : 0));
  // A new release the model has not learnt yet (it came after the last training, or too few people
  // have it) has had no time to gather evidence: it gets the pool's mean rather than a zero, so it is
  // neither buried for being new nor lifted above titles people keep together.
  const collaborative = isNew && !c.inModel ? collab.mean : collab.max > 0 ? clamp01((collab.raw[i] as number) / collab.max) : 0;

  const components = { genre, similarity: similar.similarity, people: people.people, collaborative, context, discovery, quality, popularity };
  return {
    candidate: c,
    index: i,
    score: blend(scorer, components, disliked),
    components,
    weights: prof.coldStart ? scorer.coldWeights : scorer.weights,
    coldStart: prof.coldStart,
    disliked,
    similarSeed: similar.bestSeed,
    similarSeedSim: similar.bestSeedSim,
    collabSeed: collab.seedOf[i] as number,
    person: people.person,
    personIsDirector: people.isDirector,
    bestGenre,
    wr,
    popPct,
    hiddenGem,
    isNew,
  };
}

/** Replaces a bounded item's similarity with the walk's exact one, and its score with the exact score. */
function sharpen(scorer: Scorer, item: ScoredCandidate, f: CandidateFeatures): ScoredCandidate {
  const similar = scorer.similarity.of(item.candidate, f);
  item.components.similarity = similar.similarity;
  item.similarSeed = similar.bestSeed;
  item.similarSeedSim = similar.bestSeedSim;
  item.score = blend(scorer, item.components, item.disliked);
  return item;
}

/**
 * Scores every candidate (no re-rank, no reasons). Pure; O(candidates × shared features) after an
 * O(seeds) index build. Candidates that are themselves seeds are dropped.
 *
 * With `best`, only the candidates that can be among the `best` highest scores are scored in full
 * (and returned): each is first scored with a cheap upper bound in place of its similarity to the
 * seeds (the costly part: a walk over every seed it shares a genre with), which bounds its score
 * from above (the score is monotone in each component); in bound order, full scores are taken until
 * the best-th of them is above every remaining bound. The top `best` are exactly those of a full
 * scoring; the rest are left out.
 */
export function scoreCandidates(input: RankingInput, options: RankingOptions = {}, best?: number): ScoringResult {
  const contentWeights = options.contentWeights ?? CONTENT_WEIGHTS;
  const collabShare = options.collaborativeShare ?? COLLABORATIVE_SHARE;
  const seedIdx = buildSeedIndex(input.profile.seeds, input.now);
  const candidates = input.candidates.filter((c) => !seedIdx.byKey.has(c.key));
  const stats = poolStats(candidates, seedIdx.seeds);
  const profile = buildProfile(input, seedIdx, stats);
  const collaborative = collaborativeSignal(input, seedIdx, candidates);
  const scorer: Scorer = {
    profile,
    stats,
    collaborative,
    similarity: new SeedSimilarity(seedIdx),
    weights: blendWeights(collabShare * collaborative.confidence, contentWeights),
    coldWeights: { ...blendWeights(0, contentWeights), similarity: 0, people: 0, collaborative: 0 },
  };
  if (best === undefined || best >= candidates.length || profile.coldStart)
    return { items: candidates.map((c, i) => scoreOne(scorer, c, i, featuresOf(c))), profile };
  return { items: scoreBest(scorer, candidates, best), profile };
}

function scoreBest(scorer: Scorer, candidates: readonly CandidateTitle[], best: number): ScoredCandidate[] {
  const features = candidates.map(featuresOf);
  const bounded = candidates.map((c, i) => scoreOne(scorer, c, i, features[i] as CandidateFeatures, "bound"));
  const bound = Float64Array.from(bounded, (item) => item.score);
  const order = Array.from(candidates.keys()).sort((a, b) => (bound[b] as number) - (bound[a] as number) || a - b);
  const kept = new MinHeap(best);
  const items: ScoredCandidate[] = [];
  for (const i of order) {
    if (kept.full && kept.min > (bound[i] as number)) break;
    const item = sharpen(scorer, bounded[i] as ScoredCandidate, features[i] as CandidateFeatures);
    items.push(item);
    kept.offer(item.score);
  }
  return items;
}

/** The `capacity` largest numbers offered so far; `min` is the smallest of them. */
class MinHeap {
  private readonly values: number[] = [];
  constructor(private readonly capacity: number) {}

  get full(): boolean {
    return this.values.length >= this.capacity;
  }

  get min(): number {
    return this.values[0] ?? -Infinity;
  }

  offer(value: number): void {
    const v = this.values;
    if (v.length < this.capacity) {
      v.push(value);
      for (let i = v.length - 1; i > 0 && (v[i] as number) < (v[(i - 1) >> 1] as number); i = (i - 1) >> 1)
        [v[i], v[(i - 1) >> 1]] = [v[(i - 1) >> 1] as number, v[i] as number];
      return;
    }
    if (!(value > (v[0] as number))) return;
    v[0] = value;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      let m = i;
      if (l < v.length && (v[l] as number) < (v[m] as number)) m = l;
      if (l + 1 < v.length && (v[l + 1] as number) < (v[m] as number)) m = l + 1;
      if (m === i) return;
      [v[i], v[m]] = [v[m] as number, v[i] as number];
      i = m;
    }
  }
}

/** Deterministic order: score, then popularity, then key. */
export function compareScored(a: ScoredCandidate, b: ScoredCandidate): number {
  return (
    b.score - a.score || b.candidate.popularity - a.candidate.popularity || (a.candidate.key < b.candidate.key ? -1 : a.candidate.key > b.candidate.key ? 1 : 0)
  );
}

export type { SeedTitle };
