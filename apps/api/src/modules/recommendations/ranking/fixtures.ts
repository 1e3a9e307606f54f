// Deterministic fixtures for ranking tests: a small catalogue generator with realistic structure
// (genre archetypes with their own keywords, actors and directors; a few stars across archetypes;
// log-uniform popularity with votes following it; ratings around 6.3; mostly English; years
// skewed recent). Same seed → same titles.
import type { NeighbourList } from "../collaborative.ts";
import type { CandidateTitle, RankingInput, SeedTitle, TasteProfile } from "./types.ts";

export const G = {
  action: 28,
  adventure: 12,
  animation: 16,
  comedy: 35,
  crime: 80,
  documentary: 99,
  drama: 18,
  family: 10751,
  fantasy: 14,
  history: 36,
  horror: 27,
  mystery: 9648,
  romance: 10749,
  scifi: 878,
  thriller: 53,
  war: 10752,
} as const;

export const GENRE_NAMES: ReadonlyMap<number, string> = new Map([
  [28, "Action"],
  [12, "Adventure"],
  [16, "Animation"],
  [35, "Comedy"],
  [80, "Crime"],
  [99, "Documentary"],
  [18, "Drama"],
  [10751, "Family"],
  [14, "Fantasy"],
  [36, "History"],
  [27, "Horror"],
  [9648, "Mystery"],
  [10749, "Romance"],
  [878, "Science Fiction"],
  [53, "Thriller"],
  [10752, "War"],
]);

// The catalogue's own seedable PRNG, so fixtures and the offline catalogue draw alike.
import { mulberry32 } from "@movierec/tmdb-catalogue";
export { mulberry32 };

export interface Archetype {
  name: string;
  /** genre-set variants, first is the most typical */
  genres: number[][];
  /** relative frequency in the catalogue */
  share: number;
}

export const ARCHETYPES: readonly Archetype[] = [
  { name: "horror", genres: [[G.horror, G.thriller], [G.horror], [G.horror, G.mystery], [G.thriller, G.mystery]], share: 1 },
  {
    name: "animation",
    genres: [
      [G.animation, G.family],
      [G.animation, G.family, G.comedy],
      [G.family, G.comedy],
      [G.animation, G.adventure, G.family],
    ],
    share: 1,
  },
  {
    name: "crime",
    genres: [
      [G.crime, G.drama],
      [G.crime, G.thriller],
      [G.crime, G.drama, G.thriller],
    ],
    share: 1.2,
  },
  { name: "romcom", genres: [[G.comedy, G.romance], [G.comedy], [G.romance, G.drama]], share: 1.2 },
  {
    name: "action",
    genres: [
      [G.action, G.scifi],
      [G.action, G.adventure],
      [G.scifi, G.adventure],
    ],
    share: 1.2,
  },
  { name: "drama", genres: [[G.drama], [G.drama, G.history], [G.war, G.drama, G.history]], share: 1.5 },
  { name: "documentary", genres: [[G.documentary], [G.documentary, G.history]], share: 0.5 },
];

/** Ids: keywords 1000·(a+1)+k, actors 10000+100·a+k, directors 20000+10·a+k, stars 1..12. */
export const STAR_IDS = Array.from({ length: 12 }, (_, i) => i + 1);
export const actorId = (a: number, k: number) => 10_000 + 100 * a + k;
export const directorId = (a: number, k: number) => 20_000 + 10 * a + k;
const keywordId = (a: number, k: number) => 1000 * (a + 1) + k;

export function personNames(): Map<number, string> {
  const m = new Map<number, string>();
  for (const id of STAR_IDS) m.set(id, `Star ${id}`);
  ARCHETYPES.forEach((_, a) => {
    for (let k = 0; k < 40; k++) m.set(actorId(a, k), `Actor ${a}-${k}`);
    for (let k = 0; k < 8; k++) m.set(directorId(a, k), `Director ${a}-${k}`);
  });
  return m;
}

export interface GenOptions {
  seed?: number;
  /** first tmdb id; ids are consecutive */
  firstId?: number;
  /** restrict to these archetype names */
  only?: string[];
}

