// The person's taste as the ranking uses it, compiled once per call: the seeds with their effective
// weights and inverted indexes (genre, keyword, cast, director → seeds), pool statistics (genre and
// person frequencies, popularity ranks), and the preferences derived from both (genres, favourite
// people, language, era, film–series balance).
import { collaborativeScores, type CollaborativeScores, type KeyIds } from "../collaborative.ts";
import { billing, CAST_DEPTH, uniq } from "./signals.ts";
import type { CandidateTitle, RankingInput, SeedTitle, TasteProfile } from "./types.ts";
import type { MediaKind } from "../../../media-kind.ts";

export interface SeedIndex {
  seeds: SeedTitle[];
  /** effective weight (weight × recency) normalised to max 1 */
  w: Float64Array;
  totalW: number;
  genreLen: Int32Array;
  kwLen: Int32Array;
  hasPeople: Uint8Array;
  year: Float64Array; // NaN when unknown
  genrePost: Map<number, number[]>;
  kwPost: Map<number, number[]>;
  castPost: Map<number, number[]>;
  dirPost: Map<number, number[]>;
  byKey: Map<string, number>;
}

function post(map: Map<number, number[]>, id: number, s: number): void {
  const list = map.get(id);
  if (list) list.push(s);
  else map.set(id, [s]);
}

/**
 * The seeds the ranking uses (a positive, finite weight) and the weight it counts each with: its own
 * weight × recency (up to +25 % for one added today, fading over a year), normalised to a maximum of 1.
 */
export function weightedSeeds(seedsIn: readonly SeedTitle[], now: Date): { seeds: SeedTitle[]; w: Float64Array; totalW: number } {
  const seeds = seedsIn.filter((s) => Number.isFinite(s.weight) && s.weight > 0);
  const n = seeds.length;
  const w = new Float64Array(n);
  const nowMs = now.getTime();
  let maxW = 0;
  seeds.forEach((s, i) => {
    const ageDays = Math.max(0, (nowMs - s.addedAt.getTime()) / 86_400_000);
    const recency = 0.8 + 0.2 * Math.exp(-(Number.isFinite(ageDays) ? ageDays : 0) / 365);
    w[i] = s.weight * recency;
    if ((w[i] as number) > maxW) maxW = w[i] as number;
  });
  let totalW = 0;
  for (let i = 0; i < n; i++) {
    w[i] = (w[i] as number) / maxW;
    totalW += w[i] as number;
  }
  return { seeds, w, totalW };
}

/**
 * What the trained model says about the person's seeds, weighted as the ranking weighs them
 * (collaborative.ts): the service builds its collaborative pool from it and hands it to the ranking
 * (RankingInput.collaborative), so it is computed once per request.
 */
export function collaborativeEvidence(seeds: readonly SeedTitle[], neighbours: RankingInput["neighbours"], now: Date, ids?: KeyIds): CollaborativeScores {
  const used = weightedSeeds(seeds, now);
  return collaborativeScores(
    used.seeds.map((seed, s) => ({ key: seed.key, weight: used.w[s] as number })),
    neighbours,
    ids,
  );
}

export function buildSeedIndex(seedsIn: readonly SeedTitle[], now: Date): SeedIndex {
  const { seeds, w, totalW } = weightedSeeds(seedsIn, now);
  const n = seeds.length;
  const idx: SeedIndex = {
    seeds,
    w,
    totalW,
    genreLen: new Int32Array(n),
    kwLen: new Int32Array(n),
    hasPeople: new Uint8Array(n),
    year: new Float64Array(n),
    genrePost: new Map(),
    kwPost: new Map(),
    castPost: new Map(),
    dirPost: new Map(),
    byKey: new Map(),
  };
  seeds.forEach((s, i) => {
    const g = uniq(s.genreIds);
    const k = uniq(s.keywordIds);
    const c = uniq(s.castIds, CAST_DEPTH);
    const d = uniq(s.directorIds);
    idx.genreLen[i] = g.length;
    idx.kwLen[i] = k.length;
    idx.hasPeople[i] = c.length + d.length > 0 ? 1 : 0;
    idx.year[i] = s.releaseYear ?? Number.NaN;
    for (const id of g) post(idx.genrePost, id, i);
    for (const id of k) post(idx.kwPost, id, i);
    for (const id of c) post(idx.castPost, id, i);
    for (const id of d) post(idx.dirPost, id, i);
    if (!idx.byKey.has(s.key)) idx.byKey.set(s.key, i);
  });
  return idx;
}

export interface PersonPref {
  score: number;
  director: boolean;
}

/** The person's taste, compiled once per call (opaque outside this module). */
export interface Profile {
  seedIdx: SeedIndex;
  coldStart: boolean;
  /** genre id → preference in [0, 1] */
  genrePref: Map<number, number>;
  genreIdf: Map<number, number>;
  disliked: Set<number>;
  people: Map<number, PersonPref>;
  langScore: (lang: string) => number;
  eraScore: (year: number | null) => number;
  mediaScore: Record<MediaKind, number>;
  hasExplicitLanguages: boolean;
  hasExplicitEra: boolean;
  nowYear: number;
}

