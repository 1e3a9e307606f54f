// Which titles each person is in (their credits, and what they are known for): an index built once
// per catalogue from every title's cast and crew.
// Entries are numbers: titleKey = title index * 2 + (1 for tv), a cast entry = titleKey * 64 +
// billing order (capped at 63), a crew entry = titleKey * 16 + job code (data/jobs.ts).
import type { CatalogueMovie, CatalogueTitle, CatalogueTv, Person } from "../model.ts";

export interface PersonCastCredit {
  title: CatalogueTitle;
  order: number;
}

export interface PersonCrewCredit {
  title: CatalogueTitle;
  job: number;
}

/** Cast and crew entries by person index. */
export interface PersonIndex {
  cast: Array<number[] | undefined>;
  crew: Array<number[] | undefined>;
}

/** What the index is built from. */
export interface PersonIndexSources {
  movies: readonly CatalogueMovie[];
  tv: readonly CatalogueTv[];
  people: readonly Person[];
  person(id: number): Person | undefined;
}

export function buildPersonIndex(sources: PersonIndexSources): PersonIndex {
  const cast: Array<number[] | undefined> = new Array(sources.people.length);
  const crew: Array<number[] | undefined> = new Array(sources.people.length);
  const indexOf = new Map<number, number>();
  const personIndex = (id: number) => {
    let i = indexOf.get(id);
    if (i === undefined) {
      i = (sources.person(id) as Person).index;
      indexOf.set(id, i);
    }
    return i;
  };
  const addTitles = (titles: readonly CatalogueTitle[], tvBit: number) => {
    for (const t of titles) {
      const titleKey = t.index * 2 + tvBit;
      t.castIds.forEach((id, order) => {
        const pi = personIndex(id);
        (cast[pi] ??= []).push(titleKey * 64 + Math.min(order, 63));
      });
      t.crewIds.forEach((id, k) => {
        const pi = personIndex(id);
        (crew[pi] ??= []).push(titleKey * 16 + (t.crewJobs[k] as number));
      });
    }
  };
  addTitles(sources.movies, 0);
  addTitles(sources.tv, 1);
  return { cast, crew };
}

function titleOfKey(sources: PersonIndexSources, titleKey: number): CatalogueTitle {
  return ((titleKey & 1) === 1 ? sources.tv[titleKey >> 1] : sources.movies[titleKey >> 1]) as CatalogueTitle;
}

/** Every cast and crew credit of a person. */
export function creditsOfPerson(index: PersonIndex, sources: PersonIndexSources, p: Person): { cast: PersonCastCredit[]; crew: PersonCrewCredit[] } {
  return {
    cast: (index.cast[p.index] ?? []).map((e) => ({ title: titleOfKey(sources, Math.floor(e / 64)), order: e % 64 })),
    crew: (index.crew[p.index] ?? []).map((e) => ({ title: titleOfKey(sources, Math.floor(e / 16)), job: e % 16 })),
  };
}

/** Up to 3 most popular non-adult titles the person is known for (acting credits for actors, crew otherwise). */
export function knownForTitles(p: Person, credits: { cast: PersonCastCredit[]; crew: PersonCrewCredit[] }): CatalogueTitle[] {
  const pool = p.knownForDepartment === "Acting" || credits.crew.length === 0 ? credits.cast.map((c) => c.title) : credits.crew.map((c) => c.title);
  const unique = [...new Set(pool)].filter((t) => !t.adult);
  unique.sort((a, b) => b.popularity - a.popularity || a.id - b.id);
  return unique.slice(0, 3);
}
