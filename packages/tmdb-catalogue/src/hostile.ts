// Opt-in hostile titles (`hostileTitles: true`, `--hostile-titles`, CATALOGUE_HOSTILE_TITLES=1):
// a few extra films and one series whose title, overview, tagline and cast/crew names are markup,
// script, SQL-like and bidi strings, for checking that every layer stores them byte-exact and the
// web app renders them as text. They are appended after the generated titles (new ids above every
// generated id, new people for their credits), so the generated catalogue itself is unchanged;
// they are popular enough to be on page 3–4 of the popular lists (so an ingest reaches them) but
// not on the first pages. Without the option nothing here is used.
import type { CatalogueMovie, CatalogueTitle, CatalogueTv, Person } from "./model.ts";

/** What every hostile payload tries to do: a test sets `window.__pwned` unset and checks it stays so. */
export const HOSTILE_CANARY = "__pwned";

export interface HostileTitleSpec {
  mediaType: "movie" | "tv";
  /** A plain word in the title, unique in the catalogue, to search for. */
  searchWord: string;
  title: string;
  overview: string;
  tagline: string;
  /** Cast names in billing order (new people). */
  cast: string[];
  /** Director (film) or creator (series) name (a new person). */
  director: string;
}

const LONG_OVERVIEW = `<script>window.__pwned=1</script>${"A&amp;B <b>not bold</b> ' OR 1=1 -- ".repeat(278)}The end.`;

export const HOSTILE_TITLES: readonly HostileTitleSpec[] = [
  {
    mediaType: "movie",
    searchWord: "Zyxhostimg",
    title: `<img src=x onerror="window.__pwned=1;alert(1)"> Zyxhostimg`,
    overview: `<a href="javascript:window.__pwned=1">Click me</a> <iframe src="javascript:window.__pwned=1"></iframe> <img src=x onerror=window.__pwned=1>`,
    tagline: `javascript:window.__pwned=1`,
    cast: [`<img src=x onerror=window.__pwned=1>`, `<script>window.__pwned=1</script>`, `javascript:alert(document.cookie)`],
    director: `<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>`,
  },
  {
    mediaType: "movie",
    searchWord: "Zyxhostscript",
    title: `<script>window.__pwned=1;alert(1)</script> Zyxhostscript`,
    overview: LONG_OVERVIEW,
    tagline: `</p><script>window.__pwned=1</script><p>`,
    cast: [`Robert'); DROP TABLE "Person";--`, `" onmouseover="window.__pwned=1" x="`],
    director: `<svg/onload=window.__pwned=1>`,
  },
  {
    mediaType: "movie",
    searchWord: "Zyxhostsql",
    title: `'; DROP TABLE "User"; -- Zyxhostsql ' OR 1=1 --`,
    overview: `'; DELETE FROM media_cache; -- and " OR ""=" and \\'; SELECT pg_sleep(5); --`,
    tagline: `{{constructor.constructor('window.__pwned=1')()}} \${window.__pwned=1}`,
    cast: [`\u202Egnp.exe\u202C Person`, `Zero\u200Bwidth\u200DJoiner`],
    director: `%3Cscript%3Ewindow.__pwned=1%3C/script%3E`,
  },
  {
    mediaType: "movie",
    searchWord: "Zyxhostbidi",
    title: `Zyxhostbidi \u202Eelif.exe\u202C &amp; &lt;b&gt; <b>bold</b> \u05E9\u05DC\u05D5\u05DD \u{1F600}`,
    overview: `Right-to-left \u202Eoverride\u202C, an entity &lt;script&gt; and a NUL-free control \u0007 bell.`,
    tagline: `<style>body{display:none}</style>`,
    cast: [`&lt;img src=x onerror=window.__pwned=1&gt;`],
    director: `javascript:window.__pwned=1`,
  },
  {
    // No markup: words longer than any card or column, which must wrap rather than widen the page.
    mediaType: "movie",
    searchWord: "Zyxhostlong",
    title: `Zyxhostlong ${"Pneumonoultramicroscopicsilicovolcanoconiosis".repeat(6)}`,
    overview: `See https://example.org/${"very-long-path-segment-".repeat(20)}end for more.`,
    tagline: "W".repeat(200),
    cast: [`${"Wolfeschlegelsteinhausenbergerdorff".repeat(4)} Sr.`],
    director: "Hubert".repeat(30),
  },
  {
    mediaType: "tv",
    searchWord: "Zyxhostseries",
    title: `<svg onload=window.__pwned=1> Zyxhostseries <a href="javascript:window.__pwned=1">x</a>`,
    overview: `<details open ontoggle=window.__pwned=1> "><script>window.__pwned=1</script>`,
    tagline: `<img src=x onerror=window.__pwned=1>`,
    cast: [`<b onmouseover=window.__pwned=1>Host</b>`, `javascript:window.__pwned=1`],
    director: `<script>window.__pwned=1</script>`,
  },
];

