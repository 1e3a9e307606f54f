// Deterministic catalogue generation. Everything here is a pure function of (size, seed):
// sequential PRNG streams for id gaps, and a per-title PRNG for each title's attributes.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as D from "./data.ts";
import type { CatalogueMovie, CatalogueTv, Collection, Company, EpisodeRef, Keyword, Network, Person, TvSeason } from "./model.ts";
import { REFERENCE_DATE } from "./model.ts";
import { Rng, hash32 } from "./random.ts";

// ---------------------------------------------------------------------------------------------
// real films (vega-datasets)

export interface RealFilm {
  title: string;
  releaseDate: string;
  imdbRating: number | null;
  imdbVotes: number | null;
  majorGenre: string | null;
  creativeType: string | null;
  source: string | null;
  director: string | null;
  runtime: number | null;
  mpaa: string | null;
  budget: number | null;
  gross: number | null;
  distributor: string | null;
}

const MONTHS: Readonly<Record<string, number>> = { Jan: 1, Feb: 2, Mar: 3, Apr: 4, May: 5, Jun: 6, Jul: 7, Aug: 8, Sep: 9, Oct: 10, Nov: 11, Dec: 12 };

function moviesJsonPath(): string | undefined {
  const candidates: string[] = [];
  try {
    const require = createRequire(import.meta.url);
    candidates.push(join(dirname(require.resolve("vega-datasets")), "..", "data", "movies.json"));
  } catch {
    // fall through to the relative location
  }
  candidates.push(fileURLToPath(new URL("../node_modules/vega-datasets/data/movies.json", import.meta.url)));
  return candidates.find((p) => existsSync(p));
}

function str(v: unknown): string | null {
  if (typeof v === "string" && v.trim() !== "") return v.trim();
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return null;
}

function num(v: unknown): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

let realFilmsCache: readonly RealFilm[] | undefined;

/** The real films of vega-datasets' movies.json (cached; [] if the file cannot be found). */
export function loadRealFilms(): readonly RealFilm[] {
  if (realFilmsCache) return realFilmsCache;
  const file = moviesJsonPath();
  const out: RealFilm[] = [];
  if (file) {
    const raw = JSON.parse(readFileSync(file, "utf8")) as Array<Record<string, unknown>>;
    for (const row of raw) {
      const title = str(row["Title"]);
      const date = str(row["Release Date"]);
      if (!title || !date) continue;
      const m = /^([A-Z][a-z]{2}) (\d{1,2}) (\d{4})$/.exec(date);
      if (!m) continue;
      const month = MONTHS[m[1] as string];
      if (!month) continue;
      let year = Number(m[3]);
      // movies.json was built with two-digit years: anything after its 2010 cut-off is 100 years early
      if (year > 2010) year -= 100;
      const releaseDate = `${year}-${String(month).padStart(2, "0")}-${String(m[2]).padStart(2, "0")}`;
      out.push({
        title,
        releaseDate,
        imdbRating: num(row["IMDB Rating"]),
        imdbVotes: num(row["IMDB Votes"]),
        majorGenre: str(row["Major Genre"]),
        creativeType: str(row["Creative Type"]),
        source: str(row["Source"]),
        director: str(row["Director"]),
        runtime: num(row["Running Time min"]),
        mpaa: str(row["MPAA Rating"]),
        budget: num(row["Production Budget"]),
        gross: num(row["Worldwide Gross"]),
        distributor: str(row["Distributor"]),
      });
    }
  }
  realFilmsCache = out;
  return out;
}

// ---------------------------------------------------------------------------------------------
// helpers

