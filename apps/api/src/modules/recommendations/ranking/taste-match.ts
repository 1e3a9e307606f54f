// How a candidate matches the person's taste profile (taste-profile.ts) on content: its genres
// against the liked and disliked genres, its director and billed cast against the favourite people.
// Each answer carries what the reasons name (the best genre, the person and whether they directed).
import type { CandidateFeatures } from "./content-similarity.ts";
import { billing, clamp01 } from "./signals.ts";
import type { Profile } from "./taste-profile.ts";

/** Genre affinity: half the best-liked genre, half the IDF-weighted mean preference; 0 with a disliked genre. */
export function genreAffinity(prof: Profile, genres: readonly number[]) {
  let disliked = false;
  let maxPref = 0;
  let bestGenre = -1;
  let num = 0;
  let den = 0;
  for (const g of genres) {
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
  let genre = genres.length > 0 ? 0.5 * maxPref + 0.5 * (num / den) : 0;
  if (prof.coldStart && prof.genrePref.size === 0) genre = 0.5; // nothing known: neutral
  if (disliked) genre = 0;
  return { genre: clamp01(genre), disliked, bestGenre };
}

/** Favourite people: noisy-OR over the candidate's favourite people (cast weighted by billing). */
export function favouritePeopleScore(prof: Profile, f: CandidateFeatures) {
  let notPeople = 1;
  let person = -1;
  let best = 0;
  let isDirector = false;
  if (prof.people.size > 0) {
    for (const p of f.directors) {
      const pp = prof.people.get(p);
      if (!pp) continue;
      notPeople *= 1 - pp.score;
      if (pp.score > best) {
        best = pp.score;
        person = p;
        isDirector = true;
      }
    }
    for (let k = 0; k < f.cast.length; k++) {
      const p = f.cast[k] as number;
      const pp = prof.people.get(p);
      if (!pp) continue;
      const v = pp.score * billing(k);
      notPeople *= 1 - v;
      if (v > best) {
        best = v;
        person = p;
        isDirector = false;
      }
    }
  }
  return { people: clamp01(1 - notPeople), person, isDirector };
}
