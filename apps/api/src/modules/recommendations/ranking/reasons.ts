// Reasons: why a title was picked, in words a person reads. True by construction: "Because you
// liked X" needs real content similarity to X, "People who liked X also liked this" names the seed
// whose contribution to the collaborative score is the largest, a favourite person is in the title.
import { formatCount } from "./signals.ts";
import { contributions, type ScoredCandidate } from "./score-candidates.ts";
import type { Profile } from "./taste-profile.ts";
import type { RankingInput, Reason, ReasonKind, SeedTitle } from "./types.ts";
import type { RankingWeights } from "./weights.ts";

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
    en: "English",
    fr: "French",
    es: "Spanish",
    de: "German",
    it: "Italian",
    ja: "Japanese",
    ko: "Korean",
    zh: "Chinese",
    hi: "Hindi",
    pt: "Portuguese",
    sv: "Swedish",
    da: "Danish",
    no: "Norwegian",
    ru: "Russian",
    tr: "Turkish",
    pl: "Polish",
    nl: "Dutch",
    th: "Thai",
    cn: "Cantonese",
    fi: "Finnish",
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
    out.push({
      reason: { kind: "BECAUSE_YOU_LIKED", text: `Because you liked ${seed.title}`, refersTo: seed.key },
      component: "similarity",
      strong: s.similarSeedSim >= SIMILAR_REASON_MIN,
    });
  }
  if (s.collabSeed >= 0 && comp.collaborative > 0 && s.weights.collaborative > 0) {
    const seed = seeds[s.collabSeed] as SeedTitle;
    out.push({
      reason: { kind: "PEOPLE_ALSO_LIKED", text: `People who liked ${seed.title} also liked this`, refersTo: seed.key },
      component: "collaborative",
      strong: comp.collaborative >= COLLAB_REASON_MIN,
    });
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
    out.push({
      reason: { kind: "TOP_RATED", text: `Highly rated: ${c.voteAverage.toFixed(1)} from ${formatCount(c.voteCount)} votes` },
      component: "quality",
      strong: comp.quality >= 0.6,
    });
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
      out.push({
        reason: { kind: "LANGUAGE_OR_ERA", text: `From your favourite era (${Math.floor(c.releaseYear / 10) * 10}s)` },
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