/** Pool statistics gathered in one pass over the candidates (plus seeds for base rates). */
export interface PoolStats {
  n: number;
  genreDf: Map<number, number>;
  personDf: Map<number, number>;
  popPct: Float64Array;
  popNorm: Float64Array;
}

export function poolStats(candidates: readonly CandidateTitle[], seeds: readonly SeedTitle[]): PoolStats {
  const genreDf = new Map<number, number>();
  const personDf = new Map<number, number>();
  // (ids repeated within one title are rare and harmless here: they only nudge a frequency)
  // People are counted only where the profile asks: the seeds' own cast and directors.
  const count = (t: { genreIds: number[]; castIds: number[]; directorIds: number[] }, addPeople: boolean) => {
    const g = t.genreIds;
    for (let i = 0; i < g.length; i++) genreDf.set(g[i] as number, (genreDf.get(g[i] as number) ?? 0) + 1);
    const c = t.castIds;
    const n = Math.min(c.length, CAST_DEPTH);
    const d = t.directorIds;
    for (let i = 0; i < n + d.length; i++) {
      const p = (i < n ? c[i] : d[i - n]) as number;
      const df = personDf.get(p);
      if (df !== undefined) personDf.set(p, df + 1);
      else if (addPeople) personDf.set(p, 1);
    }
  };
  for (const s of seeds) count(s, true);
  for (const c of candidates) count(c, false);
  const nc = candidates.length;
  // popularity percentile (0 = least popular in the pool; ties share one) and log-scaled popularity
  const pop = new Float64Array(nc);
  for (let i = 0; i < nc; i++) {
    const p = (candidates[i] as CandidateTitle).popularity;
    pop[i] = Number.isFinite(p) && p > 0 ? p : 0;
  }
  const order = new Int32Array(nc);
  for (let i = 0; i < nc; i++) order[i] = i;
  order.sort((a, b) => (pop[a] as number) - (pop[b] as number) || a - b);
  const popPct = new Float64Array(nc);
  for (let r = 0; r < nc; ) {
    let e = r;
    while (e + 1 < nc && pop[order[e + 1] as number] === pop[order[r] as number]) e++;
    const pct = nc > 1 ? (r + e) / 2 / (nc - 1) : 0.5;
    for (let k = r; k <= e; k++) popPct[order[k] as number] = pct;
    r = e + 1;
  }
  const maxLog = nc > 0 ? Math.log1p(pop[order[nc - 1] as number] as number) : 0;
  const popNorm = new Float64Array(nc);
  for (let i = 0; i < nc; i++) popNorm[i] = maxLog > 0 ? Math.log1p(pop[i] as number) / maxLog : 0;
  return { n: nc + seeds.length, genreDf, personDf, popPct, popNorm };
}

export function buildProfile(input: RankingInput, seedIdx: SeedIndex, stats: PoolStats): Profile {
  const { profile } = input;
  const coldStart = seedIdx.seeds.length === 0;
  const nowYear = input.now.getUTCFullYear();
  const disliked = new Set(profile.dislikedGenreIds);
  const liked = new Set(profile.likedGenreIds.filter((g) => !disliked.has(g)));
  const { genrePref, genreIdf } = genrePreferences(seedIdx, stats, liked, disliked);
  const language = languageFit(profile, seedIdx);
  const era = eraFit(profile, seedIdx, nowYear);
  return {
    seedIdx,
    coldStart,
    genrePref,
    genreIdf,
    disliked,
    people: coldStart ? new Map() : favouritePeople(seedIdx, stats),
    langScore: language.score,
    eraScore: era.score,
    mediaScore: mediaBalance(seedIdx),
    hasExplicitLanguages: language.explicit,
    hasExplicitEra: era.explicit,
    nowYear,
  };
}

/**
 * Genre preferences: the liked genres ⊕ the seeds' genre distribution × IDF (over the pool and the
 * seeds: Drama, on ~35 % of titles, ≈ 2.0; Horror, ~6 %, ≈ 3.8), normalised to a maximum of 1 and
 * trusted more as seeds accumulate.
 */
function genrePreferences(seedIdx: SeedIndex, stats: PoolStats, liked: ReadonlySet<number>, disliked: ReadonlySet<number>) {
  const genreIdf = new Map<number, number>();
  for (const [g, df] of stats.genreDf) genreIdf.set(g, 1 + Math.log((stats.n + 1) / (df + 1)));
  for (const g of liked) if (!genreIdf.has(g)) genreIdf.set(g, 1 + Math.log(stats.n + 1));
  const idf = (g: number) => genreIdf.get(g) ?? 1 + Math.log(stats.n + 1);

  const seedGenre = new Map<number, number>();
  for (const [g, list] of seedIdx.genrePost) {
    let m = 0;
    for (const s of list) m += seedIdx.w[s] as number;
    seedGenre.set(g, (m / Math.max(seedIdx.totalW, 1e-9)) * idf(g));
  }
  let maxSeedGenre = 0;
  for (const v of seedGenre.values()) maxSeedGenre = Math.max(maxSeedGenre, v);
  const seedConfidence = seedIdx.totalW / (seedIdx.totalW + 2);
  const genrePref = new Map<number, number>();
  for (const g of new Set<number>([...liked, ...seedGenre.keys()])) {
    if (disliked.has(g)) continue;
    const explicit = liked.has(g) ? 0.85 : 0;
    const fromSeeds = maxSeedGenre > 0 ? (seedConfidence * (seedGenre.get(g) ?? 0)) / maxSeedGenre : 0;
    genrePref.set(g, 1 - (1 - explicit) * (1 - fromSeeds));
  }
  return { genrePref, genreIdf };
}