/** `count` titles, deterministic for (count, options). Keys "movie:<id>" (every 5th is tv). */
export function makeTitles(count: number, options: GenOptions = {}): CandidateTitle[] {
  const rand = mulberry32(options.seed ?? 1);
  const gauss = () => Math.sqrt(-2 * Math.log(Math.max(rand(), 1e-12))) * Math.cos(2 * Math.PI * rand());
  const arch = ARCHETYPES.map((a, i) => ({ a, i })).filter(({ a }) => !options.only || options.only.includes(a.name));
  const total = arch.reduce((s, x) => s + x.a.share, 0);
  const out: CandidateTitle[] = [];
  const firstId = options.firstId ?? 100;
  for (let n = 0; n < count; n++) {
    let r = rand() * total;
    let pick = arch[0] as { a: Archetype; i: number };
    for (const x of arch) {
      r -= x.a.share;
      if (r <= 0) {
        pick = x;
        break;
      }
    }
    const { a, i: ai } = pick;
    const variant = rand() < 0.55 ? 0 : Math.floor(rand() * a.genres.length);
    const genreIds = (a.genres[variant] as number[]).slice();
    const keywordIds: number[] = [];
    const nk = 4 + Math.floor(rand() * 3);
    while (keywordIds.length < nk) {
      const k = keywordId(ai, Math.floor(Math.pow(rand(), 1.5) * 12));
      if (!keywordIds.includes(k)) keywordIds.push(k);
    }
    if (rand() < 0.3) keywordIds.push(9000 + Math.floor(rand() * 5)); // generic ("based on novel")
    // popularity log-uniform 0.5–500; votes follow it
    const popularity = Math.round(Math.exp(Math.log(0.5) + rand() * Math.log(1000)) * 1000) / 1000;
    const castIds: number[] = [];
    if (popularity > 80 && rand() < 0.6) castIds.push(STAR_IDS[Math.floor(rand() * STAR_IDS.length)] as number);
    const nc = 6 + Math.floor(rand() * 5);
    while (castIds.length < nc) {
      const id = actorId(ai, Math.floor(Math.pow(rand(), 2) * 40)); // power law within the pool
      if (!castIds.includes(id)) castIds.push(id);
    }
    const mediaType = n % 5 === 4 ? "tv" : "movie";
    const voteCount = Math.round(popularity * (20 + rand() * 60));
    const voteAverage = Math.round(Math.min(9.6, Math.max(2, 6.3 + gauss() * 0.9)) * 1000) / 1000;
    const releaseYear = Math.round(2025 - Math.pow(rand(), 1.6) * 55);
    const lr = rand();
    const originalLanguage = lr < 0.85 ? "en" : lr < 0.9 ? "ja" : lr < 0.95 ? "ko" : "fr";
    const id = firstId + n;
    out.push({
      key: `${mediaType}:${id}`,
      mediaType,
      tmdbId: id,
      title: `${a.name[0]?.toUpperCase()}${a.name.slice(1)} title ${id}`,
      genreIds,
      castIds,
      directorIds: [directorId(ai, Math.floor(Math.pow(rand(), 1.5) * 8))],
      keywordIds,
      originalLanguage,
      releaseYear,
      popularity,
      voteAverage,
      voteCount,
      runtime: 90 + Math.floor(rand() * 60),
      sources: ["genre"],
      inModel: true,
    });
  }
  return out;
}

export const NOW = new Date("2026-02-01T00:00:00Z");

export function asSeed(c: CandidateTitle, weight = 1, daysAgo = 30): SeedTitle {
  return {
    key: c.key,
    mediaType: c.mediaType,
    tmdbId: c.tmdbId,
    title: c.title,
    genreIds: c.genreIds,
    castIds: c.castIds,
    directorIds: c.directorIds,
    keywordIds: c.keywordIds,
    originalLanguage: c.originalLanguage,
    releaseYear: c.releaseYear,
    weight,
    addedAt: new Date(NOW.getTime() - daysAgo * 86_400_000),
  };
}

export function profile(p: Partial<TasteProfile> = {}): TasteProfile {
  return { likedGenreIds: [], dislikedGenreIds: [], languages: [], yearFrom: null, yearTo: null, seeds: [], ...p };
}

