// Media over HTTP against real Postgres, Redis and the offline catalogue: reads, search, browse,
// enrichment (TMDB calls counted at the catalogue server) and SQL queries per page.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../../test-support/api-harness.ts";
import { upsertListItems } from "./media-cache.writer.ts";
import { listItemsOf } from "./tmdb-into-cache.ts";

let api: TestApi;

/** Cached invented films whose list item lacks a poster or votes (real films have only what their source says, so not those). */
const inventedLackingFields = async () =>
  (
    await api.services.prisma.mediaCache.findMany({
      where: { mediaType: "MOVIE", detailsFetchedAt: null, OR: [{ posterPath: null }, { voteAverage: null }] },
      orderBy: { tmdbId: "asc" },
    })
  ).filter((row) => {
    const movie = api.catalogue.catalogue.movie(row.tmdbId);
    return movie?.real === false && movie.status === "Released" && movie.voteCount > 0 && movie.runtime > 0;
  });

beforeAll(async () => {
  api = await startTestApi({ env: { TMDB_TIMEOUT_MS: "10000" } }); // room for a deliberately slow TMDB below
  await api.seedMediaCache(3);
  // The first pages of the popular list are mostly real films: page on until the enrichment tests have ten invented ones.
  for (let page = 4; page <= 70 && (await inventedLackingFields()).length < 10; page++) {
    const result = await api.services.tmdb.list({ mediaType: "movie", list: "popular", page });
    await upsertListItems(api.services.prisma, listItemsOf("movie", result.results), "movie/popular");
  }
});
afterAll(() => api?.close());
beforeEach(() => api.catalogue.resetCounts());

const detailsRequests = () => Object.entries(api.catalogue.requestCounts()).filter(([path]) => /^\/3\/(movie|tv)\/\d+$/.test(path));

