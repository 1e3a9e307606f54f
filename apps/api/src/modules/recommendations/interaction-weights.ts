// How much each kind of interaction speaks for a person's taste. One table for both ends of the
// engine: the training job turns a person's interactions with a title into the value the model
// learns from, and the request-time scorer turns the caller's own interactions into seed weights.
// 0 means "not a positive signal" (dismissals, low ratings): such titles are never seeds and never
// recommended back, but they are not learnt as likes either.
import type { InteractionKind } from "../../generated/prisma/enums.ts";

export interface InteractionWeights {
  favourite: number;
  watched: number;
  watchlist: number;
  /** Weight of a rating r (1–10): ratings below `likedFrom` are not positive; the rest rise linearly to 1 at 10. */
  rating: { likedFrom: number; atLikedFrom: number };
}

/**
 * Chosen on the validation split cut from MovieLens 100K's training data
 * (bench/recommendations-quality.ts, `--tune`, and bench/recommendations-validation.ts).
 *
 * Ratings (RATINGS=… in recommendations-validation.ts: every MovieLens rating fed as a rating, 1–5
 * stars → 2–10; HR@20 / NDCG@20 / coverage@20 on validation): likedFrom 7, atLikedFrom 0.6 (3 stars
 * counting for nothing) 0.850 / 0.235 / 0.225; likedFrom 5 (2½ stars and up) with 0.6 / 0.7 / 0.8 /
 * 0.9 / 1 → 0.863 / 0.259 / 0.294, 0.873 / 0.259 / 0.303, 0.869 / 0.257 / 0.312, 0.873 / 0.257 /
 * 0.328, 0.868 / 0.253 / 0.336; likedFrom 6 with 0.7 / 0.8 → 0.864 / 0.259 / 0.296, 0.871 / 0.258 /
 * 0.307; likedFrom 3 → 0.853 / 0.247; likedFrom 8 → 0.851 / 0.235. The same people fed as roles
 * (4–5 stars favourite, 3 watched, 1–2 dismissed): 0.869 / 0.256 / 0.304. Low ratings as negative
 * values in training (−0.1, −0.3; the matrix otherwise keeps only positive values): 0.871 / 0.256,
 * 0.863 / 0.258, no better than 0, so they stay 0.
 */
export const INTERACTION_WEIGHTS: Readonly<InteractionWeights> = Object.freeze({
  favourite: 1,
  watched: 0.7,
  watchlist: 0.4,
  rating: Object.freeze({ likedFrom: 5, atLikedFrom: 0.7 }),
});

/** The weight of one interaction; 0 when it is not a positive signal. */
export function interactionWeight(kind: InteractionKind, rating: number | null, weights: Readonly<InteractionWeights> = INTERACTION_WEIGHTS): number {
  switch (kind) {
    case "FAVOURITE":
      return weights.favourite;
    case "WATCHED":
      return weights.watched;
    case "WATCHLIST":
      return weights.watchlist;
    case "RATING": {
      if (rating === null || rating < weights.rating.likedFrom) return 0;
      const span = 10 - weights.rating.likedFrom;
      return span > 0 ? weights.rating.atLikedFrom + ((1 - weights.rating.atLikedFrom) * (rating - weights.rating.likedFrom)) / span : 1;
    }
    case "DISMISSED":
      return 0;
  }
}
