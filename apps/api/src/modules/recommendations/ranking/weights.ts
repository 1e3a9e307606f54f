// The ranking's weights: how much each signal counts, for people the model knows, for new people
// (cold start), and the knobs experiments may turn (RankingOptions). Every figure quoted here was
// measured on a validation split (bench/recommendations-quality.ts), never on the test.
import { clamp01 } from "./signals.ts";

/**
 * How many of the person's most recent positive titles seed a ranking (content similarity, people,
 * genres and the collaborative evidence). Chosen on the MovieLens 100K validation split (cut from the
 * training histories, never the test; `bench/recommendations-validation.ts` reruns it),
 * NDCG@20 / HR@20 / coverage@20 by the cap: 200 → 0.252 / 0.867 / 0.252, 100 → 0.255 / 0.868 /
 * 0.279, 60 → 0.256 / 0.869 / 0.304, 40 → 0.253 / 0.871 / 0.335, 30 → 0.251 / 0.867 / 0.339,
 * 20 → 0.236 / 0.861 / 0.367. Recent taste predicts the next titles as well as the whole history
 * does, and lists widen; 60 has the best NDCG. It also bounds the ranking's work for long histories.
 */
export const MAX_SEEDS = 60;

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
