import { describe, expect, it } from "vitest";
import { mulberry32 } from "../../../../../../packages/tmdb-catalogue/src/index.ts";
import { CatalogueIndex, NO_HARD_FILTERS, POOL_LIMITS, type CatalogueTitle, type PoolInput } from "./catalogue-index.ts";
import { toMediaType } from "../../../media-kind.ts";

function title(id: number, over: Partial<CatalogueTitle> = {}): CatalogueTitle {
  return {
    key: `movie:${id}`,
    mediaType: "movie",
    tmdbId: id,
    title: `Film ${id}`,
    genreIds: [18],
    castIds: [],
    directorIds: [],
    keywordIds: [],
    originalLanguage: "en",
    releaseYear: 2000,
    popularity: 1,
    voteAverage: 6,
    voteCount: 200,
    runtime: 100,
    adult: false,
    streamingOn: [],
    updatedAt: 1,
    ...over,
  };
}

/** A random catalogue: genres, people, languages, years, ratings and popularity with ties. */
function randomCatalogue(size: number, seed: number): CatalogueTitle[] {
  const random = mulberry32(seed);
  const pick = (n: number) => Math.floor(random() * n);
  return Array.from({ length: size }, (_, i) =>
    title(i + 1, {
      mediaType: random() < 0.3 ? "tv" : "movie",
      key: undefined as never,
      genreIds: [...new Set([pick(12), pick(12)])],
      castIds: [...new Set([pick(300), pick(300), pick(300)])],
      directorIds: [pick(80)],
      originalLanguage: ["en", "fr", "ko"][pick(3)]!,
      releaseYear: random() < 0.05 ? null : 1950 + pick(75),
      popularity: pick(500) / 10,
      voteAverage: random() < 0.05 ? null : pick(100) / 10,
      voteCount: pick(400),
      runtime: random() < 0.1 ? null : 60 + pick(120),
      adult: random() < 0.02,
      streamingOn: [...new Set(["US:8", "US:9", "GB:8", "US:337"].filter(() => random() < 0.3))],
    }),
  ).map((row) => ({ ...row, key: `${row.mediaType}:${row.tmdbId}` }));
}

const pool = (index: CatalogueIndex, over: Partial<PoolInput> = {}) =>
  index.candidatePool({
    filters: NO_HARD_FILTERS,
    excluded: new Set(),
    genreIds: [],
    castIds: [],
    directorIds: [],
    collaborativeKeys: [],
    inModel: new Set(),
    ...over,
  });

/** The pools computed the slow, obvious way (what the SQL said), to compare the index with. */
function referencePool(titles: CatalogueTitle[], input: Omit<PoolInput, "inModel">): Map<string, string[]> {
  const f = input.filters;
  const passes = (t: CatalogueTitle) =>
    !input.excluded.has(t.key) &&
    (f.includeAdult || !t.adult) &&
    (!f.mediaTypes.length || f.mediaTypes.includes(toMediaType(t.mediaType))) &&
    (!f.languages.length || f.languages.includes(t.originalLanguage)) &&
    (!f.yearFrom || (t.releaseYear !== null && t.releaseYear >= f.yearFrom)) &&
    (!f.yearTo || (t.releaseYear !== null && t.releaseYear <= f.yearTo)) &&
    (!f.maxRuntime || t.runtime === null || t.runtime <= f.maxRuntime) &&
    (f.minRating === null || (t.voteAverage !== null && t.voteAverage >= f.minRating)) &&
    !t.genreIds.some((g) => f.dislikedGenreIds.includes(g)) &&
    (!f.anyOfGenreIds.length || t.genreIds.some((g) => f.anyOfGenreIds.includes(g))) &&
    (!f.streamingOn.length || t.streamingOn.some((key) => f.streamingOn.includes(key)));
  const popular = [...titles].sort((a, b) => b.popularity - a.popularity || a.tmdbId - b.tmdbId).filter(passes);
  const rated = [...titles]
    .filter((t) => (t.voteCount ?? 0) >= 100 && t.voteAverage !== null)
    .sort((a, b) => b.voteAverage! - a.voteAverage! || a.tmdbId - b.tmdbId)
    .filter(passes);
  const inGenres = (t: CatalogueTitle) => t.genreIds.some((g) => input.genreIds.includes(g));
  const out = new Map<string, string[]>();
  const add = (list: CatalogueTitle[], source: string) => list.forEach((t) => out.set(t.key, [...(out.get(t.key) ?? []), source]));
  add(popular.slice(0, POOL_LIMITS.popular), "popular");
  if (input.genreIds.length) {
    add(popular.filter(inGenres).slice(0, POOL_LIMITS.genre), "genre");
    add(rated.filter(inGenres).slice(0, POOL_LIMITS.topRated), "top-rated");
  } else add(rated.slice(0, POOL_LIMITS.topRated), "top-rated");
  if (input.castIds.length || input.directorIds.length) {
    add(
      popular
        .filter((t) => t.castIds.some((c) => input.castIds.includes(c)) || t.directorIds.some((d) => input.directorIds.includes(d)))
        .slice(0, POOL_LIMITS.people),
      "people",
    );
  }
  const byKey = new Map(titles.map((t) => [t.key, t]));
  add(
    input.collaborativeKeys
      .map((key) => byKey.get(key))
      .filter((t): t is CatalogueTitle => !!t && passes(t))
      .slice(0, POOL_LIMITS.collaborative),
    "collaborative",
  );
  return out;
}

