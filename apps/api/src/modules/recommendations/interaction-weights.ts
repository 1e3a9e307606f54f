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
 * (bench/recommendations-quality.ts, `--tune`): see the figures in the comment of each value.
 */
export const INTERACTION_WEIGHTS: Readonly<InteractionWeights> = Object.freeze({
  favourite: 1,
  watched: 0.7,
  watchlist: 0.4,
  rating: Object.freeze({ likedFrom: 7, atLikedFrom: 0.6 }),
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
