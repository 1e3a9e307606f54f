// Collections: their ids (allocated in creation order: synthetic sequels while movies are
// generated, then the real films' franchises) and how real films are grouped into them.
import type { CatalogueMovie, Collection } from "../model.ts";
import { Rng, hash32 } from "../random.ts";

/** The collections made so far, and how to make another (the next id, its poster and backdrop). */
export interface CollectionMaker {
  collections: Collection[];
  newCollection: (name: string) => number;
}

export function collectionMaker(seed: number): CollectionMaker {
  const collections: Collection[] = [];
  const collectionRng = new Rng(hash32(seed, "collection-ids"));
  let nextCollectionId = 8_640;
  const newCollection = (name: string): number => {
    const id = nextCollectionId;
    nextCollectionId += 1 + collectionRng.int(0, 90);
    collections.push({ id, name, posterPath: `/c${id}p.jpg`, backdropPath: `/c${id}b.jpg` });
    return id;
  };
  return { collections, newCollection };
}

const SEQUEL_RE = /^(.+?)(?::|\s)\s*(?:2|3|4|5|II|III|IV|V|Part (?:II|III|IV|2|3))(?:\b|:)/;

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
export function assignRealCollections(movies: CatalogueMovie[], newCollection: (name: string) => number): void {
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