describe("media(type, tmdbId)", () => {
  it("reads a cached title with genre names and image URLs from TMDB's configuration", async () => {
    const row = await api.services.prisma.mediaCache.findFirstOrThrow({
      where: { mediaType: "MOVIE", posterPath: { not: null } },
      orderBy: { popularity: "desc" },
    });
    const result = await api.graphql(
      `query($id: Int!) { media(type: MOVIE, tmdbId: $id) { id type tmdbId title year genres { id tmdbId name } posterUrl(size: W185) } }`,
      { id: row.tmdbId },
    );
    expect(result.errors).toBeUndefined();
    const media = result.data!.media;
    expect(media).toMatchObject({ id: `movie:${row.tmdbId}`, type: "MOVIE", tmdbId: row.tmdbId, title: row.title });
    expect(media.genres.map((genre: { tmdbId: number }) => genre.tmdbId)).toEqual(row.genreIds);
    expect(media.genres.map((genre: { id: string }) => genre.id)).toEqual(row.genreIds.map((id) => `genre:${id}`));
    expect(media.genres.every((genre: { name: string }) => !genre.name.startsWith("Genre "))).toBe(true);
    expect(media.posterUrl).toBe(`${api.catalogue.origin}/t/p/w185${row.posterPath}`);
    // The poster really is served by the offline catalogue.
    expect((await fetch(media.posterUrl)).headers.get("content-type")).toMatch(/^image\//);
  });

  it("fetches a title the cache lacks from TMDB once, then serves it from the cache", async () => {
    const cachedIds = new Set(
      (await api.services.prisma.mediaCache.findMany({ where: { mediaType: "MOVIE" }, select: { tmdbId: true } })).map((row) => row.tmdbId),
    );
    // (an invented film: a real one has only what its source says, maybe no runtime)
    const uncached = api.catalogue.catalogue.movies.find((movie) => !cachedIds.has(movie.id) && !movie.real)!;
    const query = `query($id: Int!) { media(type: MOVIE, tmdbId: $id) { title runtime } }`;
    const first = await api.graphql(query, { id: uncached.id });
    expect(first.data?.media.title).toBe(uncached.title);
    expect(first.data?.media.runtime).toBeGreaterThan(0);
    expect(api.catalogue.requestCounts()[`/3/movie/${uncached.id}`]).toBe(1);
    await api.graphql(query, { id: uncached.id });
    expect(api.catalogue.requestCounts()[`/3/movie/${uncached.id}`]).toBe(1);
  });

  it("answers NOT_FOUND for an id TMDB does not know, and BAD_USER_INPUT for an impossible one", async () => {
    const missing = await api.graphql(`{ media(type: TV, tmdbId: 987654321) { id } }`);
    expect(missing.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect(missing.errors?.[0]?.message).toContain("No TV series with TMDB id 987654321");
    const impossible = await api.graphql(`{ media(type: MOVIE, tmdbId: -4) { id } }`);
    expect(impossible.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const wrongType = await api.graphql(`{ media(type: FILM, tmdbId: 4) { id } }`);
    expect(wrongType.status).toBe(400);
    expect(wrongType.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });
});

describe("enrichment", () => {
  // List items that lack a poster or votes in TMDB's lists, as the catalogue marks them; invented
  // films, whose details always have a runtime, cast and director (a real film has only what its
  // source says).
  async function itemsLackingFields(count: number) {
    const rows = (await inventedLackingFields()).slice(0, count);
    expect(rows.length).toBe(count);
    return rows;
  }

  it("fills missing fields from details, each title fetched once, and none on a repeat request", async () => {
    const rows = await itemsLackingFields(5);
    const query = `{ ${rows.map((row, index) => `m${index}: media(type: MOVIE, tmdbId: ${row.tmdbId}) { posterUrl voteAverage runtime cast(first: 2) { name } directors { name } }`).join(" ")} }`;
    const first = await api.graphql(query);
    expect(first.errors).toBeUndefined();
    for (const media of Object.values(first.data!)) {
      expect(media.posterUrl).toMatch(/\/t\/p\/w342\//);
      expect(media.voteAverage).toBeGreaterThan(0);
      expect(media.directors.length).toBeGreaterThan(0);
    }
    expect(detailsRequests()).toHaveLength(5);
    expect(detailsRequests().every(([, count]) => count === 1)).toBe(true);
    // Written back: the rows now have details, and asking again costs TMDB nothing.
    const stored = await api.services.prisma.mediaCache.findMany({ where: { mediaType: "MOVIE", tmdbId: { in: rows.map((row) => row.tmdbId) } } });
    expect(stored.every((row) => row.detailsFetchedAt && row.posterPath && row.castIds.length)).toBe(true);
    api.catalogue.resetCounts();
    await api.graphql(query);
    expect(api.catalogue.totalRequests()).toBe(0);
  });

  it("shares one TMDB call per title among 20 concurrent identical requests", async () => {
    const rows = await itemsLackingFields(4);
    const query = `{ ${rows.map((row, index) => `m${index}: media(type: MOVIE, tmdbId: ${row.tmdbId}) { runtime posterUrl }`).join(" ")} }`;
    api.catalogue.setFaults({ latencyMs: 150, pathPrefix: "/3/movie/" });
    const results = await Promise.all(Array.from({ length: 20 }, () => api.graphql(query)));
    api.catalogue.clearFaults();
    expect(results.every((result) => !result.errors && Object.values(result.data!).every((media) => media.runtime > 0))).toBe(true);
    const counts = api.catalogue.requestCounts();
    for (const row of rows) expect(counts[`/3/movie/${row.tmdbId}`]).toBe(1);
  });

  it("serves what the cache has when TMDB is down, and fills it later", async () => {
    const [row] = await itemsLackingFields(1);
    api.catalogue.setFaults({ serverError: { count: 100, status: 503 } });
    const query = `{ media(type: MOVIE, tmdbId: ${row!.tmdbId}) { title runtime } }`;
    const during = await api.graphql(query);
    expect(during.errors).toBeUndefined();
    expect(during.data?.media).toEqual({ title: row!.title, runtime: null });
    api.catalogue.clearFaults();
    const after = await api.graphql(query);
    expect(after.data?.media.runtime).toBeGreaterThan(0);
  });
});

describe("searchMedia", () => {
  it("finds cached titles by words of the title, best match first", async () => {
    const row = await api.services.prisma.mediaCache.findFirstOrThrow({ where: { mediaType: "MOVIE" }, orderBy: { popularity: "desc" } });
    const result = await api.graphql(`query($q: String!) { searchMedia(query: $q, first: 5) { edges { node { id title } } pageInfo { hasNextPage } } }`, {
      q: row.title,
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.searchMedia.edges[0].node.id).toBe(`movie:${row.tmdbId}`);
  });

  it("answers as ILIKE and pg_trgm's similarity did in SQL, for whole titles, single words and misspellings", async () => {
    // Search was one SQL statement over media_cache before it moved into the API's memory
    // (media/title-search.ts); that statement is the reference here.
    const bySql = async (q: string, type: "movie" | "tv" | null) => {
      const pattern = `%${q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
      const rows = await api.services.prisma.$queryRaw<Array<{ key: string }>>`
        SELECT media_type::text || ':' || tmdb_id AS key FROM media_cache
         WHERE (title ILIKE ${pattern} OR original_title ILIKE ${pattern} OR title % ${q}) AND NOT adult
           AND (${type}::text IS NULL OR media_type::text = ${type})
         ORDER BY lower(title) = lower(${q}) DESC, similarity(title, ${q}) DESC, popularity DESC, tmdb_id
         LIMIT 20`;
      return rows.map((row) => row.key);
    };
    const titles = await api.services.prisma.mediaCache.findMany({ orderBy: { popularity: "desc" }, take: 60, select: { title: true } });
    const ascii = titles.map((row) => row.title).filter((title) => /^[\x20-\x7e]+$/.test(title));
    const terms = [
      ...ascii.slice(0, 8),
      ...ascii.slice(8, 20).flatMap((title) =>
        title
          .split(/\s+/)
          .filter((word) => word.length >= 4)
          .slice(0, 1),
      ),
      ...ascii.slice(20, 26).map((title) => title.slice(0, 2) + title.slice(3, 4) + title.slice(2, 3) + title.slice(4)), // two letters swapped
      "the",
      "a",
    ];
    for (const [index, q] of terms.entries()) {
      const type = index % 3 === 0 ? "MOVIE" : index % 3 === 1 ? null : "TV";
      const result = await api.graphql(`query($q: String!, $type: MediaType) { searchMedia(query: $q, type: $type, first: 20) { edges { node { id } } } }`, {
        q,
        type,
      });
      expect(result.errors).toBeUndefined();
      const listed = result.data!.searchMedia.edges.map((edge: { node: { id: string } }) => edge.node.id);
      expect({ q, type, listed }).toEqual({ q, type, listed: await bySql(q, type === null ? null : type === "MOVIE" ? "movie" : "tv") });
    }
  });

  it("matches a misspelt title, an original title, and neither an adult title nor one of the other type", async () => {
    const search = async (q: string, type?: "MOVIE" | "TV") =>
      (
        await api.graphql(`query($q: String!, $type: MediaType) { searchMedia(query: $q, type: $type, first: 20) { edges { node { id } } } }`, { q, type })
      ).data!.searchMedia.edges.map((edge: { node: { id: string } }) => edge.node.id);
    const [film, other] = await api.services.prisma.mediaCache.findMany({
      where: { mediaType: "MOVIE", adult: false },
      orderBy: { popularity: "desc" },
      skip: 3,
      take: 2,
    });
    const id = `movie:${film!.tmdbId}`;
    await api.services.prisma.mediaCache.update({
      where: { mediaType_tmdbId: { mediaType: "MOVIE", tmdbId: film!.tmdbId } },
      data: { title: "Quixotic Lighthouse Keepers", originalTitle: "Les Gardiens Zqorphelins" },
    });
    await api.services.prisma.mediaCache.update({
      where: { mediaType_tmdbId: { mediaType: "MOVIE", tmdbId: other!.tmdbId } },
      data: { title: "Quixotic Lighthouse Keepers II", adult: true },
    });
    try {
      expect(await search("Quixotic Lighthuose Keepers")).toContain(id); // two letters swapped: trigram similarity
      expect(await search("zqorphelins")).toEqual([id]); // the original title, any case
      expect(await search("Quixotic Lighthouse", "MOVIE")).toEqual([id]); // the adult sequel is never shown
      expect(await search("Quixotic Lighthouse", "TV")).toEqual([]);
    } finally {
      await api.services.prisma.mediaCache.update({
        where: { mediaType_tmdbId: { mediaType: "MOVIE", tmdbId: film!.tmdbId } },
        data: { title: film!.title, originalTitle: film!.originalTitle },
      });
      await api.services.prisma.mediaCache.update({
        where: { mediaType_tmdbId: { mediaType: "MOVIE", tmdbId: other!.tmdbId } },
        data: { title: other!.title, adult: false },
      });
    }
  });

  it("asks TMDB when the cache has too few matches, keeps what it finds, and asks only once", async () => {
    const cached = new Set(
      (await api.services.prisma.mediaCache.findMany({ select: { tmdbId: true, mediaType: true } })).map((row) => `${row.mediaType}:${row.tmdbId}`),
    );
    const target = api.catalogue.catalogue.movies.find((movie) => !cached.has(`MOVIE:${movie.id}`) && movie.title.length > 8)!;
    const query = `query($q: String!) { searchMedia(query: $q, type: MOVIE) { edges { node { id title } } } }`;
    const result = await api.graphql(query, { q: target.title });
    expect(result.data!.searchMedia.edges.map((edge: { node: { id: string } }) => edge.node.id)).toContain(`movie:${target.id}`);
    expect(api.catalogue.requestCounts()["/3/search/multi"]).toBe(1);
    await api.graphql(query, { q: target.title });
    expect(api.catalogue.requestCounts()["/3/search/multi"]).toBe(1);
  });

  it("shows the cached matches after a short wait when TMDB is slow, and keeps TMDB's late answer for the next search", async () => {
    // One word of a cached title: some matches in the cache, fewer than a page, so TMDB is asked.
    const rows = await api.services.prisma.mediaCache.findMany({ where: { mediaType: "MOVIE" }, select: { title: true } });
    const counts = new Map<string, number>();
    for (const row of rows)
      for (const word of row.title
        .toLowerCase()
        .split(/\W+/)
        .filter((w) => w.length >= 6))
        counts.set(word, (counts.get(word) ?? 0) + 1);
    const word = [...counts].find(([, count]) => count >= 1 && count <= 3)![0];
    const query = `query($q: String!) { searchMedia(query: $q, first: 20) { edges { node { id } } } }`;
    const searchesBefore = api.catalogue.requestCounts()["/3/search/multi"] ?? 0;
    const fromSearch = () => api.services.prisma.mediaCache.count({ where: { sourceLists: { has: "search" } } });
    const keptBefore = await fromSearch();
    api.catalogue.setFaults({ latencyMs: 5_000, pathPrefix: "/3/search/" });

    try {
      const started = Date.now();
      const result = await api.graphql(query, { q: word });
      const tookMs = Date.now() - started;
      expect(result.errors).toBeUndefined();
      expect(result.data!.searchMedia.edges.length).toBeGreaterThan(0);
      expect(tookMs).toBeLessThan(4_000); // waited ~1.5 s for TMDB, not its 5 s
      expect(api.catalogue.requestCounts()["/3/search/multi"]).toBe(searchesBefore + 1);
      // TMDB's answer arrives after the response and is still written for next time.
      const deadline = Date.now() + 10_000;
      while ((await fromSearch()) === keptBefore && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await fromSearch()).toBeGreaterThan(keptBefore);
    } finally {
      api.catalogue.clearFaults();
    }
  });

  it('finds Léon by "léon", spelled as the offline catalogue now spells it (its source\'s mojibake repaired)', async () => {
    const leon = api.catalogue.catalogue.movies.find((movie) => movie.title === "Léon");
    expect(leon, "the offline catalogue has Léon (a real film)").toBeDefined();
    for (const q of ["léon", "Léon"]) {
      const result = await api.graphql(`query($q: String!) { searchMedia(query: $q, type: MOVIE, first: 10) { edges { node { id title } } } }`, { q });
      expect(result.errors, q).toBeUndefined();
      expect(
        result.data!.searchMedia.edges.map((edge: { node: { title: string } }) => edge.node.title),
        q,
      ).toContain("Léon");
    }
  });

  it("refuses an empty or overlong query", async () => {
    for (const q of ["   ", "x".repeat(101)]) {
      const result = await api.graphql(`query($q: String!) { searchMedia(query: $q) { edges { cursor } } }`, { q });
      expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(result.errors?.[0]?.message).toContain("1 to 100 characters");
    }
  });

  it("treats SQL and pattern characters as text", async () => {
    const result = await api.graphql(`query($q: String!) { searchMedia(query: $q) { edges { node { id } } } }`, { q: "%' OR 1=1; --" });
    expect(result.errors).toBeUndefined();
    expect(result.data!.searchMedia.edges).toEqual([]);
  });
});

describe("browse", () => {
  const browse = `query($filter: BrowseFilter!, $sort: BrowseSort, $first: Int, $after: String) {
    browse(filter: $filter, sort: $sort, first: $first, after: $after) {
      edges { cursor node { id year originalLanguage voteAverage genres { tmdbId } } }
      pageInfo { hasNextPage endCursor }
    } }`;

  it("honours genre, year, language and rating filters, and pages without repeats", async () => {
    const filter = { type: "MOVIE", genreIds: [18], yearFrom: 1990, minRating: 5 };
    const first = await api.graphql(browse, { filter, first: 10 });
    expect(first.errors).toBeUndefined();
    const second = await api.graphql(browse, { filter, first: 10, after: first.data!.browse.pageInfo.endCursor });
    const nodes = [...first.data!.browse.edges, ...second.data!.browse.edges].map((edge: { node: any }) => edge.node);
    expect(nodes.length).toBeGreaterThan(10);
    expect(new Set(nodes.map((node) => node.id)).size).toBe(nodes.length);
    for (const node of nodes) {
      expect(node.genres.map((genre: { tmdbId: number }) => genre.tmdbId)).toContain(18);
      expect(node.year).toBeGreaterThanOrEqual(1990);
      expect(node.voteAverage).toBeGreaterThanOrEqual(5);
    }
  });

  it("sorts by rating", async () => {
    const result = await api.graphql(browse, { filter: { type: "TV" }, sort: "RATING", first: 15 });
    const ratings = result.data!.browse.edges.map((edge: { node: { voteAverage: number } }) => edge.node.voteAverage);
    expect(ratings.length).toBe(15);
    expect([...ratings].sort((a, b) => b - a)).toEqual(ratings);
  });

  it("orders and pages in Postgres but reads the page's rows from the API's memory once held, and sees a changed row", async () => {
    const query = `{ browse(filter: { type: MOVIE, genreIds: [35] }, first: 12) { edges { node { id title } } } }`;
    const first = await api.graphql(query);
    expect(first.errors).toBeUndefined();
    api.sqlQueries.statements = [];
    const again = await api.graphql(query);
    const wholeRowReads = api.sqlQueries.statements.filter((sql) => sql.includes('"media_cache"."overview"'));
    delete api.sqlQueries.statements;
    expect(again.data).toEqual(first.data);
    expect(wholeRowReads).toEqual([]);
    const [top] = first.data!.browse.edges;
    const tmdbId = Number(top.node.id.split(":")[1]);
    const where = { mediaType_tmdbId: { mediaType: "MOVIE" as const, tmdbId } };
    await api.services.prisma.mediaCache.update({ where, data: { title: `${top.node.title} (retitled)` } });
    try {
      const changed = await api.graphql(query);
      expect(changed.data!.browse.edges[0].node).toEqual({ id: top.node.id, title: `${top.node.title} (retitled)` });
    } finally {
      await api.services.prisma.mediaCache.update({ where, data: { title: top.node.title } });
    }
  });

  it("refuses impossible filters with a message naming the argument", async () => {
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ type: "MOVIE", yearFrom: 2020, yearTo: 2000 }, /yearFrom must not be after yearTo/],
      [{ type: "MOVIE", minRating: 12 }, /minRating must be between 0 and 10/],
      [{ type: "MOVIE", language: "english" }, /ISO 639-1/],
    ];
    for (const [filter, message] of cases) {
      const result = await api.graphql(browse, { filter });
      expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(result.errors?.[0]?.message).toMatch(message);
    }
  });

  it("costs a constant number of SQL queries for a page of 50 titles with per-user fields", async () => {
    const user = await api.createUser();
    const rows = await api.services.prisma.mediaCache.findMany({ where: { mediaType: "MOVIE" }, orderBy: { popularity: "desc" }, take: 3 });
    for (const row of rows)
      await api.graphql(`mutation($id: Int!) { addFavourite(media: { type: MOVIE, tmdbId: $id }) { id } }`, { id: row.tmdbId }, { token: user.token });
    const page = (first: number) =>
      `{ browse(filter: { type: MOVIE }, first: ${first}) { edges { node { id title genres { name } isFavourite inWatchlist isDismissed watchedAt } } } }`;
    const count = async (first: number) => {
      await api.graphql(page(first), {}, { token: user.token }); // warm caches (genres, configuration)
      api.sqlQueries.count = 0;
      const result = await api.graphql(page(first), {}, { token: user.token });
      expect(result.errors).toBeUndefined();
      expect(result.data!.browse.edges).toHaveLength(first);
      return api.sqlQueries.count;
    };
    const forTen = await count(10);
    const forFifty = await count(50);
    console.info(`SQL queries for a page of 50 titles with per-user fields: ${forFifty}`);
    expect(forFifty).toBe(forTen);
    expect(forFifty).toBeLessThanOrEqual(4);
  });
});

describe("genres", () => {
  it("lists TMDB's genres per media type", async () => {
    const movie = await api.graphql(`{ genres(type: MOVIE) { id tmdbId name } }`);
    const tv = await api.graphql(`{ genres(type: TV) { id tmdbId name } }`);
    expect(movie.data!.genres).toHaveLength(19);
    expect(tv.data!.genres).toHaveLength(16);
    expect(movie.data!.genres).toContainEqual({ id: "genre:80", tmdbId: 80, name: "Crime" });
  });
});