export function input(p: TasteProfile, candidates: CandidateTitle[], limit = 10): RankingInput {
  return { profile: p, candidates, neighbours: new Map(), genreNames: GENRE_NAMES, personNames: personNames(), now: NOW, limit };
}

/**
 * Neighbour lists from simulated users, as the trained model would give them: each of `users`
 * people keeps `perUser` titles drawn from one archetype (popularity-biased); each seed's list is
 * its 50 titles of highest cosine over those people's sets (item-kNN, the simplest trained model).
 */
export function withNeighbours(
  catalogue: CandidateTitle[],
  seeds: SeedTitle[],
  users: number,
  perUser: number,
  seed = 99,
): { candidates: CandidateTitle[]; seeds: SeedTitle[]; neighbours: Map<string, NeighbourList> } {
  const rand = mulberry32(seed);
  const all = [...catalogue, ...seeds.map((s) => catalogue.find((c) => c.key === s.key)).filter((c): c is CandidateTitle => c !== undefined)];
  const byArch = new Map<string, CandidateTitle[]>();
  for (const c of all) {
    const arch = c.title.split(" ")[0] as string;
    const list = byArch.get(arch) ?? [];
    if (!list.some((x) => x.key === c.key)) list.push(c);
    byArch.set(arch, list);
  }
  const archs = [...byArch.keys()].sort();
  const audience = new Map<string, number>();
  const pair = new Map<string, number>();
  for (let u = 0; u < users; u++) {
    const list = byArch.get(archs[Math.floor(rand() * archs.length)] as string) as CandidateTitle[];
    const mine = new Set<string>();
    let guard = 0;
    while (mine.size < Math.min(perUser, list.length) && guard++ < 1000) {
      // popularity-biased pick
      const c = list[Math.floor(Math.pow(rand(), 0.7) * list.length)] as CandidateTitle;
      if (rand() < Math.min(1, 0.2 + c.popularity / 200)) mine.add(c.key);
    }
    for (const a of mine) {
      audience.set(a, (audience.get(a) ?? 0) + 1);
      for (const b of mine) if (a !== b) pair.set(`${a}|${b}`, (pair.get(`${a}|${b}`) ?? 0) + 1);
    }
  }
  const seedKeys = new Set(seeds.map((s) => s.key));
  const candidates = catalogue.filter((c) => !seedKeys.has(c.key));
  const neighbours = new Map<string, NeighbourList>();
  for (const s of seeds) {
    const scored = candidates
      .map((c) => ({ key: c.key, weight: (pair.get(`${s.key}|${c.key}`) ?? 0) / Math.sqrt((audience.get(s.key) ?? 1) * (audience.get(c.key) ?? 1)) }))
      .filter((n) => n.weight > 0)
      .sort((a, b) => b.weight - a.weight || (a.key < b.key ? -1 : 1))
      .slice(0, 50);
    if (scored.length) neighbours.set(s.key, { keys: scored.map((n) => n.key), weights: scored.map((n) => n.weight) });
  }
  return { candidates, seeds, neighbours };
}

/** A shared test catalogue of 600 titles, and helpers over it. */
export const catalogue = makeTitles(600, { seed: 7 });
export const byArch = (name: string) => catalogue.filter((c) => c.title.toLowerCase().startsWith(name));
export const keys = (recs: ReadonlyArray<{ candidate: CandidateTitle }>) => recs.map((r) => r.candidate.key);
export const hasAny = (c: CandidateTitle, genres: number[]) => c.genreIds.some((g) => genres.includes(g));
export const without = (cands: CandidateTitle[], seeds: SeedTitle[]) => cands.filter((c) => !seeds.some((s) => s.key === c.key));

/** A person whose favourites all come from one archetype (12 of them, a mix of popular and not). */
export function fanOf(arch: string, n = 12, liked: number[] = []) {
  const seeds = byArch(arch)
    .slice(0, n)
    .map((c, i) => asSeed(c, 1, 10 + i * 20));
  return profile({ seeds, likedGenreIds: liked });
}
