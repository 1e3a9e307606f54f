// Recommendations over HTTP on the offline catalogue: personal (opposite tastes → different
// lists), explained, honouring exclusions and filters, and falling back to TMDB discover.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi, type TestUser } from "../../test-support/api-harness.ts";
import { trainModel } from "./model/train-model.job.ts";
import { DEFAULT_ITEM_MODEL_CONFIG } from "./model/train-item-model.ts";
import { invalidateRankings, rankingField, readRanking, storeRanking } from "./recommendation.cache.ts";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ catalogueSize: 3_000 });
  await api.seedMediaCache(10);
});
afterAll(() => api?.close());

const RECOMMENDATIONS = `query($first: Int, $after: String, $filter: RecommendationFilter) {
  recommendations(first: $first, after: $after, filter: $filter) {
    coldStart
    edges { cursor node { score reasons { kind text refersTo } media { id type tmdbId title year originalLanguage runtime voteAverage genres { tmdbId } } } }
    pageInfo { hasNextPage endCursor }
  } }`;

type Item = {
  score: number;
  reasons: Array<{ kind: string; text: string; refersTo: string | null }>;
  media: {
    id: string;
    type: string;
    tmdbId: number;
    year: number | null;
    originalLanguage: string;
    runtime: number | null;
    voteAverage: number | null;
    genres: Array<{ tmdbId: number }>;
  };
};

async function recommendations(
  user: TestUser,
  variables: Record<string, unknown> = {},
): Promise<{ coldStart: boolean; items: Item[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } }> {
  const result = await api.graphql(RECOMMENDATIONS, { first: 20, ...variables }, { token: user.token });
  expect(result.errors).toBeUndefined();
  const connection = result.data!.recommendations;
  return { coldStart: connection.coldStart, items: connection.edges.map((edge: { node: Item }) => edge.node), pageInfo: connection.pageInfo };
}

/** Cached movies whose genres include all of `genreIds`, most popular first. */
async function moviesWith(genreIds: number[], take: number) {
  return api.services.prisma.mediaCache.findMany({ where: { mediaType: "MOVIE", genreIds: { hasEvery: genreIds } }, orderBy: { popularity: "desc" }, take });
}

async function favourite(user: TestUser, tmdbIds: number[]) {
  for (const id of tmdbIds) {
    const result = await api.graphql(`mutation($id: Int!) { addFavourite(media: { type: MOVIE, tmdbId: $id }) { id } }`, { id }, { token: user.token });
    expect(result.errors).toBeUndefined();
  }
}

const HORROR = 27;
const THRILLER = 53;
const ANIMATION = 16;
const FAMILY = 10751;
const genreShare = (items: Item[], genres: number[]) =>
  items.filter((item) => item.media.genres.some((genre) => genres.includes(genre.tmdbId))).length / items.length;

