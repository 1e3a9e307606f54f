// Reasons: why a title was picked, in words a person reads. True by construction: "Because you
// liked X" needs real content similarity to X, "People who liked X also liked this" names the seed
// whose contribution to the collaborative score is the largest, a favourite person is in the title.
import { type ReasonWords, sayReason } from "./reason-words.ts";
import { contributions, type ScoredCandidate } from "./score-candidates.ts";
import type { Profile } from "./taste-profile.ts";
import type { RankingInput, Reason, ReasonKind, SeedTitle } from "./types.ts";
import type { RankingWeights } from "./weights.ts";

/** A reason of `kind` that says `words` (its English text stored with them). */
function reason(kind: ReasonKind, words: ReasonWords, refersTo?: string): Reason {
  return refersTo === undefined ? { kind, text: sayReason(words, "en"), words } : { kind, text: sayReason(words, "en"), words, refersTo };
}

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

function reasonCandidates(s: ScoredCandidate, prof: Profile, input: RankingInput): ReasonCandidate[] {
  const out: ReasonCandidate[] = [];
  const c = s.candidate;
  const comp = s.components;
  const seeds = prof.seedIdx.seeds;
  if (s.similarSeed >= 0 && s.similarSeedSim >= 0.2 && comp.similarity > 0) {
    const seed = seeds[s.similarSeed] as SeedTitle;
    out.push({
      reason: reason("BECAUSE_YOU_LIKED", { say: "becauseYouLiked", title: seed.title }, seed.key),
      component: "similarity",
      strong: s.similarSeedSim >= SIMILAR_REASON_MIN,
    });
  }
  if (s.collabSeed >= 0 && comp.collaborative > 0 && s.weights.collaborative > 0) {
    const seed = seeds[s.collabSeed] as SeedTitle;
    out.push({
      reason: reason("PEOPLE_ALSO_LIKED", { say: "peopleAlsoLiked", title: seed.title }, seed.key),
      component: "collaborative",
      strong: comp.collaborative >= COLLAB_REASON_MIN,
    });
  }
  if (s.person >= 0 && comp.people > 0) {
    const name = input.personNames.get(s.person);
    if (name) {
      out.push({
        reason: reason("FAVOURITE_PERSON", { say: s.personIsDirector ? "directedBy" : "with", name }, `person:${s.person}`),
        component: "people",
        strong: comp.people >= PEOPLE_REASON_MIN,
      });
    }
  }
  const genreName = s.bestGenre >= 0 ? input.genreNames.get(s.bestGenre) : undefined;
  const topRated = s.wr >= 7.0 && (c.voteCount ?? 0) >= 50;
  if (genreName && comp.genre > 0 && !s.disliked) {
    out.push({
      reason: reason("GENRE", { say: topRated ? "topRatedGenre" : "becauseYouLikeGenre", genre: s.bestGenre, name: genreName }, `genre:${s.bestGenre}`),
      component: "genre",
      strong: comp.genre >= 0.4,
    });
  }
  if (c.voteAverage !== null && c.voteCount !== null && c.voteCount > 0 && s.wr >= 7.0) {
    out.push({
      reason: reason("TOP_RATED", { say: "highlyRated", average: c.voteAverage, votes: c.voteCount }),
      component: "quality",
      strong: comp.quality >= 0.6,
    });
  }
  if (s.hiddenGem >= 0.25 && s.popPct <= 0.6) {
    out.push({ reason: reason("HIDDEN_GEM", { say: "hiddenGem" }), component: "discovery", strong: true });
  }
  if (s.isNew) out.push({ reason: reason("NEW_RELEASE", { say: "newRelease" }), component: "discovery", strong: true });
  if (s.popPct >= 0.9 && comp.popularity >= 0.6) out.push({ reason: reason("POPULAR", { say: "popular" }), component: "popularity", strong: true });
  if (comp.context >= 0.7) {
    if (prof.hasExplicitLanguages && input.profile.languages.includes(c.originalLanguage)) {
      out.push({ reason: reason("LANGUAGE_OR_ERA", { say: "inLanguage", language: c.originalLanguage }), component: "context", strong: true });
    } else if (prof.hasExplicitEra && c.releaseYear !== null && prof.eraScore(c.releaseYear) >= 0.99) {
      out.push({
        reason: reason("LANGUAGE_OR_ERA", { say: "favouriteEra", decade: Math.floor(c.releaseYear / 10) * 10 }),
        component: "context",
        strong: true,
      });
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
  if (liked) return reason("GENRE", { say: "becauseYouLikeGenre", genre: s.bestGenre, name: liked }, `genre:${s.bestGenre}`);
  if (s.popPct >= 0.75) return reason("POPULAR", { say: "popular" });
  if (c.voteAverage !== null && c.voteCount !== null && c.voteCount > 0 && s.wr >= 6.5) {
    return reason("TOP_RATED", { say: "wellRated", average: c.voteAverage, votes: c.voteCount });
  }
  const g = c.genreIds.find((id) => input.genreNames.has(id));
  if (g !== undefined) return reason("GENRE", { say: "somethingDifferentGenre", genre: g, name: input.genreNames.get(g) ?? "" }, `genre:${g}`);
  if (c.releaseYear !== null) return reason("LANGUAGE_OR_ERA", { say: "fromYear", year: c.releaseYear });
  return reason("GENRE", { say: "somethingDifferent" });
}