/** Favourite people: weight across the seeds above what chance would give a prolific actor. */
function favouritePeople(seedIdx: SeedIndex, stats: PoolStats): Map<number, PersonPref> {
  const weightOf = new Map<number, { w: number; director: boolean }>();
  seedIdx.seeds.forEach((s, i) => {
    const sw = seedIdx.w[i] as number;
    uniq(s.castIds, CAST_DEPTH).forEach((p, k) => {
      const e = weightOf.get(p);
      if (e) e.w += sw * billing(k);
      else weightOf.set(p, { w: sw * billing(k), director: false });
    });
    for (const p of uniq(s.directorIds)) {
      const e = weightOf.get(p);
      if (e) {
        e.w += sw;
        e.director = true;
      } else weightOf.set(p, { w: sw, director: true });
    }
  });
  const people = new Map<number, PersonPref>();
  const logN = Math.log(stats.n + 1);
  for (const [p, { w, director }] of weightOf) {
    const df = stats.personDf.get(p) ?? 1;
    const expected = (seedIdx.totalW * df) / stats.n;
    const excess = Math.max(0, w - expected);
    // Quadratic in the excess: one seed ≈ 0.39, two ≈ 0.86, three ≈ 0.99. Recurrence is the point.
    // × specificity: an actor in 150 titles of the pool says little about any one of them.
    const specificity = Math.log((stats.n + 1) / df) / logN;
    const score = (1 - Math.exp(-(excess * excess) / 2)) * specificity;
    if (score > 0.05) people.set(p, { score, director });
  }
  return people;
}

/** Language fit: the preferred languages if any, else the seeds' language shares. */
function languageFit(profile: TasteProfile, seedIdx: SeedIndex) {
  const langs = new Set(profile.languages);
  const explicit = langs.size > 0;
  const langShare = new Map<string, number>();
  seedIdx.seeds.forEach((s, i) => langShare.set(s.originalLanguage, (langShare.get(s.originalLanguage) ?? 0) + (seedIdx.w[i] as number)));
  let maxLang = 0;
  for (const v of langShare.values()) maxLang = Math.max(maxLang, v);
  const score = (lang: string): number => {
    if (explicit) return langs.has(lang) ? 1 : 0.2;
    if (maxLang === 0) return 0.5;
    return (langShare.get(lang) ?? 0) / maxLang;
  };
  return { explicit, score };
}

/** Era fit: distance to the preferred years if set, else the seeds' release-year density (σ = 8 years). */
function eraFit(profile: TasteProfile, seedIdx: SeedIndex, nowYear: number) {
  const explicit = profile.yearFrom !== null || profile.yearTo !== null;
  const minY = 1870;
  const maxY = nowYear + 10;
  const density = new Float64Array(maxY - minY + 1);
  let seedYears = 0;
  seedIdx.seeds.forEach((s, i) => {
    if (s.releaseYear === null || !Number.isFinite(s.releaseYear)) return;
    seedYears++;
    const sw = seedIdx.w[i] as number;
    for (let y = 0; y < density.length; y++) {
      const d = (minY + y - s.releaseYear) / 8;
      if (d > -4 && d < 4) density[y] = (density[y] as number) + sw * Math.exp(-(d * d) / 2);
    }
  });
  let maxDensity = 0;
  for (const v of density) maxDensity = Math.max(maxDensity, v);
  const score = (year: number | null): number => {
    if (year === null || !Number.isFinite(year)) return 0.5;
    if (explicit) {
      const from = profile.yearFrom ?? -Infinity;
      const to = profile.yearTo ?? Infinity;
      const dist = year < from ? from - year : year > to ? year - to : 0;
      return Math.exp(-dist / 5);
    }
    if (seedYears === 0 || maxDensity === 0) return 0.5;
    const y = Math.min(maxY, Math.max(minY, Math.round(year))) - minY;
    return (density[y] as number) / maxDensity;
  };
  return { explicit, score };
}

/** The person's film–series balance, each relative to the larger (smoothed by half a title each way). */
function mediaBalance(seedIdx: SeedIndex): Record<MediaKind, number> {
  let movieW = 0;
  let tvW = 0;
  seedIdx.seeds.forEach((s, i) => {
    if (s.mediaType === "tv") tvW += seedIdx.w[i] as number;
    else movieW += seedIdx.w[i] as number;
  });
  const mMovie = (movieW + 0.5) / (movieW + tvW + 1);
  const mTv = (tvW + 0.5) / (movieW + tvW + 1);
  const mMax = Math.max(mMovie, mTv);
  return { movie: mMovie / mMax, tv: mTv / mMax };
}