/** The rank (0-based, in popularity order) the first hostile title gets in its popular list. */
const FIRST_RANK = 45;

type HostileData = { movies: CatalogueMovie[]; tv: CatalogueTv[]; people: Person[] };

/** The popularity of the title at `rank` among the non-adult ones (the hostile titles slot in just above it). */
function popularityAt(titles: ReadonlyArray<{ popularity: number; adult: boolean }>, rank: number): number {
  const sorted = titles
    .filter((t) => !t.adult)
    .map((t) => t.popularity)
    .sort((a, b) => b - a);
  return sorted[Math.min(rank, sorted.length - 1)] ?? 1;
}

/** The most popular non-adult title: what a hostile title copies its non-text fields from. */
function templateOf<Title extends { adult: boolean; popularity: number }>(titles: readonly Title[]): Title {
  return titles.reduce((best, t) => (!t.adult && t.popularity > best.popularity ? t : best));
}

type CreditedPeople = { castIds: number[]; directorId: number };

/** The fields a hostile film and a hostile series share: placed just above `rank`, credited to `people`. */
function hostileTitleBase(titles: readonly CatalogueTitle[], spec: HostileTitleSpec, id: number, rank: number, people: CreditedPeople, kind: "m" | "t") {
  return {
    index: titles.length,
    id,
    originalLanguage: "en",
    originCountry: ["US"],
    keywordIds: [],
    popularity: popularityAt(titles, rank) + 0.001,
    voteAverage: 6.4,
    voteCount: 320,
    posterPath: `/${kind}${id}p.jpg`,
    backdropPath: `/${kind}${id}b.jpg`,
    castIds: people.castIds,
    crewIds: [people.directorId],
    real: false,
    overview: spec.overview,
    tagline: spec.tagline,
  };
}

function hostileMovie(data: HostileData, spec: HostileTitleSpec, id: number, rank: number, people: CreditedPeople): CatalogueMovie {
  const template = templateOf(data.movies);
  return {
    ...template,
    ...hostileTitleBase(data.movies, spec, id, rank, people, "m"),
    genreIds: [99, 10402],
    crewJobs: [0],
    companyIds: template.companyIds.slice(0, 1),
    status: "Released",
    certification: "PG-13",
    title: spec.title,
    originalTitle: spec.title,
    releaseDate: "2024-05-17",
    runtime: 97,
    budget: 0,
    revenue: 0,
    imdbId: null,
    collectionId: null,
  };
}

function hostileSeries(data: HostileData, spec: HostileTitleSpec, id: number, rank: number, people: CreditedPeople): CatalogueTv {
  return {
    ...templateOf(data.tv),
    ...hostileTitleBase(data.tv, spec, id, rank, people, "t"),
    genreIds: [99, 10764],
    crewJobs: [4],
    createdByIds: [people.directorId],
    name: spec.title,
    originalName: spec.title,
    type: "Scripted",
  };
}

/**
 * Appends the hostile titles (and the people in their credits) to generated data, in place. Films
 * copy their non-text fields from the most popular generated film (genres aside), series from the
 * most popular series.
 */
export function appendHostileTitles(data: HostileData): void {
  let nextPersonId = (data.people.at(-1)?.id ?? 1000) + 1000;
  const person = (name: string, department: Person["knownForDepartment"]): number => {
    const id = nextPersonId++;
    data.people.push({
      id,
      index: data.people.length,
      name,
      gender: 0,
      knownForDepartment: department,
      popularity: 1,
      profilePath: null,
      nameGroup: "en",
      real: false,
    });
    return id;
  };
  let movieRank = FIRST_RANK;
  let tvRank = FIRST_RANK;
  let nextMovieId = (data.movies.at(-1)?.id ?? 10) + 1000;
  let nextTvId = (data.tv.at(-1)?.id ?? 1395) + 1000;
  for (const spec of HOSTILE_TITLES) {
    const people = { castIds: spec.cast.map((name) => person(name, "Acting")), directorId: person(spec.director, "Directing") };
    if (spec.mediaType === "movie") data.movies.push(hostileMovie(data, spec, nextMovieId++, movieRank++, people));
    else data.tv.push(hostileSeries(data, spec, nextTvId++, tvRank++, people));
  }
}
