// What a title draws from the shared pools and tables: its genres (primary genre, then plausible
// companions), cast, directors, keywords and production companies. Popular titles lean towards
// popular people (headBias).
import * as D from "../data.ts";
import type { Company, Keyword, Network, Person } from "../model.ts";
import type { Rng } from "../random.ts";
import { clamp } from "./common.ts";
import type { KeywordTables } from "./keywords-companies-networks.ts";
import type { Pools } from "./people.ts";

/** What every title's generation reads: the seed, the people and their pools, the keyword, company and network tables. */
export interface Ctx {
  seed: number;
  pools: Pools;
  people: Person[];
  kw: KeywordTables;
  companies: Company[];
  companiesByCountry: Map<string, number[]>;
  networks: Network[];
}

export function weightsOf(model: Readonly<Record<number, D.GenreModel>>): Array<readonly [number, number]> {
  return Object.entries(model).map(([id, m]) => [Number(id), m.weight] as const);
}

export function pickGenres(
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

export function pickFrom(rng: Rng, pool: readonly number[], c: number, bias = 1): number {
  return pool[rng.zipf(pool.length, c, bias)] as number;
}

function headBias(popularity: number): number {
  return clamp(1 - Math.log10(popularity + 1) / 3.5, 0.2, 1);
}

export function pickCast(ctx: Ctx, rng: Rng, group: string, popularity: number, count: number, forced: readonly number[] = []): number[] {
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

export function pickDirector(ctx: Ctx, rng: Rng, group: string, popularity: number): number {
  const pool = rng.chance(0.85) ? (ctx.pools.directors[group] ?? (ctx.pools.directors["en"] as number[])) : (ctx.pools.directors["en"] as number[]);
  return pickFrom(rng, pool, 15, headBias(popularity));
}

export function pickKeywords(ctx: Ctx, rng: Rng, genreIds: readonly number[], extra: readonly string[] = []): number[] {
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

export function pickCompanies(ctx: Ctx, rng: Rng, country: string, count: number): number[] {
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