const DAY_MS = 86_400_000;
const REF_MS = Date.parse(`${REFERENCE_DATE}T00:00:00Z`);

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function dateMs(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

function plural(noun: string): string {
  if (/s$/.test(noun)) return noun;
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (/(ch|sh|x)$/.test(noun)) return `${noun}es`;
  return `${noun}s`;
}

const GENRE_NOUN_KEY: Readonly<Record<string, string>> = {
  horror: "horror",
  scifi: "scifi",
  romance: "romance",
  comedy: "comedy",
  crime: "crime",
  thriller: "crime",
  war: "war",
  western: "western",
  family: "family",
  music: "music",
  fantasy: "fantasy",
  documentary: "documentary",
  action: "crime",
  adventure: "family",
  mystery: "crime",
  history: "war",
  drama: "",
};

function weightsOf(model: Readonly<Record<number, D.GenreModel>>): Array<readonly [number, number]> {
  return Object.entries(model).map(([id, m]) => [Number(id), m.weight] as const);
}

function pickGenres(
  rng: Rng,
  model: Readonly<Record<number, D.GenreModel>>,
  primaryWeights: ReadonlyArray<readonly [number, number]>,
  count: number,
  start: number[] = [],
): number[] {
  const ids = start.length > 0 ? [...start] : [rng.weighted(primaryWeights)];
  let guard = 0;
  while (ids.length < count && guard++ < 12) {
    const anchor = rng.chance(0.65) ? (ids[0] as number) : rng.pick(ids);
    const options = (model[anchor]?.companions ?? []).filter(([g]) => !ids.includes(g));
    if (options.length === 0) continue;
    ids.push(rng.weighted(options));
  }
  return ids;
}

// ---------------------------------------------------------------------------------------------
// people

interface Pools {
  actors: Record<string, number[]>;
  directors: Record<string, number[]>;
  writers: number[];
  producers: number[];
  composers: number[];
  dops: number[];
  editors: number[];
  casting: number[];
}

const NAME_GROUPS = Object.keys(D.NAME_GROUPS);

function groupShares(): Record<string, number> {
  const shares: Record<string, number> = {};
  let total = 0;
  for (const l of D.LANGUAGES) {
    const w = l.movieWeight * 0.7 + l.tvWeight * 0.3;
    shares[l.nameGroup] = (shares[l.nameGroup] ?? 0) + w;
    total += w;
  }
  for (const k of Object.keys(shares)) shares[k] = (shares[k] as number) / total;
  return shares;
}

class PeopleBuilder {
  readonly people: Person[] = [];
  private readonly idRng: Rng;
  private nextId = 1000;
  constructor(private readonly seed: number) {
    this.idRng = new Rng(hash32(seed, "person-ids"));
  }

  add(name: string, gender: Person["gender"], dept: D.Department, nameGroup: string, real: boolean): number {
    const index = this.people.length;
    const id = this.nextId;
    this.nextId += 1 + this.idRng.int(0, 13);
    const hasProfile = hash32(this.seed, "profile", id) / 4294967296 < (real ? 0.97 : 0.82);
    this.people.push({ id, index, name, gender, knownForDepartment: dept, popularity: 0, profilePath: hasProfile ? `/p${id}h.jpg` : null, nameGroup, real });
    return index;
  }

  /** Popularity by prominence rank inside a pool: a power law. */
  rankPopularity(pool: readonly number[], top: number, c: number, salt: string): void {
    pool.forEach((personIndex, rank) => {
      const p = this.people[personIndex] as Person;
      const rng = new Rng(hash32(this.seed, salt, p.id));
      p.popularity = round3(0.6 + top * Math.pow((rank + c) / c, -1) * rng.logNormal(0.3));
    });
  }
}

function personName(rng: Rng, group: string, gender: number): string {
  const list = D.NAME_GROUPS[group] ?? (D.NAME_GROUPS["en"] as D.NameList);
  const first = gender === 1 ? rng.pick(list.female) : gender === 2 ? rng.pick(list.male) : rng.pick(rng.chance(0.5) ? list.female : list.male);
  const last = rng.pick(list.last);
  if (group === "en" && rng.chance(0.08)) return `${first} ${String.fromCharCode(65 + rng.int(0, 25))}. ${last}`;
  return `${first} ${last}`;
}

function drawGender(rng: Rng, femaleShare: number): Person["gender"] {
  const r = rng.float();
  if (r < 0.015) return 0;
  if (r < 0.02) return 3;
  return rng.chance(femaleShare) ? 1 : 2;
}

function buildPeople(
  seed: number,
  size: number,
  realDirectors: ReadonlyArray<readonly [string, number]>,
): { builder: PeopleBuilder; pools: Pools; realDirectorIndex: Map<string, number> } {
  const b = new PeopleBuilder(seed);
  const rng = new Rng(hash32(seed, "people"));
  const shares = groupShares();
  const pools: Pools = { actors: {}, directors: {}, writers: [], producers: [], composers: [], dops: [], editors: [], casting: [] };
  const realDirectorIndex = new Map<string, number>();
  const usedNames = new Set<string>(realDirectors.map(([name]) => name));
  /** Names are unique across the pool (retries, then a middle initial). */
  const uniqueName = (group: string, gender: number): string => {
    for (let attempt = 0; attempt < 8; attempt++) {
      const name = personName(rng, group, gender);
      if (!usedNames.has(name)) {
        usedNames.add(name);
        return name;
      }
    }
    for (;;) {
      const parts = personName(rng, group, gender).split(" ");
      const name = `${parts[0]} ${String.fromCharCode(65 + rng.int(0, 25))}. ${parts.slice(1).join(" ")}`;
      if (!usedNames.has(name)) {
        usedNames.add(name);
        return name;
      }
    }
  };

  const actorsTotal = Math.max(400, Math.round(size * 0.8));
  const directorsTotal = Math.max(150, Math.round(size * 0.07));
  for (const group of NAME_GROUPS) {
    const share = shares[group] ?? 0.01;
    const actors: number[] = [];
    const n = Math.max(25, Math.round(actorsTotal * share));
    for (let i = 0; i < n; i++) {
      const gender = drawGender(rng, 0.49);
      actors.push(b.add(uniqueName(group, gender), gender, "Acting", group, false));
    }
    pools.actors[group] = actors;
    b.rankPopularity(actors, 70, 40, "actor-pop");

    if (group === "en") {
      // real directors only direct their own real films (never assigned to other titles)
      const female = new Set(D.NAME_GROUPS["en"]?.female ?? []);
      const realPool: number[] = [];
      for (const [name] of realDirectors) {
        const gender: Person["gender"] = female.has(name.split(" ")[0] ?? "") ? 1 : 2;
        const idx = b.add(name, gender, "Directing", "en", true);
        realDirectorIndex.set(name, idx);
        realPool.push(idx);
      }
      b.rankPopularity(realPool, 30, 8, "real-director-pop");
    }
    const directors: number[] = [];
    const nd = Math.max(10, Math.round(directorsTotal * share));
    for (let i = 0; i < nd; i++) {
      const gender = drawGender(rng, 0.22);
      directors.push(b.add(uniqueName(group, gender), gender, "Directing", group, false));
    }
    pools.directors[group] = directors;
    b.rankPopularity(directors, 25, 20, "director-pop");
  }

  const crewPool = (n: number, dept: D.Department, key: keyof Omit<Pools, "actors" | "directors">, top: number, femaleShare: number) => {
    const pool = pools[key];
    for (let i = 0; i < n; i++) {
      const group = rng.chance(0.7) ? "en" : rng.pick(NAME_GROUPS);
      const gender = drawGender(rng, femaleShare);
      pool.push(b.add(uniqueName(group, gender), gender, dept, group, false));
    }
    b.rankPopularity(pool, top, 15, `${key}-pop`);
  };
  crewPool(Math.max(100, Math.round(size * 0.06)), "Writing", "writers", 12, 0.35);
  crewPool(Math.max(100, Math.round(size * 0.06)), "Production", "producers", 8, 0.4);
  crewPool(Math.max(40, Math.round(size * 0.02)), "Sound", "composers", 8, 0.2);
  crewPool(Math.max(40, Math.round(size * 0.02)), "Camera", "dops", 5, 0.15);
  crewPool(Math.max(40, Math.round(size * 0.02)), "Editing", "editors", 4, 0.4);
  crewPool(Math.max(40, Math.round(size * 0.02)), "Production", "casting", 3, 0.7);
  return { builder: b, pools, realDirectorIndex };
}

// ---------------------------------------------------------------------------------------------
// keywords, companies, networks

interface KeywordTables {
  keywords: Keyword[];
  byGroup: Record<string, number[]>;
  byName: Map<string, number>;
}

function buildKeywords(): KeywordTables {
  const keywords: Keyword[] = [];
  const byGroup: Record<string, number[]> = {};
  const byName = new Map<string, number>();
  const usedIds = new Set<number>();
  for (const [group, names] of Object.entries(D.KEYWORD_GROUPS)) {
    const list: number[] = [];
    for (const name of names) {
      let idx = byName.get(name);
      if (idx === undefined) {
        let id = 1000 + (hash32("keyword", name) % 300_000);
        while (usedIds.has(id)) id++;
        usedIds.add(id);
        idx = keywords.length;
        keywords.push({ id, name });
        byName.set(name, idx);
      }
      if (!list.includes(idx)) list.push(idx);
    }
    byGroup[group] = list;
  }
  return { keywords, byGroup, byName };
}

function buildCompanies(distributors: readonly string[]): { companies: Company[]; byName: Map<string, number> } {
  const companies: Company[] = [];
  const byName = new Map<string, number>();
  const usedIds = new Set<number>();
  for (const c of D.COMPANIES) {
    byName.set(c.name, companies.length);
    usedIds.add(c.id);
    companies.push({ id: c.id, name: c.name, originCountry: c.country, logoPath: c.logo ? `/l${c.id}c.png` : null });
  }
  const alias: Record<string, string> = {
    "Warner Bros.": "Warner Bros. Pictures",
    Universal: "Universal Pictures",
    "20th Century Fox": "20th Century Fox",
    MGM: "Metro-Goldwyn-Mayer",
    "New Line": "New Line Cinema",
    "Fox Searchlight": "Fox Searchlight Pictures",
    "Dreamworks SKG": "DreamWorks Pictures",
    "Sony/Columbia": "Columbia Pictures",
    "Sony Pictures": "Columbia Pictures",
  };
  for (const d of distributors) {
    const target = alias[d];
    if (target && byName.has(target)) {
      byName.set(d, byName.get(target) as number);
      continue;
    }
    if (byName.has(d)) continue;
    let id = 100_000 + (hash32("company", d) % 100_000);
    while (usedIds.has(id)) id++;
    usedIds.add(id);
    byName.set(d, companies.length);
    companies.push({ id, name: d, originCountry: "US", logoPath: hash32("company-logo", d) % 3 === 0 ? null : `/l${id}c.png` });
  }
  return { companies, byName };
}

function buildNetworks(): Network[] {
  return D.NETWORKS.map((n) => ({ id: n.id, name: n.name, originCountry: n.country, logoPath: `/l${n.id}n.png` }));
}

// ---------------------------------------------------------------------------------------------
// titles

interface Ctx {
  seed: number;
  pools: Pools;
  people: Person[];
  kw: KeywordTables;
  companies: Company[];
  companiesByCountry: Map<string, number[]>;
  networks: Network[];
}

/** People get strictly increasing ids in creation order, so an id can be binary-searched. */
export function personIndexOf(people: readonly Person[], id: number): number {
  let lo = 0;
  let hi = people.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = (people[mid] as Person).id;
    if (v === id) return mid;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  throw new Error(`unknown person id ${id}`);
}

function pickFrom(rng: Rng, pool: readonly number[], c: number, bias = 1): number {
  return pool[rng.zipf(pool.length, c, bias)] as number;
}

function headBias(popularity: number): number {
  return clamp(1 - Math.log10(popularity + 1) / 3.5, 0.2, 1);
}

function pickCast(ctx: Ctx, rng: Rng, group: string, popularity: number, count: number, forced: readonly number[] = []): number[] {
  const local = ctx.pools.actors[group] ?? (ctx.pools.actors["en"] as number[]);
  const en = ctx.pools.actors["en"] as number[];
  const bias = headBias(popularity);
  const out: number[] = [];
  const seen = new Set<number>();
  for (const f of forced) {
    if (!seen.has(f)) {
      seen.add(f);
      out.push(f);
    }
  }
  let guard = 0;
  while (out.length < count && guard++ < count * 5) {
    const pool = group === "en" || rng.chance(0.88) ? local : en;
    const idx = pickFrom(rng, pool, 80, out.length < 3 ? bias : 1);
    if (seen.has(idx)) continue;
    seen.add(idx);
    out.push(idx);
  }
  return out;
}

function pickDirector(ctx: Ctx, rng: Rng, group: string, popularity: number): number {
  const pool = rng.chance(0.85) ? (ctx.pools.directors[group] ?? (ctx.pools.directors["en"] as number[])) : (ctx.pools.directors["en"] as number[]);
  return pickFrom(rng, pool, 15, headBias(popularity));
}

function pickKeywords(ctx: Ctx, rng: Rng, genreIds: readonly number[], extra: readonly string[] = []): number[] {
  const count = rng.int(3, 8);
  const out: number[] = [];
  for (const name of extra) {
    const idx = ctx.kw.byName.get(name);
    if (idx !== undefined && !out.includes(idx)) out.push(idx);
  }
  let guard = 0;
  while (out.length < count && guard++ < 40) {
    let idx: number;
    if (rng.chance(0.7) && genreIds.length > 0) {
      const groups = D.GENRE_KEYWORD_GROUPS[rng.pick(genreIds)] ?? ["generic"];
      const list = ctx.kw.byGroup[rng.pick(groups)] ?? (ctx.kw.byGroup["generic"] as number[]);
      idx = pickFrom(rng, list, 4);
    } else {
      idx = pickFrom(rng, ctx.kw.byGroup["generic"] as number[], 8);
    }
    if (!out.includes(idx)) out.push(idx);
  }
  return out.map((i) => (ctx.kw.keywords[i] as Keyword).id);
}

function pickCompanies(ctx: Ctx, rng: Rng, country: string, count: number): number[] {
  const local = ctx.companiesByCountry.get(country);
  const us = ctx.companiesByCountry.get("US") as number[];
  const out: number[] = [];
  let guard = 0;
  while (out.length < count && guard++ < 10) {
    const pool = local && local.length > 0 && rng.chance(0.7) ? local : us;
    const c = (ctx.companies[pickFrom(rng, pool, 5)] as Company).id;
    if (!out.includes(c)) out.push(c);
  }
  return out;
}

function article(word: string): string {
  return /^[AEIOU]/.test(word) ? "An" : "A";
}

function synthTitle(rng: Rng, genreIds: readonly number[], media: "movie" | "tv", nameGroup = "en"): string {
  const primary = genreIds[0] ?? 18;
  const flavour = D.GENRE_FLAVOUR[primary] ?? "drama";
  const gnouns = D.GENRE_NOUNS[GENRE_NOUN_KEY[flavour] ?? ""];
  const N = () => (gnouns && rng.chance(0.45) ? rng.pick(gnouns) : rng.pick(D.TITLE_NOUNS));
  const A = () => rng.pick(D.TITLE_ADJECTIVES);
  const P = () => rng.pick(D.PLACES);
  const en = D.NAME_GROUPS[nameGroup] ?? (D.NAME_GROUPS["en"] as D.NameList);
  const F = () => rng.pick(rng.chance(0.5) ? en.male : en.female);
  const L = () => rng.pick(en.last);
  if (media === "tv") {
    if (genreIds.includes(10767)) return rng.pick([`Late Night with ${F()} ${L()}`, `The ${F()} ${L()} Show`, `${P()} Tonight`, `Sunday with ${F()}`]);
    if (genreIds.includes(10763)) return rng.pick([`${P()} Tonight`, `The ${N()} Report`, `${P()} News Hour`, `Morning ${P()}`]);
    if (genreIds.includes(10764))
      return rng.pick([
        `The Great ${P()} Cook-Off`,
        `Island of Love: ${P()}`,
        `Top ${N()}`,
        `The Real Neighbours of ${P()}`,
        `${P()} House Flip`,
        `Stranded: ${P()}`,
        `${A()} Kitchen`,
      ]);
    if (genreIds.includes(10762))
      return rng.pick([
        `${A()} ${rng.pick(D.ANIMALS)}`,
        `${rng.pick(D.ANIMALS)} and Friends`,
        `The ${rng.pick(D.ANIMALS)} Squad`,
        `Little ${rng.pick(D.ANIMALS)}`,
      ]);
    if (primary === 99) return rng.pick([`Planet ${N()}`, `Inside the ${N()}`, `${P()}: ${A()} ${N()}`, `The ${N()} Files`, `Our ${A()} ${N()}`]);
    return rng.weighted<() => string>([
      [() => P(), 2],
      [() => `The ${N()}`, 2],
      [() => `${A()} ${N()}`, 2],
      [() => `${P()} ${plural(N())}`, 1.5],
      [() => `The ${plural(L())}`, 1],
      [() => `${N()} & ${N()}`, 0.5],
      [() => `${F()} & ${F()}`, 0.5],
      [() => `${A()} ${plural(N())}`, 1],
    ])();
  }
  if (primary === 99) return rng.pick([`Inside the ${N()}`, `The ${N()} Project`, `${P()}: ${A()} ${N()}`, `The ${A()} ${N()}`, `Chasing the ${N()}`]);
  if (primary === 16 || primary === 10751) {
    if (rng.chance(0.4)) return rng.pick([`The ${A()} ${rng.pick(D.ANIMALS)}`, `${rng.pick(D.ANIMALS)} ${N()}`, `A ${rng.pick(D.ANIMALS)} Called ${F()}`]);
  }
  return rng.weighted<() => string>([
    [() => `The ${A()} ${N()}`, 5],
    [() => `${A()} ${N()}`, 3],
    [() => `The ${N()}`, 2],
    [() => `${N()} of the ${N()}`, 1.5],
    [() => `The Last ${N()}`, 1],
    [() => `${F()}'s ${N()}`, 1],
    [() => P(), 0.7],
    [() => `${N()} in ${P()}`, 1],
    [
      () => {
        const a = A();
        return `${article(a)} ${a} ${N()}`;
      },
      1,
    ],
    [() => `${A()} ${plural(N())}`, 1],
    [() => `${P()} ${N()}`, 1],
    [() => `Into the ${A()} ${N()}`, 0.6],
    [() => `Beyond the ${N()}`, 0.6],
    [() => `After the ${N()}`, 0.6],
  ])();
}

function nativeTitle(rng: Rng, lang: string, fallback: string): string {
  const native = D.NATIVE_WORDS[lang];
  if (!native || rng.chance(0.12)) return fallback;
  const w1 = rng.pick(native.words);
  let w2 = rng.pick(native.words);
  if (w2 === w1) w2 = rng.pick(native.words);
  return rng.chance(0.4) ? w1 : `${w1}${native.joiner}${w2}`;
}

function syntheticPopularity(rng: Rng): number {
  const u = rng.float();
  let pop = 0.6 * Math.pow(1 - u, -1 / 1.15);
  if (pop > 1500) pop = 1500 + 40 * Math.sqrt(pop - 1500);
  return pop;
}

function syntheticVotes(rng: Rng, pop: number, released: boolean, daysSinceRelease: number): number {
  if (!released) return 0;
  let vc = 25 * Math.pow(pop, 1.15) * rng.logNormal(0.6);
  if (daysSinceRelease < 180) vc *= 0.4;
  return Math.min(40_000, Math.round(vc));
}

const RATING_ADJUST: Readonly<Record<number, number>> = { 99: 0.6, 16: 0.3, 36: 0.3, 10752: 0.3, 18: 0.15, 27: -0.7, 10770: -0.3, 10764: -0.8, 10766: -0.3 };

function syntheticRating(rng: Rng, voteCount: number, genreIds: readonly number[]): number {
  if (voteCount === 0) return 0;
  let r = rng.normal(6.3, 0.85) + (RATING_ADJUST[genreIds[0] ?? 0] ?? 0) + 0.12 * (Math.log10(voteCount + 1) - 2);
  if (voteCount < 20) r += rng.normal(0, 1.3 / Math.sqrt(voteCount));
  return round3(clamp(r, 0.5, 10));
}

function movieCertification(rng: Rng, genreIds: readonly number[], adult: boolean, country: string): string {
  if (adult) return "NC-17";
  if (country !== "US" && rng.chance(0.5)) return "";
  if (rng.chance(0.08)) return "NR";
  const has = (g: number) => genreIds.includes(g);
  if (has(16) || has(10751))
    return rng.weighted([
      ["G", 3],
      ["PG", 6],
      ["PG-13", 1],
    ]);
  if (has(27))
    return rng.weighted([
      ["R", 8],
      ["PG-13", 2],
    ]);
  if (has(53) || has(80) || has(10752))
    return rng.weighted([
      ["R", 6],
      ["PG-13", 4],
    ]);
  return rng.weighted([
    ["PG-13", 5],
    ["R", 4],
    ["PG", 2],
  ]);
}

function tvRating(rng: Rng, genreIds: readonly number[]): string {
  const has = (g: number) => genreIds.includes(g);
  if (has(10762))
    return rng.weighted([
      ["TV-Y", 1],
      ["TV-Y7", 1],
    ]);
  if (has(16) && has(10751))
    return rng.weighted([
      ["TV-G", 1],
      ["TV-PG", 1],
    ]);
  if (has(80) || has(9648))
    return rng.weighted([
      ["TV-MA", 5],
      ["TV-14", 5],
    ]);
  return rng.weighted([
    ["TV-14", 5],
    ["TV-PG", 3],
    ["TV-MA", 3],
    ["TV-G", 1],
  ]);
}

function mapRealGenres(film: RealFilm): number[] {
  const out: number[] = [];
  const add = (...ids: number[]) => ids.forEach((id) => !out.includes(id) && out.push(id));
  switch (film.majorGenre) {
    case "Drama":
      add(18);
      break;
    case "Comedy":
      add(35);
      break;
    case "Musical":
      add(10402, 35);
      break;
    case "Thriller/Suspense":
      add(53);
      break;
    case "Adventure":
      add(12);
      break;
    case "Action":
      add(28);
      break;
    case "Romantic Comedy":
      add(10749, 35);
      break;
    case "Horror":
      add(27);
      break;
    case "Western":
      add(37);
      break;
    case "Documentary":
      add(99);
      break;
    case "Black Comedy":
      add(35, 80);
      break;
    case "Concert/Performance":
      add(99, 10402);
      break;
    default:
      break;
  }
  switch (film.creativeType) {
    case "Science Fiction":
      add(878);
      break;
    case "Fantasy":
      add(14);
      break;
    case "Historical Fiction":
      add(36);
      break;
    case "Kids Fiction":
      add(10751);
      break;
    case "Super Hero":
      add(28, 878);
      break;
    default:
      break;
  }
  return out;
}

function realKeywords(film: RealFilm): string[] {
  switch (film.source) {
    case "Based on Book/Short Story":
      return ["based on novel or book"];
    case "Remake":
      return ["remake"];
    case "Based on Comic/Graphic Novel":
      return ["based on comic"];
    case "Based on Real Life Events":
      return ["based on true story"];
    case "Based on Play":
      return ["based on play or musical"];
    case "Based on Musical/Opera":
      return ["based on play or musical"];
    default:
      return film.creativeType === "Super Hero" ? ["superhero"] : [];
  }
}

const SEQUEL_RE = /^(.+?)(?::|\s)\s*(?:2|3|4|5|II|III|IV|V|Part (?:II|III|IV|2|3))(?:\b|:)/;

function movieCrew(ctx: Ctx, rng: Rng, group: string, popularity: number, director: number, secondDirector: boolean): { ids: number[]; jobs: number[] } {
  const ids: number[] = [];
  const jobs: number[] = [];
  const add = (p: number, job: number) => {
    for (let i = 0; i < ids.length; i++) if (ids[i] === p && jobs[i] === job) return;
    ids.push(p);
    jobs.push(job);
  };
  add(director, D.JOB_DIRECTOR);
  if (secondDirector) add(pickDirector(ctx, rng, group, popularity), D.JOB_DIRECTOR);
  if (rng.chance(0.25)) add(director, D.JOB_SCREENPLAY);
  const writers = rng.int(1, 2);
  for (let i = 0; i < writers; i++) add(pickFrom(rng, ctx.pools.writers, 30), rng.chance(0.6) ? D.JOB_SCREENPLAY : D.JOB_WRITER);
  const producers = rng.int(1, 3);
  for (let i = 0; i < producers; i++) add(pickFrom(rng, ctx.pools.producers, 30), D.JOB_PRODUCER);
  const execs = rng.int(0, 2);
  for (let i = 0; i < execs; i++) add(pickFrom(rng, ctx.pools.producers, 30), D.JOB_EXEC_PRODUCER);
  add(pickFrom(rng, ctx.pools.composers, 10), D.JOB_COMPOSER);
  add(pickFrom(rng, ctx.pools.dops, 10), D.JOB_DOP);
  add(pickFrom(rng, ctx.pools.editors, 10), D.JOB_EDITOR);
  if (rng.chance(0.7)) add(pickFrom(rng, ctx.pools.casting, 10), D.JOB_CASTING);
  return { ids, jobs };
}

/** Well-known franchises in movies.json whose titles the generic rules below cannot group. */
const REAL_FRANCHISES: ReadonlyArray<readonly [string, (title: string) => boolean]> = [
  ["The Dark Knight Collection", (t) => t === "Batman Begins" || t === "The Dark Knight"],
  ["Batman Collection", (t) => ["Batman", "Batman Returns", "Batman Forever", "Batman & Robin"].includes(t)],
  ["Harry Potter Collection", (t) => t.startsWith("Harry Potter and the ")],
  ["Indiana Jones Collection", (t) => t.startsWith("Indiana Jones and the ") || t === "Raiders of the Lost Ark"],
  ["Star Wars Collection", (t) => t === "Star Wars" || t.startsWith("Star Wars Ep")],
  ["Shrek Collection", (t) => t === "Shrek" || t.startsWith("Shrek ")],
  ["The Matrix Collection", (t) => t.startsWith("The Matrix")],
  ["Jurassic Park Collection", (t) => t.startsWith("Jurassic Park") || t === "The Lost World: Jurassic Park"],
  ["The Terminator Collection", (t) => t === "The Terminator" || t.startsWith("Terminator ")],
  ["Alien Collection", (t) => ["Alien", "Aliens", "Alien³", "Alien: Resurrection"].includes(t)],
  ["Die Hard Collection", (t) => t.startsWith("Die Hard") || t === "Live Free or Die Hard"],
  ["The Bourne Collection", (t) => /^The Bourne (Identity|Supremacy|Ultimatum)$/.test(t)],
  ["Ocean's Collection", (t) => /^Ocean's (Eleven|Twelve|Thirteen)$/.test(t)],
  ["Rocky Collection", (t) => t === "Rocky" || t === "Rocky Balboa"],
  ["Rambo Collection", (t) => t.startsWith("Rambo")],
  ["X-Men Collection", (t) => t === "X-Men" || t.startsWith("X-Men:") || t.startsWith("X-Men Origins")],
  ["Twilight Collection", (t) => t === "Twilight" || t.startsWith("The Twilight Saga:")],
];

/** Prefixes before ":" that are not franchises. */
const NOT_FRANCHISES = new Set(["Dracula", "Robin Hood", "Peter Pan", "Mission", "The Work and the Glory", "Warlock", "Hamlet"]);

/**
 * Groups real films into collections: a curated franchise list, then "Title 2" / "Title II" / "Title: Part III"
 * sequels of an existing title, then "Prefix: Subtitle" titles whose prefix is a title or shared by two films.
 */
function assignRealCollections(movies: CatalogueMovie[], newCollection: (name: string) => number): void {
  const real = movies.filter((m) => m.real);
  const byName = new Map<string, number>();
  const join = (m: CatalogueMovie, name: string) => {
    if (m.collectionId !== null) return;
    let id = byName.get(name);
    if (id === undefined) {
      id = newCollection(name);
      byName.set(name, id);
    }
    m.collectionId = id;
  };
  for (const [name, match] of REAL_FRANCHISES) {
    const members = real.filter((m) => m.collectionId === null && match(m.title));
    if (members.length >= 2) for (const m of members) join(m, name);
  }
  const byTitle = new Map<string, CatalogueMovie>();
  for (const m of real) if (!byTitle.has(m.title)) byTitle.set(m.title, m);
  for (const m of real) {
    if (m.collectionId !== null) continue;
    const match = SEQUEL_RE.exec(m.title);
    const stem = match ? (match[1] as string).trim() : undefined;
    const first = stem ? byTitle.get(stem) : undefined;
    if (!stem || !first || first === m || NOT_FRANCHISES.has(stem)) continue;
    const name = first.collectionId !== null ? undefined : `${stem} Collection`;
    if (name) join(first, name);
    const cid = first.collectionId;
    if (cid !== null) m.collectionId = cid;
  }
  const prefixes = new Map<string, CatalogueMovie[]>();
  for (const m of real) {
    const i = m.title.indexOf(":");
    if (i <= 0 || m.collectionId !== null) continue;
    const prefix = m.title.slice(0, i).trim();
    if (NOT_FRANCHISES.has(prefix)) continue;
    const list = prefixes.get(prefix) ?? [];
    list.push(m);
    prefixes.set(prefix, list);
  }
  for (const [prefix, list] of prefixes) {
    const first = byTitle.get(prefix);
    const members = first && first.collectionId === null ? [first, ...list] : list;
    if (first && first.collectionId !== null) {
      const cid = first.collectionId;
      for (const m of list) m.collectionId = cid;
      continue;
    }
    if (members.length >= 2) for (const m of members) join(m, `${prefix} Collection`);
  }
}

interface SequelInfo {
  stem: string;
  collectionId: number;
  count: number;
}

export interface GeneratedCatalogue {
  movies: CatalogueMovie[];
  tv: CatalogueTv[];
  people: Person[];
  keywords: Keyword[];
  companies: Company[];
  networks: Network[];
  collections: Collection[];
}

export function generateCatalogue(size: number, seed: number): GeneratedCatalogue {
  const movieCount = Math.round(size * 0.7);
  const tvCount = size - movieCount;
  const realAll = loadRealFilms();
  const real = realAll.slice(0, Math.min(realAll.length, movieCount));

  const directorFilms = new Map<string, number>();
  for (const f of real) if (f.director) directorFilms.set(f.director, (directorFilms.get(f.director) ?? 0) + 1);
  const realDirectors = [...directorFilms.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

  const { builder, pools, realDirectorIndex } = buildPeople(seed, size, realDirectors);
  const kw = buildKeywords();
  const distributors = [...new Set(real.map((f) => f.distributor).filter((d): d is string => d !== null))].sort();
  const { companies, byName: companyByName } = buildCompanies(distributors);
  const companiesByCountry = new Map<string, number[]>();
  companies.forEach((c, i) => {
    const list = companiesByCountry.get(c.originCountry) ?? [];
    list.push(i);
    companiesByCountry.set(c.originCountry, list);
  });
  const networks = buildNetworks();
  const ctx: Ctx = { seed, pools, people: builder.people, kw, companies, companiesByCountry, networks };

  const movieGenreWeights = weightsOf(D.MOVIE_GENRE_MODEL);
  const tvGenreWeights = weightsOf(D.TV_GENRE_MODEL);
  const movieLangWeights = D.LANGUAGES.map((l) => [l, l.movieWeight] as const);
  const tvLangWeights = D.LANGUAGES.map((l) => [l, l.tvWeight] as const);

  // ---- movies
  const movies: CatalogueMovie[] = [];
  const collections: Collection[] = [];
  const collectionRng = new Rng(hash32(seed, "collection-ids"));
  let nextCollectionId = 8_640;
  const newCollection = (name: string): number => {
    const id = nextCollectionId;
    nextCollectionId += 1 + collectionRng.int(0, 90);
    collections.push({ id, name, posterPath: `/c${id}p.jpg`, backdropPath: `/c${id}b.jpg` });
    return id;
  };
  const sequelOf = new Map<number, SequelInfo>(); // collection id -> info
  const movieIdRng = new Rng(hash32(seed, "movie-ids"));
  let nextMovieId = 11;

  for (let i = 0; i < movieCount; i++) {
    const id = nextMovieId;
    nextMovieId += 1 + movieIdRng.int(0, 38);
    const rng = new Rng(hash32(seed, "movie", i));
    const film = real[i];

    let title: string;
    let originalTitle: string;
    let releaseDate: string;
    let genreIds: number[];
    let lang: D.LanguageEntry;
    let country: string;
    let popularity: number;
    let voteCount: number;
    let voteAverage: number;
    let runtime: number;
    let budget = 0;
    let revenue = 0;
    let certification: string;
    let status = "Released";
    let adult = false;
    let director: number;
    let secondDirector = false;
    let forcedCast: number[] = [];
    let companyIds: number[];
    let extraKeywords: string[] = [];
    let collectionId: number | null = null;

    if (film) {
      title = film.title;
      originalTitle = film.title;
      releaseDate = film.releaseDate;
      const mapped = mapRealGenres(film);
      const count = Math.max(mapped.length, rng.weighted(D.GENRE_COUNT_WEIGHTS) - (mapped.length > 0 ? 1 : 0));
      genreIds =
        mapped.length > 0
          ? pickGenres(rng, D.MOVIE_GENRE_MODEL, movieGenreWeights, count, mapped)
          : pickGenres(rng, D.MOVIE_GENRE_MODEL, movieGenreWeights, count);
      const hindi = film.distributor === "Yash Raj Films" || film.distributor === "Eros Entertainment";
      lang = (hindi ? D.LANGUAGES.find((l) => l.code === "hi") : D.LANGUAGES[0]) as D.LanguageEntry;
      country = hindi ? "IN" : "US";
      const year = Number(releaseDate.slice(0, 4));
      voteCount =
        film.imdbVotes !== null
          ? Math.max(1, Math.round((film.imdbVotes / 25) * rng.logNormal(0.25)))
          : syntheticVotes(rng, syntheticPopularity(rng), true, 9999);
      voteAverage =
        film.imdbRating !== null && voteCount > 0
          ? round3(clamp(film.imdbRating - 0.1 + rng.normal(0, 0.3), 0.5, 9.6))
          : syntheticRating(rng, voteCount, genreIds);
      popularity = 0.6 + Math.pow(voteCount / 25, 0.87) * rng.logNormal(0.5) * (year >= 2005 ? 1.2 : year >= 1990 ? 1 : 0.7);
      runtime = film.runtime ?? Math.round(clamp(rng.normal(106, 16), 70, 200));
      budget = film.budget ?? 0;
      revenue = film.gross ?? 0;
      certification = film.mpaa === null ? "" : ["R", "PG-13", "PG", "G", "NC-17"].includes(film.mpaa) ? film.mpaa : "NR";
      const realDirector = film.director ? realDirectorIndex.get(film.director) : undefined;
      director = realDirector ?? pickDirector(ctx, rng, "en", popularity);
      const companyIdx = film.distributor ? companyByName.get(film.distributor) : undefined;
      companyIds = companyIdx !== undefined ? [(companies[companyIdx] as Company).id] : pickCompanies(ctx, rng, country, 1);
      if (rng.chance(0.5)) for (const c of pickCompanies(ctx, rng, country, rng.int(1, 2))) if (!companyIds.includes(c)) companyIds.push(c);
      extraKeywords = realKeywords(film);
    } else {
      // synthetic movie; maybe a sequel of an earlier synthetic one
      const realCount = real.length;
      let base: CatalogueMovie | undefined;
      if (i - realCount > 50 && rng.chance(0.04)) {
        const candidate = movies[i - 1 - rng.int(0, Math.min(400, i - realCount - 1))];
        if (candidate && !candidate.real && candidate.status === "Released" && !candidate.adult && Number(candidate.releaseDate.slice(0, 4)) <= 2021)
          base = candidate;
      }
      adult = !base && rng.chance(0.01);
      if (base) {
        let info = base.collectionId !== null ? sequelOf.get(base.collectionId) : undefined;
        if (!info) {
          info = { stem: base.title, collectionId: newCollection(`${base.title} Collection`), count: 1 };
          sequelOf.set(info.collectionId, info);
          base.collectionId = info.collectionId;
        }
        info.count += 1;
        collectionId = info.collectionId;
        title = rng.chance(0.5) ? `${info.stem} ${info.count}` : `${info.stem}: ${rng.pick(D.SUBTITLES)}`;
        genreIds = [...base.genreIds];
        lang = D.LANGUAGES.find((l) => l.code === base.originalLanguage) as D.LanguageEntry;
        country = base.originCountry[0] ?? "US";
        originalTitle = lang.code === "en" ? title : `${base.originalTitle} ${info.count}`;
        const year = Math.min(2025, Number(base.releaseDate.slice(0, 4)) + rng.int(2, 4));
        releaseDate = isoDate(Date.UTC(year, 0, 1) + rng.int(0, 364) * DAY_MS);
        popularity = syntheticPopularity(rng) * 1.5;
        const baseDirector = base.crewIds[base.crewJobs.indexOf(D.JOB_DIRECTOR)];
        director = baseDirector !== undefined && rng.chance(0.5) ? personIndexOf(ctx.people, baseDirector) : pickDirector(ctx, rng, lang.nameGroup, popularity);
        forcedCast = base.castIds
          .slice(0, 2)
          .filter(() => rng.chance(0.7))
          .map((pid) => personIndexOf(ctx.people, pid));
        companyIds = [...base.companyIds];
      } else {
        genreIds = pickGenres(rng, D.MOVIE_GENRE_MODEL, movieGenreWeights, adult ? rng.int(1, 2) : rng.weighted(D.GENRE_COUNT_WEIGHTS));
        if (adult) genreIds = [18, 10749].slice(0, genreIds.length);
        lang = rng.weighted(movieLangWeights);
        country = rng.weighted(lang.countries);
        title = synthTitle(rng, genreIds, "movie");
        originalTitle = lang.code === "en" ? title : nativeTitle(rng, lang.code, title);
        const r = rng.float();
        if (r < 0.005) {
          releaseDate = "";
          status = "Planned";
        } else if (r < 0.035) {
          releaseDate = isoDate(Date.UTC(2026, 0, 5) + rng.int(0, 350) * DAY_MS);
        } else {
          const year = 2025 - Math.floor(95 * Math.pow(rng.float(), 2));
          releaseDate = isoDate(Date.UTC(year, 0, 1) + rng.int(0, 364) * DAY_MS);
        }
        popularity = syntheticPopularity(rng);
        director = pickDirector(ctx, rng, lang.nameGroup, popularity);
        companyIds = pickCompanies(ctx, rng, country, rng.int(1, 3));
      }
      const year = releaseDate ? Number(releaseDate.slice(0, 4)) : 2027;
      if (releaseDate && dateMs(releaseDate) > REF_MS)
        status = rng.weighted([
          ["Post Production", 55],
          ["In Production", 30],
          ["Planned", 15],
        ]);
      const released = status === "Released";
      if (year < 1970) popularity *= 0.55;
      else if (year < 1990) popularity *= 0.8;
      else if (year >= 2025) popularity *= 1.4;
      const daysSince = releaseDate ? (REF_MS - dateMs(releaseDate)) / DAY_MS : -1;
      voteCount = syntheticVotes(rng, popularity, released, daysSince);
      voteAverage = syntheticRating(rng, voteCount, genreIds);
      const primary = genreIds[0] ?? 18;
      const baseRuntime =
        primary === 16
          ? 92
          : primary === 99
            ? 95
            : primary === 10770
              ? 88
              : primary === 28
                ? 115
                : primary === 12
                  ? 118
                  : primary === 36 || primary === 10752
                    ? 126
                    : 104;
      runtime = !released && rng.chance(0.6) ? 0 : Math.round(clamp(rng.normal(baseRuntime, 14), 62, 210));
      if (released && rng.chance(lang.code === "en" ? 0.5 : 0.25)) {
        budget = Math.round(Math.pow(10, 6 + 1.5 * rng.float() + Math.log10(popularity + 1) * 0.35) / 1e5) * 1e5;
        revenue = rng.chance(0.8) ? Math.round(budget * 1.8 * rng.logNormal(0.9)) : 0;
      }
      certification = released || rng.chance(0.3) ? movieCertification(rng, genreIds, adult, country) : "";
      secondDirector = rng.chance(0.07);
    }
    popularity = round3(popularity);

    const group = lang.nameGroup;
    const isDoc = genreIds[0] === 99;
    const castCount = isDoc ? rng.int(1, 4) : popularity >= 20 ? rng.int(10, 18) : popularity >= 3 ? rng.int(6, 12) : rng.int(3, 8);
    const castIdx = pickCast(ctx, rng, group, popularity, castCount, forcedCast);
    const crew = movieCrew(ctx, rng, group, popularity, director, secondDirector);
    const keywordIds = pickKeywords(ctx, rng, genreIds, collectionId !== null && !film ? ["sequel", ...extraKeywords] : extraKeywords);
    const released = status === "Released";
    const imdbId = released || rng.chance(0.4) ? `tt${String(1_000_000 + (hash32(seed, "imdb", id) % 9_000_000)).padStart(7, "0")}` : null;

    movies.push({
      mediaType: "movie",
      index: i,
      id,
      adult,
      originalLanguage: lang.code,
      originCountry: [country],
      genreIds,
      keywordIds,
      popularity,
      voteAverage,
      voteCount,
      posterPath: `/m${id}p.jpg`,
      backdropPath: `/m${id}b.jpg`,
      castIds: castIdx.map((p) => (ctx.people[p] as Person).id),
      crewIds: crew.ids.map((p) => (ctx.people[p] as Person).id),
      crewJobs: crew.jobs,
      companyIds,
      status,
      certification,
      real: film !== undefined,
      title,
      originalTitle,
      releaseDate,
      runtime,
      budget,
      revenue,
      imdbId,
      collectionId,
    });
  }

  assignRealCollections(movies, newCollection);

  // ---- tv
  const tv: CatalogueTv[] = [];
  const tvIdRng = new Rng(hash32(seed, "tv-ids"));
  let nextTvId = 1_396;
  const globalNetworks = networks.filter((n) => n.originCountry === "" || [213, 1024, 2552, 2739, 453].includes(n.id));
  for (let i = 0; i < tvCount; i++) {
    const id = nextTvId;
    nextTvId += 1 + tvIdRng.int(0, 24);
    const rng = new Rng(hash32(seed, "tv", i));
    const adult = rng.chance(0.01);
    let genreIds = pickGenres(rng, D.TV_GENRE_MODEL, tvGenreWeights, rng.weighted(D.GENRE_COUNT_WEIGHTS));
    if (adult) genreIds = [18];
    const lang = rng.weighted(tvLangWeights);
    const country = rng.weighted(lang.countries);
    const name = synthTitle(rng, genreIds, "tv", lang.nameGroup);
    const originalName = lang.code === "en" ? name : nativeTitle(rng, lang.code, name);
    const has = (g: number) => genreIds.includes(g);
    const type = has(10767) ? "Talk Show" : has(10763) ? "News" : has(10764) ? "Reality" : genreIds[0] === 99 ? "Documentary" : "Scripted";

    const firstMs = rng.chance(0.02)
      ? Date.UTC(2026, 0, 1) + rng.int(0, 29) * DAY_MS
      : Date.UTC(2025 - Math.floor(70 * Math.pow(rng.float(), 2.2)), 0, 1) + rng.int(0, 364) * DAY_MS;
    const firstAirDate = isoDate(firstMs);
    const daysAvailable = Math.max(0, (REF_MS - firstMs) / DAY_MS);
    const maxSeasons = Math.max(1, Math.floor(daysAvailable / 330) + 1);
    let popularity = syntheticPopularity(rng);
    let n = 1;
    if (type === "Talk Show" || type === "News") n = Math.min(maxSeasons, rng.int(1, 30));
    else while (n < maxSeasons && n < 25 && rng.chance(popularity > 50 ? 0.7 : 0.5)) n++;
    const miniseries = type === "Scripted" && n === 1 && rng.chance(0.35);
    const finalType = miniseries ? "Miniseries" : type;
    const epsPerSeason = (): number => {
      switch (finalType) {
        case "Miniseries":
          return rng.int(4, 10);
        case "Reality":
          return rng.int(8, 16);
        case "Talk Show":
          return rng.int(120, 200);
        case "News":
          return rng.int(200, 260);
        case "Documentary":
          return rng.int(3, 10);
        default:
          return has(10762) ? rng.int(20, 52) : rng.chance(0.35) ? rng.int(18, 24) : rng.int(6, 13);
      }
    };
    const spacing = Math.min(Math.max(120, daysAvailable / n), 730);
    const seasons: TvSeason[] = [];
    if (rng.chance(0.15))
      seasons.push({ seasonNumber: 0, episodeCount: rng.int(1, 5), airDate: isoDate(firstMs + Math.floor(rng.float() * Math.max(1, daysAvailable)) * DAY_MS) });
    let numberOfEpisodes = 0;
    for (let s = 1; s <= n; s++) {
      const eps = epsPerSeason();
      numberOfEpisodes += eps;
      seasons.push({ seasonNumber: s, episodeCount: eps, airDate: isoDate(firstMs + Math.floor((s - 1) * spacing) * DAY_MS) });
    }
    const lastSeason = seasons[seasons.length - 1] as TvSeason;
    const lastSeasonMs = dateMs(lastSeason.airDate);
    const epSpacing = finalType === "Talk Show" || finalType === "News" ? Math.max(1, Math.floor(300 / lastSeason.episodeCount)) : 7;
    const lastSeasonEnd = lastSeasonMs + (lastSeason.episodeCount - 1) * epSpacing * DAY_MS;
    let status: string;
    let lastEpisode: EpisodeRef;
    let nextEpisode: EpisodeRef | null = null;
    if (lastSeasonEnd > REF_MS) {
      status = "Returning Series";
      const aired = Math.floor((REF_MS - lastSeasonMs) / (epSpacing * DAY_MS)) + 1;
      lastEpisode = { seasonNumber: n, episodeNumber: aired, airDate: isoDate(lastSeasonMs + (aired - 1) * epSpacing * DAY_MS) };
      nextEpisode = { seasonNumber: n, episodeNumber: aired + 1, airDate: isoDate(lastSeasonMs + aired * epSpacing * DAY_MS) };
    } else {
      const recent = REF_MS - lastSeasonEnd < 730 * DAY_MS;
      status =
        finalType === "Miniseries"
          ? "Ended"
          : recent
            ? rng.weighted([
                ["Returning Series", 45],
                ["Ended", 40],
                ["Canceled", 15],
              ])
            : rng.weighted([
                ["Ended", 75],
                ["Canceled", 25],
              ]);
      lastEpisode = { seasonNumber: n, episodeNumber: lastSeason.episodeCount, airDate: isoDate(lastSeasonEnd) };
    }
    const year = Number(firstAirDate.slice(0, 4));
    if (year < 1980) popularity *= 0.6;
    if (status === "Returning Series") popularity *= 1.3;
    popularity = round3(popularity);
    const voteCount = syntheticVotes(rng, popularity, true, daysAvailable);
    const voteAverage = syntheticRating(rng, voteCount, genreIds);
    const baseRun =
      finalType === "Talk Show"
        ? 45
        : finalType === "News"
          ? 30
          : finalType === "Reality"
            ? 43
            : has(10762)
              ? 12
              : genreIds[0] === 16
                ? 24
                : genreIds[0] === 35
                  ? 25
                  : finalType === "Documentary"
                    ? 50
                    : 48;
    const episodeRunTime = year >= 2019 && rng.chance(0.6) ? [] : [Math.round(clamp(rng.normal(baseRun, baseRun * 0.12), 5, 120))];

    const group = lang.nameGroup;
    const unscripted = finalType === "Talk Show" || finalType === "News" || finalType === "Reality" || finalType === "Documentary";
    const castIdx = pickCast(ctx, rng, group, popularity, unscripted ? rng.int(1, 4) : rng.int(4, 12));
    const creators: number[] = [];
    const creatorCount = unscripted ? (rng.chance(0.3) ? 1 : 0) : rng.chance(0.7) ? 1 : 2;
    for (let c = 0; c < creatorCount; c++) {
      const p = rng.chance(0.6) ? pickFrom(rng, pools.writers, 30) : pickDirector(ctx, rng, group, popularity);
      if (!creators.includes(p)) creators.push(p);
    }
    const crewIds: number[] = [];
    const crewJobs: number[] = [];
    const addCrew = (p: number, job: number) => {
      for (let k = 0; k < crewIds.length; k++) if (crewIds[k] === p && crewJobs[k] === job) return;
      crewIds.push(p);
      crewJobs.push(job);
    };
    for (const c of creators) addCrew(c, D.JOB_EXEC_PRODUCER);
    const execs = rng.int(1, 2);
    for (let k = 0; k < execs; k++) addCrew(pickFrom(rng, pools.producers, 30), D.JOB_EXEC_PRODUCER);
    const prods = rng.int(0, 2);
    for (let k = 0; k < prods; k++) addCrew(pickFrom(rng, pools.producers, 30), D.JOB_PRODUCER);
    if (rng.chance(0.8)) addCrew(pickFrom(rng, pools.composers, 10), D.JOB_COMPOSER);
    if (rng.chance(0.7)) addCrew(pickFrom(rng, pools.casting, 10), D.JOB_CASTING);

    const localNetworks = networks.filter((nw) => nw.originCountry === country);
    const networkIds: number[] = [];
    const netPool = localNetworks.length > 0 && rng.chance(0.72) ? localNetworks : globalNetworks;
    networkIds.push((netPool[rng.zipf(netPool.length, 3)] as Network).id);
    if (rng.chance(0.08)) {
      const extra = (globalNetworks[rng.int(0, globalNetworks.length - 1)] as Network).id;
      if (!networkIds.includes(extra)) networkIds.push(extra);
    }

    tv.push({
      mediaType: "tv",
      index: i,
      id,
      adult,
      originalLanguage: lang.code,
      originCountry: [country],
      genreIds,
      keywordIds: pickKeywords(ctx, rng, genreIds),
      popularity,
      voteAverage,
      voteCount,
      posterPath: `/t${id}p.jpg`,
      backdropPath: `/t${id}b.jpg`,
      castIds: castIdx.map((p) => (ctx.people[p] as Person).id),
      crewIds: crewIds.map((p) => (ctx.people[p] as Person).id),
      crewJobs,
      companyIds: pickCompanies(ctx, rng, country, rng.int(1, 2)),
      status,
      certification: country === "US" || rng.chance(0.5) ? tvRating(rng, genreIds) : "",
      real: false,
      name,
      originalName,
      firstAirDate,
      lastAirDate: lastEpisode.airDate,
      episodeRunTime,
      seasons,
      numberOfSeasons: n,
      numberOfEpisodes,
      createdByIds: creators.map((p) => (ctx.people[p] as Person).id),
      networkIds,
      type: finalType,
      inProduction: status === "Returning Series",
      lastEpisode,
      nextEpisode,
    });
  }

  return { movies, tv, people: builder.people, keywords: kw.keywords, companies, networks, collections };
}
