// Deliberately degraded list items (see README): about 10% of titles' LIST items (popular, discover,
// search, similar…) carry poster_path: null and 5% vote_average: 0, vote_count: 0, while their
// details are complete. Which titles is a stable hash of (seed, type, id).
import type { CatalogueTitle, MediaType } from "../model.ts";
import { unitHash } from "../random.ts";

export interface LackingFields {
  /** ids whose list items have poster_path: null (details have a poster) */
  posterNull: number[];
  /** ids whose list items have vote_average: 0 and vote_count: 0 (details have real votes) */
  votesZero: number[];
}

/** Fractions of list items that deliberately lack fields (see README). */
export const LIST_POSTER_NULL_RATE = 0.1;
export const LIST_VOTES_ZERO_RATE = 0.05;

export function lacksPoster(seed: number, type: MediaType, id: number): boolean {
  return unitHash(seed, "lack-poster", type, id) < LIST_POSTER_NULL_RATE;
}

/** Only titles with votes lose them. */
export function lacksVotes(seed: number, type: MediaType, t: CatalogueTitle): boolean {
  return t.voteCount > 0 && unitHash(seed, "lack-votes", type, t.id) < LIST_VOTES_ZERO_RATE;
}