describe("recommendations", () => {
  it("needs a signed-in caller", async () => {
    const result = await api.graphql(RECOMMENDATIONS, {});
    expect(result.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("gives people with opposite tastes clearly different lists, each explained", async () => {
    const scary = await api.createUser();
    const family = await api.createUser();
    await api.graphql(
      `mutation { updatePreferences(input: { likedGenreIds: [${HORROR}, ${THRILLER}], onboarded: true }) { onboarded } }`,
      {},
      { token: scary.token },
    );
    await api.graphql(
      `mutation { updatePreferences(input: { likedGenreIds: [${ANIMATION}, ${FAMILY}], onboarded: true }) { onboarded } }`,
      {},
      { token: family.token },
    );
    await favourite(
      scary,
      (await moviesWith([HORROR], 4)).map((row) => row.tmdbId),
    );
    await favourite(
      family,
      (await moviesWith([ANIMATION], 4)).map((row) => row.tmdbId),
    );

    const [forScary, forFamily] = [await recommendations(scary), await recommendations(family)];
    expect(forScary.coldStart).toBe(false);
    expect(forScary.items).toHaveLength(20);
    const scaryIds = new Set(forScary.items.map((item) => item.media.id));
    const overlap = forFamily.items.filter((item) => scaryIds.has(item.media.id)).length;
    expect(overlap).toBeLessThanOrEqual(3);
    expect(genreShare(forScary.items.slice(0, 10), [HORROR, THRILLER])).toBeGreaterThanOrEqual(0.6);
    expect(genreShare(forFamily.items.slice(0, 10), [ANIMATION, FAMILY])).toBeGreaterThanOrEqual(0.6);

    for (const item of [...forScary.items, ...forFamily.items]) {
      expect(item.reasons.length).toBeGreaterThan(0);
      expect(item.reasons[0]!.text.length).toBeGreaterThan(3);
    }
    // Someone with favourites is told which of them a pick follows from.
    expect(
      forScary.items.some((item) => item.reasons.some((reason) => reason.kind === "BECAUSE_YOU_LIKED" && reason.text.startsWith("Because you liked"))),
    ).toBe(true);
    // Scores come in ranked order (diversity may swap near neighbours, not invert the list).
    expect(forScary.items[0]!.score).toBeGreaterThanOrEqual(forScary.items.at(-1)!.score);
  });

  it("never recommends favourites, watchlist items or dismissed titles", async () => {
    const user = await api.createUser();
    await api.graphql(`mutation { updatePreferences(input: { likedGenreIds: [28] }) { onboarded } }`, {}, { token: user.token });
    const before = await recommendations(user, { first: 30 });
    const [first, second] = before.items.slice(0, 2).map((item) => item.media);
    // Whatever type each is (a film or a series), each by its own type.
    const favoured = await api.graphql(
      `mutation($id: Int!) { addFavourite(media: { type: ${first!.type}, tmdbId: $id }) { id } }`,
      { id: first!.tmdbId },
      { token: user.token },
    );
    expect(favoured.errors).toBeUndefined();
    const listed = await api.graphql(
      `mutation($id: Int!) { addToWatchlist(media: { type: ${second!.type}, tmdbId: $id }) { id } }`,
      { id: second!.tmdbId },
      { token: user.token },
    );
    expect(listed.errors).toBeUndefined();
    // The top pick once those changed the list is the one dismissed.
    const third = (await recommendations(user, { first: 1 })).items[0]!.media;
    await api.graphql(`mutation($id: Int!) { dismiss(media: { type: ${third.type}, tmdbId: $id }) { id } }`, { id: third.tmdbId }, { token: user.token });

    const after = await recommendations(user, { first: 50 });
    const excluded = new Set([first!.id, second!.id, third.id]);
    expect(after.items.filter((item) => excluded.has(item.media.id))).toEqual([]);
    // Undoing the dismissal brings it back where it was.
    await api.graphql(`mutation($id: Int!) { undoDismiss(media: { type: ${third.type}, tmdbId: $id }) { id } }`, { id: third.tmdbId }, { token: user.token });
    const restored = await recommendations(user, { first: 50 });
    expect(restored.items[0]?.media.id).toBe(third.id);
  });

  it("honours preference and request filters", async () => {
    const user = await api.createUser();
    await api.graphql(
      `mutation { updatePreferences(input: { likedGenreIds: [18], mediaTypes: [MOVIE], yearFrom: 1990, dislikedGenreIds: [${HORROR}] }) { onboarded } }`,
      {},
      { token: user.token },
    );
    const { items } = await recommendations(user, { first: 40, filter: { minRating: 6, languages: ["en"] } });
    expect(items.length).toBeGreaterThan(10);
    for (const item of items) {
      expect(item.media.type).toBe("MOVIE");
      expect(item.media.year).toBeGreaterThanOrEqual(1990);
      expect(item.media.originalLanguage).toBe("en");
      expect(item.media.voteAverage).toBeGreaterThanOrEqual(6);
      expect(item.media.genres.map((genre) => genre.tmdbId)).not.toContain(HORROR);
    }
    const tvOnly = await recommendations(user, { filter: { type: "TV" } });
    expect(tvOnly.items.every((item) => item.media.type === "TV")).toBe(true);
    const bad = await api.graphql(RECOMMENDATIONS, { filter: { minRating: 11 } }, { token: user.token });
    expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    // Years and genres are checked as browse checks them, not passed on to TMDB's discover.
    for (const [filter, argument] of [
      [{ yearFrom: 99_999 }, "filter.yearFrom"],
      [{ yearTo: 1000 }, "filter.yearTo"],
      [{ genreIds: [-1] }, "filter.genreIds"],
    ] as const) {
      const refused = await api.graphql(RECOMMENDATIONS, { filter }, { token: user.token });
      expect(refused.errors?.[0]?.extensions, JSON.stringify(filter)).toMatchObject({ code: "BAD_USER_INPUT", details: { argument } });
    }
  });

  it("starts a new user on popular and top-rated titles within their genres", async () => {
    const user = await api.createUser();
    await api.graphql(`mutation { updatePreferences(input: { likedGenreIds: [${ANIMATION}] }) { onboarded } }`, {}, { token: user.token });
    const { coldStart, items } = await recommendations(user);
    expect(coldStart).toBe(true);
    expect(items).toHaveLength(20);
    expect(genreShare(items.slice(0, 10), [ANIMATION])).toBeGreaterThanOrEqual(0.7);
    expect(items.every((item) => item.reasons.length > 0)).toBe(true);
  });

  it("pages without repeats", async () => {
    const user = await api.createUser();
    await api.graphql(`mutation { updatePreferences(input: { likedGenreIds: [35] }) { onboarded } }`, {}, { token: user.token });
    const first = await recommendations(user, { first: 10 });
    const second = await recommendations(user, { first: 10, after: first.pageInfo.endCursor });
    const all = [...first.items, ...second.items].map((item) => item.media.id);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(new Set(all).size).toBe(20);
  });

  it("lifts what people with the same favourites also liked", async () => {
    const [x, y] = (await moviesWith([99], 2)).map((row) => row.tmdbId); // documentaries: few in the pool by genre alone
    const liked = (await moviesWith([ANIMATION], 1)).map((row) => row.tmdbId);
    // Five people favourite both the animation title and documentary x.
    for (let index = 0; index < 5; index++) {
      const fan = await api.createUser();
      await favourite(fan, [liked[0]!, x!]);
    }
    // The model learns it at its next training (the worker's job, run here in-process).
    await trainModel(api.services, { model: DEFAULT_ITEM_MODEL_CONFIG });
    const user = await api.createUser();
    await favourite(user, [liked[0]!]);
    const { items } = await recommendations(user, { first: 20 });
    const pick = items.find((item) => item.media.tmdbId === x);
    expect(pick).toBeDefined();
    // The reason names the caller's own favourite that brought it in.
    expect(pick!.reasons.find((reason) => reason.kind === "PEOPLE_ALSO_LIKED")?.refersTo).toBe(`movie:${liked[0]}`);
    expect(items.findIndex((item) => item.media.tmdbId === x)).toBeLessThan(
      items.findIndex((item) => item.media.tmdbId === y) === -1 ? 99 : items.findIndex((item) => item.media.tmdbId === y),
    );
  });

  it("asks TMDB discover when the cache has too little, and uses what it writes", async () => {
    // A (language, year) whose films the catalogue has but the seeded cache lacks entirely.
    const cached = await api.services.prisma.mediaCache.findMany({ where: { mediaType: "MOVIE" }, select: { originalLanguage: true, releaseDate: true } });
    const cachedGroups = new Set(cached.map((row) => `${row.originalLanguage}:${row.releaseDate?.getUTCFullYear()}`));
    const groups = new Map<string, number>();
    for (const movie of api.catalogue.catalogue.movies) {
      const key = `${movie.originalLanguage}:${movie.releaseDate.slice(0, 4)}`;
      if (!cachedGroups.has(key) && movie.releaseDate) groups.set(key, (groups.get(key) ?? 0) + 1);
    }
    const [language, year] = [...groups].sort((a, b) => b[1] - a[1])[0]![0].split(":") as [string, string];
    const user = await api.createUser();
    await api.graphql(
      `mutation($languages: [String!], $year: Int) { updatePreferences(input: { languages: $languages, mediaTypes: [MOVIE], yearFrom: $year, yearTo: $year }) { onboarded } }`,
      { languages: [language], year: Number(year) },
      { token: user.token },
    );
    api.catalogue.resetCounts();
    const before = await api.services.prisma.mediaCache.count();
    const { items } = await recommendations(user, { first: 5 });
    expect(api.catalogue.requestCounts()["/3/discover/movie"]).toBe(1);
    expect(api.catalogue.requestCounts()["/3/discover/tv"]).toBeUndefined();
    expect(await api.services.prisma.mediaCache.count()).toBeGreaterThan(before);
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((item) => item.media.originalLanguage === language)).toBe(true);
    // The next request is served from the cache.
    api.catalogue.resetCounts();
    await recommendations(user, { first: 5 });
    expect(api.catalogue.requestCounts()["/3/discover/movie"]).toBeUndefined();
  });

  it("costs a constant number of SQL queries however large the page, and fewer when the ranking is reused", async () => {
    const user = await api.createUser();
    await favourite(
      user,
      (await moviesWith([80], 5)).map((row) => row.tmdbId),
    );
    // Fields the cache holds (no enrichment), so only the recommendation itself is counted.
    const light = `query($first: Int) { recommendations(first: $first) { edges { node { score reasons { text } media { id title genres { name } isFavourite inWatchlist } } } } }`;
    let statements: string[] = [];
    const count = async (first: number, ranking: "afresh" | "reused") => {
      await api.graphql(light, { first }, { token: user.token });
      if (ranking === "afresh") await invalidateRankings(api.services, user.id);
      api.sqlQueries.count = 0;
      api.sqlQueries.statements = [];
      const result = await api.graphql(light, { first }, { token: user.token });
      expect(result.data!.recommendations.edges).toHaveLength(first);
      for (const edge of result.data!.recommendations.edges) expect(edge.node.media).toMatchObject({ isFavourite: false, inWatchlist: false });
      statements = api.sqlQueries.statements.map((sql) => sql.slice(0, 100));
      delete api.sqlQueries.statements;
      return api.sqlQueries.count;
    };
    const small = await count(5, "afresh");
    const large = await count(50, "afresh");
    const reused = await count(50, "reused");
    console.info(`SQL queries for recommendations(first: 50): ${large} ranking afresh, ${reused} reusing the ranking`);
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(14);
    // The token (with its user's role) and at most the page's titles (kept in memory after the
    // first read): nothing of the ranking, and not the caller's state of the titles (a ranked title
    // is one they have done nothing with).
    expect(reused, statements.join("\n")).toBeLessThanOrEqual(2);
  });
});

describe("reusing a ranking", () => {
  it("serves the same list again until the caller's taste changes, and every change shows at once", async () => {
    const user = await api.createUser();
    await api.graphql(`mutation { updatePreferences(input: { likedGenreIds: [28, 12] }) { onboarded } }`, {}, { token: user.token });
    const first = await recommendations(user);
    expect(await recommendations(user)).toEqual(first);
    const ids = first.items.map((item) => item.media);

    // Each of these changes what the caller should see; the next request must reflect it.
    const changes: Array<[string, string, (typeof ids)[number]]> = [
      ["addFavourite", `mutation($id: Int!) { addFavourite(media: { type: MOVIE, tmdbId: $id }) { id } }`, ids[0]!],
      ["addToWatchlist", `mutation($id: Int!) { addToWatchlist(media: { type: MOVIE, tmdbId: $id }) { id } }`, ids[1]!],
      ["markWatched", `mutation($id: Int!) { markWatched(media: { type: MOVIE, tmdbId: $id }) { id } }`, ids[2]!],
      ["dismiss", `mutation($id: Int!) { dismiss(media: { type: MOVIE, tmdbId: $id }) { id } }`, ids[3]!],
    ];
    for (const [name, mutation, media] of changes) {
      if (media.type !== "MOVIE") continue;
      const result = await api.graphql(mutation, { id: media.tmdbId }, { token: user.token });
      expect(result.errors, name).toBeUndefined();
      const after = await recommendations(user);
      expect(
        after.items.map((item) => item.media.id),
        `${media.id} after ${name}`,
      ).not.toContain(media.id);
    }
    // Undoing a change counts too.
    const dismissed = ids[3]!;
    if (dismissed.type === "MOVIE") {
      await api.graphql(`mutation($id: Int!) { undoDismiss(media: { type: MOVIE, tmdbId: $id }) { id } }`, { id: dismissed.tmdbId }, { token: user.token });
      expect((await recommendations(user, { first: 50 })).items.map((item) => item.media.id)).toContain(dismissed.id);
    }
    // So does a preference: disliking a genre removes it from the very next list.
    const disliked = (await recommendations(user)).items
      .flatMap((item) => item.media.genres.map((genre) => genre.tmdbId))
      .find((id) => id !== 28 && id !== 12)!;
    const update = await api.graphql(
      `mutation($ids: [Int!]!) { updatePreferences(input: { dislikedGenreIds: $ids }) { onboarded } }`,
      { ids: [disliked] },
      { token: user.token },
    );
    expect(update.errors).toBeUndefined();
    const withoutGenre = await recommendations(user);
    expect(withoutGenre.items.filter((item) => item.media.genres.some((genre) => genre.tmdbId === disliked))).toEqual([]);
  });

  it("never stores a ranking made before a change over that change", async () => {
    const user = await api.createUser();
    const ctx = api.services;
    const field = rankingField({ test: "race" });
    const before = await readRanking(ctx, user.id, field);
    expect(before.hit).toBeUndefined();
    expect(before.version).toBeDefined();
    // The caller's taste changes while a ranking made from the old taste is still being built.
    await invalidateRankings(ctx, user.id);
    storeRanking(ctx, user.id, field, before.version!, { items: [{ key: "movie:1", score: 1, reasons: [] }], coldStart: false, complete: false });
    await api.services.redis.ping(); // the store has run by the time a later command answers
    expect((await readRanking(ctx, user.id, field)).hit).toBeUndefined();
    // Made under the current version, it is kept and served.
    const current = await readRanking(ctx, user.id, field);
    storeRanking(ctx, user.id, field, current.version!, { items: [{ key: "movie:2", score: 1, reasons: [] }], coldStart: false, complete: false });
    await api.services.redis.ping();
    expect((await readRanking(ctx, user.id, field)).hit?.items.map((item) => item.key)).toEqual(["movie:2"]);
  });

  it("ranks afresh on every request when RECOMMENDATIONS_CACHE_SECONDS=0, and a page never depends on the page size", async () => {
    const uncached = await startTestApi({ catalogue: api.catalogue, env: { RECOMMENDATIONS_CACHE_SECONDS: "0" } });
    try {
      await uncached.seedMediaCache(3);
      const user = await uncached.createUser();
      const light = `{ recommendations(first: 5) { edges { node { media { id } } } } }`;
      await uncached.graphql(light, {}, { token: user.token });
      uncached.sqlQueries.statements = [];
      await uncached.graphql(light, {}, { token: user.token });
      // The second request ranks again: it reads the caller's interactions again.
      expect(uncached.sqlQueries.statements.filter((sql) => sql.includes("FROM interaction WHERE user_id"))).toHaveLength(1);
      delete uncached.sqlQueries.statements;

      // A person with taste and a trained model, every page ranked afresh: first 10 is the prefix
      // of first 20 and of first 50, and `after` the 10th continues the list exactly.
      const titles = (await uncached.services.prisma.mediaCache.findMany({ where: { mediaType: "MOVIE" }, orderBy: { popularity: "desc" }, take: 40 })).map(
        (row) => row.tmdbId,
      );
      const add = (person: typeof user, ids: number[]) =>
        Promise.all(
          ids.map((id) =>
            uncached.graphql(`mutation($id: Int!) { addFavourite(media: { type: MOVIE, tmdbId: $id }) { id } }`, { id }, { token: person.token }),
          ),
        );
      for (let fan = 0; fan < 8; fan++)
        await add(
          await uncached.createUser(),
          titles.filter((_, index) => index % 8 === fan || index % 5 === fan % 5),
        );
      await trainModel(uncached.services, { model: DEFAULT_ITEM_MODEL_CONFIG });
      await add(user, titles.slice(0, 1)); // one seed: the per-seed cap of the diversity re-rank binds
      const page = async (first: number, after?: string) => {
        const result = await uncached.graphql(
          `query($first: Int, $after: String) { recommendations(first: $first, after: $after) { edges { cursor node { media { id } } } } }`,
          { first, after },
          { token: user.token },
        );
        expect(result.errors).toBeUndefined();
        return result.data!.recommendations.edges as Array<{ cursor: string; node: { media: { id: string } } }>;
      };
      const ids = (edges: Array<{ node: { media: { id: string } } }>) => edges.map((edge) => edge.node.media.id);
      const [ten, twenty, fifty] = [await page(10), await page(20), await page(50)];
      expect(fifty.length).toBe(50);
      expect(ids(twenty).slice(0, 10)).toEqual(ids(ten));
      expect(ids(fifty).slice(0, 20)).toEqual(ids(twenty));
      expect(ids(await page(10, ten[9]!.cursor))).toEqual(ids(twenty).slice(10, 20));
      expect(ids(await page(30, twenty[19]!.cursor))).toEqual(ids(fifty).slice(20, 50));
    } finally {
      await uncached.close();
    }
  });
});