const asMap = (candidates: ReturnType<CatalogueIndex["candidatePool"]>) => new Map(candidates.map((c) => [c.key, c.sources]));

describe("CatalogueIndex", () => {
  const titles = randomCatalogue(4_000, 7);
  const random = mulberry32(11);
  const sample = (n: number, from: readonly string[]) => Array.from({ length: n }, () => from[Math.floor(random() * from.length)]!);
  const keys = titles.map((t) => t.key);
  const inputs: Array<Omit<PoolInput, "inModel">> = [
    { filters: NO_HARD_FILTERS, excluded: new Set(), genreIds: [], castIds: [], directorIds: [], collaborativeKeys: [] },
    {
      filters: NO_HARD_FILTERS,
      excluded: new Set(sample(300, keys)),
      genreIds: [3, 7],
      castIds: [1, 2, 3, 40, 41],
      directorIds: [5, 6],
      collaborativeKeys: sample(500, keys),
    },
    {
      filters: {
        mediaTypes: ["MOVIE"],
        languages: ["fr", "ko"],
        yearFrom: 1980,
        yearTo: 2010,
        maxRuntime: 120,
        minRating: 5,
        includeAdult: true,
        dislikedGenreIds: [1],
        anyOfGenreIds: [2, 3, 4],
        streamingOn: [],
      },
      excluded: new Set(sample(100, keys)),
      genreIds: [3],
      castIds: [10, 11],
      directorIds: [],
      collaborativeKeys: sample(200, keys),
    },
    {
      // "Available to me": Netflix or Disney Plus in the US.
      filters: { ...NO_HARD_FILTERS, streamingOn: ["US:8", "US:337"] },
      excluded: new Set(sample(100, keys)),
      genreIds: [3],
      castIds: [10, 11],
      directorIds: [],
      collaborativeKeys: sample(200, keys),
    },
  ];

  it("builds the same pools as the SQL it replaces (bounds, order, filters, exclusions, sources)", () => {
    const index = new CatalogueIndex();
    index.upsert(titles);
    for (const input of inputs) expect(asMap(pool(index, input))).toEqual(referencePool(titles, input));
    // More genres than the index has bits for: the same pools by the slower path.
    const manyGenres = titles.map((t, i) => ({ ...t, genreIds: [100 + (i % 40), 100 + ((i * 7) % 40)] }));
    const wide = new CatalogueIndex();
    wide.upsert(manyGenres);
    const input = { ...inputs[1]!, genreIds: [100, 131, 139] };
    expect(asMap(pool(wide, input))).toEqual(referencePool(manyGenres, input));
  });

  it("stays equal to a fresh build after rows change a few at a time (merged orders, moved people)", () => {
    const index = new CatalogueIndex();
    index.upsert(titles);
    let current = [...titles];
    for (let round = 0; round < 20; round++) {
      const changed = Array.from({ length: 1 + Math.floor(random() * 30) }, () => {
        const at = Math.floor(random() * current.length);
        const before = current[at]!;
        const after = {
          ...before,
          popularity: Math.floor(random() * 500) / 10,
          voteCount: Math.floor(random() * 400),
          castIds: [Math.floor(random() * 300)],
          updatedAt: before.updatedAt + 1,
        };
        current[at] = after;
        return after;
      });
      const added = randomCatalogue(5, round + 100).map((t) => ({
        ...t,
        tmdbId: 10_000 + round * 10 + t.tmdbId,
        key: `${t.mediaType}:${10_000 + round * 10 + t.tmdbId}`,
      }));
      current = [...current, ...added];
      index.upsert([...changed, ...added]);
    }
    expect(index.size).toBe(current.length);
    for (const input of inputs) expect(asMap(pool(index, input))).toEqual(referencePool(current, input));
    // Found by type and id as by key, at its latest version; unknown titles are not.
    for (const t of current) expect(index.find(t.mediaType, t.tmdbId)).toBe(index.get(t.key));
    expect(index.find("tv", current[0]!.tmdbId)).toBe(index.get(`tv:${current[0]!.tmdbId}`));
    expect(index.find("movie", 99_999_999)).toBeUndefined();
  });

  it("ignores a re-read row that has not changed, and marks what the live model knows", () => {
    const index = new CatalogueIndex();
    index.upsert([title(1, { popularity: 5 }), title(2, { popularity: 9 })]);
    expect(index.upsert([title(2, { popularity: 1 })])).toBe(0);
    expect(pool(index).map((c) => c.key)).toEqual(["movie:2", "movie:1"]);
    expect(index.upsert([title(2, { popularity: 1, updatedAt: 2 })])).toBe(1);
    expect(pool(index, { inModel: new Set(["movie:1"]) }).map((c) => [c.key, c.inModel])).toEqual([
      ["movie:1", true],
      ["movie:2", false],
    ]);
  });
});
