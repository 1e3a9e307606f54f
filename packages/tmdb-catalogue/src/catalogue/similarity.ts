// /similar and /recommendations: per-title scores over every title of the same type, from shared
// genres (required), keywords and language, scanned in flat typed arrays (ScanData, built once
// per type); recommendations add shared key people, the same collection and a little popularity.
import * as D from "../data.ts";
import { RECOMMENDATIONS_LIMIT, SIMILAR_LIMIT } from "../model.ts";
import type { CatalogueMovie, CatalogueTitle, Genre, Keyword, Person } from "../model.ts";
import { topK } from "./ordering.ts";
import type { PersonIndex } from "./person-index.ts";

/** Flat typed arrays for fast overlap scans (genre bitmasks, keyword indexes, language, adult). */
export interface ScanData {
  masks: Int32Array;
  lang: Uint16Array;
  adult: Uint8Array;
  kw: Uint16Array;
  kwStart: Uint32Array;
  /** scratch: 1 for the keywords of the title being compared */
  marker: Uint8Array;
}

export function buildScanData(titles: readonly CatalogueTitle[], genres: readonly Genre[], keywords: readonly Keyword[]): ScanData {
  const bit = new Map(genres.map((g, i) => [g.id, 1 << i]));
  const kwIndex = new Map(keywords.map((k, i) => [k.id, i]));
  const langIndex = new Map<string, number>();
  const masks = new Int32Array(titles.length);
  const lang = new Uint16Array(titles.length);
  const adult = new Uint8Array(titles.length);
  const kwStart = new Uint32Array(titles.length + 1);
  let totalKw = 0;
  for (const t of titles) totalKw += t.keywordIds.length;
  const kw = new Uint16Array(totalKw);
  let k = 0;
  titles.forEach((t, i) => {
    let m = 0;
    for (const g of t.genreIds) m |= bit.get(g) ?? 0;
    masks[i] = m;
    let li = langIndex.get(t.originalLanguage);
    if (li === undefined) {
      li = langIndex.size;
      langIndex.set(t.originalLanguage, li);
    }
    lang[i] = li;
    adult[i] = t.adult ? 1 : 0;
    kwStart[i] = k;
    for (const id of t.keywordIds) kw[k++] = kwIndex.get(id) ?? 0;
  });
  kwStart[titles.length] = k;
  return { masks, lang, adult, kw, kwStart, marker: new Uint8Array(keywords.length) };
}

/** Scores by title index: 0 for titles sharing no genre (and for adult titles and t itself). */
export function overlapScores(d: ScanData, t: CatalogueTitle, genreWeight: number, keywordWeight: number, languageWeight: number): Float64Array {
  const n = d.masks.length;
  const own = d.masks[t.index] as number;
  const ownLang = d.lang[t.index] as number;
  const marker = d.marker;
  for (let j = d.kwStart[t.index] as number; j < (d.kwStart[t.index + 1] as number); j++) marker[d.kw[j] as number] = 1;
  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (d.adult[i] === 1 || i === t.index) continue;
    const shared = popcount((d.masks[i] as number) & own);
    if (shared === 0) continue;
    let kwShared = 0;
    const end = d.kwStart[i + 1] as number;
    for (let j = d.kwStart[i] as number; j < end; j++) kwShared += marker[d.kw[j] as number] as number;
    scores[i] = genreWeight * shared + keywordWeight * kwShared + (d.lang[i] === ownLang ? languageWeight : 0);
  }
  for (let j = d.kwStart[t.index] as number; j < (d.kwStart[t.index + 1] as number); j++) marker[d.kw[j] as number] = 0;
  return scores;
}

/** The best SIMILAR_LIMIT titles of `scores` (overlapScores with weights 2, 1.5, 0.5); ties: more popular first. */
export function similarTitles(titles: readonly CatalogueTitle[], scores: Float64Array): CatalogueTitle[] {
  return topK(scores, SIMILAR_LIMIT, (a, b) => (titles[b] as CatalogueTitle).popularity - (titles[a] as CatalogueTitle).popularity || a - b).map(
    (i) => titles[i] as CatalogueTitle,
  );
}

/** What recommendations add to the overlap scores of t. */
export interface RecommendationBoosts {
  index: PersonIndex;
  /** t's top-billed cast, directors and creators */
  keyPeople: readonly Person[];
  /** t's collection's movies ([] for tv and movies outside a collection) */
  collectionParts: readonly CatalogueMovie[];
}

/**
 * The best RECOMMENDATIONS_LIMIT titles of `scores` (overlapScores with weights 1, 1.5, 0.3) after adding 3 for each
 * credit a key person of t has there (top-8 billing, director, executive producer), 6 for the same collection, and
 * 0.3 log(1 + popularity) to every title already scored.
 */
export function recommendedTitles(t: CatalogueTitle, titles: readonly CatalogueTitle[], scores: Float64Array, boosts: RecommendationBoosts): CatalogueTitle[] {
  const { index } = boosts;
  const tvBit = t.mediaType === "tv" ? 1 : 0;
  for (const p of boosts.keyPeople) {
    for (const e of index.cast[p.index] ?? []) {
      const titleKey = Math.floor(e / 64);
      if ((titleKey & 1) !== tvBit || e % 64 >= 8) continue;
      const i = titleKey >> 1;
      if (i === t.index || (titles[i] as CatalogueTitle).adult) continue;
      scores[i] = (scores[i] as number) + 3;
    }
    for (const e of index.crew[p.index] ?? []) {
      const titleKey = Math.floor(e / 16);
      const job = e % 16;
      if ((titleKey & 1) !== tvBit || (job !== D.JOB_DIRECTOR && job !== D.JOB_EXEC_PRODUCER)) continue;
      const i = titleKey >> 1;
      if (i === t.index || (titles[i] as CatalogueTitle).adult) continue;
      scores[i] = (scores[i] as number) + 3;
    }
  }
  for (const m of boosts.collectionParts) if (m.index !== t.index && !m.adult) scores[m.index] = (scores[m.index] as number) + 6;
  for (let i = 0; i < scores.length; i++)
    if ((scores[i] as number) > 0) scores[i] = (scores[i] as number) + 0.3 * Math.log1p((titles[i] as CatalogueTitle).popularity);
  return topK(scores, RECOMMENDATIONS_LIMIT, (a, b) => a - b).map((i) => titles[i] as CatalogueTitle);
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
