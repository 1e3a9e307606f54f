// People: name pools per language group (actors, directors), the real films' directors, and crew
// pools (writers, producers, composers, cinematographers, editors, casting directors), each with
// power-law popularity. Titles draw their cast and crew from these pools (picks.ts).
import * as D from "../data.ts";
import type { Person } from "../model.ts";
import { Rng, hash32 } from "../random.ts";
import { round3 } from "./common.ts";

/** Person indexes (into the people list) per pool; actors and directors per name group, most prominent first. */
export interface Pools {
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

/** Draws names that are unique across the pool (retries, then a middle initial); `usedNames` starts with the real directors. */
function uniqueNameDrawer(rng: Rng, usedNames: Set<string>): (group: string, gender: number) => string {
  return (group, gender) => {
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
}

export function buildPeople(
  seed: number,
  size: number,
  realDirectors: ReadonlyArray<readonly [string, number]>,
): { builder: PeopleBuilder; pools: Pools; realDirectorIndex: Map<string, number> } {
  const b = new PeopleBuilder(seed);
  const rng = new Rng(hash32(seed, "people"));
  const shares = groupShares();
  const pools: Pools = { actors: {}, directors: {}, writers: [], producers: [], composers: [], dops: [], editors: [], casting: [] };
  const realDirectorIndex = new Map<string, number>();
  const uniqueName = uniqueNameDrawer(rng, new Set<string>(realDirectors.map(([name]) => name)));

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
      // (gender 0, "not set": movies.json does not say, and a first name is no answer)
      const realPool: number[] = [];
      for (const [name] of realDirectors) {
        const idx = b.add(name, 0, "Directing", "en", true);
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
