// The ranking's entry (docs/recommendations.md): score the candidates, re-rank the best for
// diversity, explain each pick. The parts, one concern per file:
//   taste-profile.ts      the seeds, pool statistics and preferences, compiled once per call
//   content-similarity.ts similarity to the seeds ("Because you liked X")
//   score-candidates.ts   the components and their blend (weights.ts)
//   diversity.ts          MMR with a per-seed cap
//   reasons.ts            the words shown with each pick
//
// Pure and deterministic: everything it needs comes in through RankingInput ("today" included), it
// never reads the clock or a random source, and ties are broken by key. It is built to score a
// bounded candidate pool (thousands of titles) against a person's seeds (up to a few hundred)
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
import { diversify, DIVERSITY_POOL } from "./diversity.ts";
import { buildReasons } from "./reasons.ts";
import { scoreCandidates, type ScoredCandidate } from "./score-candidates.ts";
import type { RankedRecommendation, RankingInput, Reason } from "./types.ts";
import { MMR_LAMBDA, type RankingOptions } from "./weights.ts";

/**
 * Scores the candidates against the person's taste, re-ranks the best for diversity and explains
 * each pick. Returns at most `limit` items; pure and deterministic.
 */
export function rankRecommendations(input: RankingInput, options: RankingOptions = {}): RankedRecommendation[] {
  // Only what can reach the re-rank's pool or the list's depth needs a full score.
  const { items, profile } = scoreCandidates(input, options, Math.max(DIVERSITY_POOL, input.limit));
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
