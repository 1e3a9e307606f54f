// The one path from TMDB into MediaCache (tmdb-into-cache.ts), against the offline catalogue over
// real HTTP and a real Postgres: details freshness and "TMDB no longer has it", the fallbacks'
// outage rule, and which items of a mixed page are cached.
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../../test-support/api-harness.ts";
import { type MixedListItem, type MovieListItem, TmdbError, type TvListItem } from "../../tmdb/index.ts";
import { FIRST_READ_WAIT_MS, fallbackImageBaseUrl, ImageConfigService } from "./image-config.service.ts";
import { ASK_AGAIN_AFTER_FAILURE_SECONDS } from "./tmdb-fallbacks.ts";
import { detailsIntoCache, discoverIntoCache, mixedListItems, searchIntoCache } from "./tmdb-into-cache.ts";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ catalogueSize: 500 });
  await api.seedMediaCache(3);
});
afterAll(() => api?.close());
beforeEach(() => {
  api.catalogue.clearFaults();
  api.catalogue.resetCounts();
});

const deps = () => api.services;
/** The most popular listed invented film without details yet (a real film's details have no cast, maybe no runtime). */
const listedMovie = async () => {
  const rows = await api.services.prisma.mediaCache.findMany({ where: { mediaType: "MOVIE", detailsFetchedAt: null }, orderBy: { popularity: "desc" } });
  const invented = rows.find((row) => {
    const movie = api.catalogue.catalogue.movie(row.tmdbId);
    return movie?.real === false && movie.runtime > 0 && movie.castIds.length > 2;
  });
  if (!invented) throw new Error("no listed invented film without details");
  return invented;
};

describe("detailsIntoCache", () => {
  it("fetches a listed title's details once, then serves them from the cache until they are older than maxAgeMs", async () => {
    const movie = await listedMovie();
    const first = await detailsIntoCache(deps(), { kind: "movie", tmdbId: movie.tmdbId }, Number.POSITIVE_INFINITY);
    expect(first.outcome).toBe("fetched");
    expect(first.row?.detailsFetchedAt).not.toBeNull();
    expect(first.row?.runtime).not.toBeNull();
    expect(api.catalogue.totalRequests()).toBe(1);

    const again = await detailsIntoCache(deps(), { kind: "movie", tmdbId: movie.tmdbId }, Number.POSITIVE_INFINITY);
    expect(again).toMatchObject({ outcome: "fresh", row: { tmdbId: movie.tmdbId } });
    expect(api.catalogue.totalRequests()).toBe(1);

    const stale = await detailsIntoCache(deps(), { kind: "movie", tmdbId: movie.tmdbId }, 0);
    expect(stale.outcome).toBe("fetched");
    expect(api.catalogue.totalRequests()).toBe(2);
  });

  it("writes a title's people only where TMDB's answer differs from their row", async () => {
    const movie = await listedMovie();
    const first = await detailsIntoCache(deps(), { kind: "movie", tmdbId: movie.tmdbId }, Number.POSITIVE_INFINITY);
    const ids = [...first.row!.castIds, ...first.row!.directorIds];
    expect(ids.length).toBeGreaterThan(2);
    // xmin names the transaction that wrote a row's current version: it moves only when the row is rewritten.
    const versions = async () =>
      new Map(
        (
          await api.services.prisma.$queryRaw<Array<{ id: number; xmin: string; name: string }>>`SELECT id, xmin::text, name FROM person WHERE id = ANY(${ids})`
        ).map((row) => [row.id, row]),
      );
    const before = await versions();
    const [renamed] = ids;
    await api.services.prisma.person.update({ where: { id: renamed! }, data: { name: "Someone Else" } });
    await detailsIntoCache(deps(), { kind: "movie", tmdbId: movie.tmdbId }, 0);
    const after = await versions();
    expect(after.get(renamed!)!.name).toBe(before.get(renamed!)!.name); // TMDB's name is back
    for (const id of ids.slice(1)) expect(after.get(id)!.xmin, `person ${id} was rewritten unchanged`).toBe(before.get(id)!.xmin);
  });

  it("writes a title's details while another transaction holds the providers and people it shares, unchanged", async () => {
    const movie = await listedMovie();
    const first = await detailsIntoCache(deps(), { kind: "movie", tmdbId: movie.tmdbId }, Number.POSITIVE_INFINITY);
    const people = [...first.row!.castIds, ...first.row!.directorIds];
    const providers = (await api.services.prisma.watchProvider.findMany({ select: { id: true } })).map((row) => row.id);
    expect(providers.length, "the catalogue's titles name watch providers").toBeGreaterThan(0);
    // Another writer (the worker's details job for a title sharing them) holds their rows.
    const holder = new pg.Client({ connectionString: api.config.DATABASE_URL });
    await holder.connect();
    try {
      await holder.query("BEGIN");
      await holder.query("SELECT id FROM watch_provider WHERE id = ANY($1) FOR UPDATE", [providers]);
      await holder.query("SELECT id FROM person WHERE id = ANY($1) FOR UPDATE", [people]);
      const written = detailsIntoCache(deps(), { kind: "movie", tmdbId: movie.tmdbId }, 0).then(() => "written");
      const waited = new Promise((resolve) => setTimeout(resolve, 5_000, "waited for the other transaction"));
      expect(await Promise.race([written, waited])).toBe("written");
    } finally {
      await holder.query("ROLLBACK");
      await holder.end();
    }
  });

  it("marks a title TMDB no longer has as asked, so no path asks for it again", async () => {
    const gone = { mediaType: "MOVIE" as const, tmdbId: 987_654_321, title: "Withdrawn", originalTitle: "Withdrawn", originalLanguage: "en" };
    await api.services.prisma.mediaCache.create({ data: gone });
    const result = await detailsIntoCache(deps(), { kind: "movie", tmdbId: gone.tmdbId }, Number.POSITIVE_INFINITY);
    expect(result).toMatchObject({ outcome: "gone", row: { tmdbId: gone.tmdbId } });
    const row = await api.services.prisma.mediaCache.findUniqueOrThrow({ where: { mediaType_tmdbId: { mediaType: "MOVIE", tmdbId: gone.tmdbId } } });
    expect(row.detailsFetchedAt).not.toBeNull();
    expect(row.runtime).toBeNull();
    expect(api.catalogue.totalRequests()).toBe(1);

    expect((await detailsIntoCache(deps(), { kind: "movie", tmdbId: gone.tmdbId }, 60_000)).outcome).toBe("fresh");
    expect(api.catalogue.totalRequests()).toBe(1);
  });

  it("throws TmdbError when TMDB cannot answer, and writes nothing", async () => {
    const movie = await listedMovie();
    api.catalogue.setFaults({ serverError: { count: 10, status: 503 } });
    await expect(detailsIntoCache(deps(), { kind: "movie", tmdbId: movie.tmdbId }, Number.POSITIVE_INFINITY)).rejects.toBeInstanceOf(TmdbError);
    const row = await api.services.prisma.mediaCache.findUniqueOrThrow({ where: { mediaType_tmdbId: { mediaType: "MOVIE", tmdbId: movie.tmdbId } } });
    expect(row.detailsFetchedAt).toBeNull();
  });
});

describe("the fallbacks", () => {
  it("discover writes its page under discover/<kind>", async () => {
    const written = await discoverIntoCache(deps(), { kind: "tv", query: { sort_by: "vote_count.desc" }, purpose: "test" });
    expect(written).toBeGreaterThan(0);
    expect(await api.services.prisma.mediaCache.count({ where: { sourceLists: { has: "discover/tv" }, mediaType: "TV" } })).toBe(written);
  });

  it("write nothing and serve on when TMDB is down", async () => {
    api.catalogue.setFaults({ serverError: { count: 100, status: 503 } });
    expect(await discoverIntoCache(deps(), { kind: "movie", query: { sort_by: "popularity.desc" }, purpose: "test" })).toBeNull();
    const found = await searchIntoCache(deps(), "the");
    expect(found.keys).toEqual([]);
    expect(found.answered).toBe(false);
    expect(await found.written).toBe(0);
    expect(api.catalogue.totalRequests()).toBeGreaterThan(0);
  });

  it("a search TMDB could not answer is asked again a minute later, not an hour later, and not by every search meanwhile", async () => {
    const cached = new Set(
      (await api.services.prisma.mediaCache.findMany({ select: { tmdbId: true, mediaType: true } })).map((row) => `${row.mediaType}:${row.tmdbId}`),
    );
    const target = api.catalogue.catalogue.movies.find((movie) => !cached.has(`MOVIE:${movie.id}`) && movie.title.length > 8)!;
    const search = async () =>
      (
        await api.graphql(`query($q: String!) { searchMedia(query: $q, type: MOVIE) { edges { node { id } } } }`, { q: target.title })
      ).data?.searchMedia.edges.map((edge: { node: { id: string } }) => edge.node.id);
    const mark = `${api.config.REDIS_KEY_PREFIX}tmdb-fallback:search:${target.title.toLowerCase()}`;
    api.catalogue.setFaults({ wrongShape: { count: 100 }, pathPrefix: "/3/search/" });
    expect(await search()).not.toContain(`movie:${target.id}`);
    api.catalogue.clearFaults();
    const ttl = await api.services.redis!.ttl(mark);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(ASK_AGAIN_AFTER_FAILURE_SECONDS);
    expect(await search()).not.toContain(`movie:${target.id}`);
    expect(api.catalogue.requestCounts()["/3/search/multi"]).toBe(1);
    // A minute later (the mark gone), the next search asks TMDB and finds it.
    await api.services.redis!.del(mark);
    expect(await search()).toContain(`movie:${target.id}`);
    expect(api.catalogue.requestCounts()["/3/search/multi"]).toBe(2);
  });

  it("cache films and series from a mixed page, never people or collections", async () => {
    const movie = (await api.services.tmdb.list({ mediaType: "movie", list: "popular", page: 1 })).results[0]!;
    const tv = (await api.services.tmdb.list({ mediaType: "tv", list: "popular", page: 1 })).results[0]!;
    const mixed: MixedListItem[] = [
      { ...(movie as MovieListItem), media_type: "movie" },
      { media_type: "person", id: 31, name: "Tom Hanks", profile_path: null, popularity: 50 },
      { ...(tv as TvListItem), media_type: "tv" },
      { media_type: "collection", id: 10 },
    ];
    expect(mixedListItems(mixed).map((item) => `${item.kind}:${item.id}`)).toEqual([`movie:${movie.id}`, `tv:${tv.id}`]);
  });
});

describe("image URLs", () => {
  it("points offline image URLs at the catalogue's image route even while TMDB's configuration cannot be read", async () => {
    const row = await api.services.prisma.mediaCache.findFirstOrThrow({ where: { mediaType: "MOVIE", posterPath: { not: null } } });
    // A process that has not read the configuration yet, with the catalogue failing to give it.
    const images = new ImageConfigService({ tmdb: api.services.tmdb, logger: api.services.logger, fallbackBaseUrl: fallbackImageBaseUrl(api.config) });
    api.catalogue.setFaults({ wrongShape: { count: 10 }, pathPrefix: "/3/configuration" });
    try {
      const url = await images.url(row.posterPath, "w185");
      expect(api.catalogue.requestCounts()["/3/configuration"]).toBeGreaterThan(0);
      expect(url).toBe(`${api.catalogue.origin}/t/p/w185${row.posterPath}`);
      expect((await fetch(url!)).headers.get("content-type")).toMatch(/^image\//);
    } finally {
      api.catalogue.clearFaults();
    }
    expect(fallbackImageBaseUrl({ tmdbMode: "online", TMDB_API_BASE_URL: "https://api.themoviedb.org/3" })).toBe("https://image.tmdb.org/t/p/");
  });

  it("never waits on TMDB for an image URL: a stale configuration is used while read again, a failed read is not tried again for minutes", async () => {
    const configurationReads = () => api.catalogue.requestCounts()["/3/configuration"] ?? 0;
    const fallbackBaseUrl = "https://fallback.invalid/t/p/";
    // Within this long, or not before TMDB gave up (TMDB_TIMEOUT_MS is 3 s here).
    const answeredWithin = <T>(ms: number, url: Promise<T>) => Promise.race([url, new Promise((resolve) => setTimeout(resolve, ms, "waited for TMDB"))]);
    // Every read due at once (refreshMs 0): the one read before is used while TMDB hangs.
    const stale = new ImageConfigService({ tmdb: api.services.tmdb, logger: api.services.logger, fallbackBaseUrl, refreshMs: 0 });
    const base = await stale.baseUrl();
    expect(base).toBe(`${api.catalogue.origin}/t/p/`);
    api.catalogue.setFaults({ hang: { count: 1_000 }, pathPrefix: "/3/configuration" });
    expect(await answeredWithin(500, stale.baseUrl())).toBe(base);
    // A process that has read nothing waits for its first read only so long, then uses the fallback.
    const fresh = new ImageConfigService({ tmdb: api.services.tmdb, logger: api.services.logger, fallbackBaseUrl });
    expect(await answeredWithin(FIRST_READ_WAIT_MS + 1_500, fresh.baseUrl())).toBe(fallbackBaseUrl);
    // A read that failed is not tried again by the next requests.
    api.catalogue.setFaults({ wrongShape: { count: 1_000 }, pathPrefix: "/3/configuration" });
    const failing = new ImageConfigService({ tmdb: api.services.tmdb, logger: api.services.logger, fallbackBaseUrl });
    expect(await failing.baseUrl()).toBe(fallbackBaseUrl);
    const reads = configurationReads();
    for (let request = 0; request < 3; request++) expect(await failing.url("/p.jpg", "w185")).toBe(`${fallbackBaseUrl}w185/p.jpg`);
    expect(configurationReads()).toBe(reads);
  });
});

describe("a title's trailer", () => {
  const TRAILER = `query($id: Int!) { media(type: MOVIE, tmdbId: $id) { trailer { name site key url } } }`;

  it("comes with the details: TMDB's trailer when it lists one, null when it lists none", async () => {
    const [withVideos, without] = (await api.services.prisma.mediaCache.findMany({ where: { mediaType: "MOVIE", detailsFetchedAt: null }, take: 2 })).map(
      (row) => row.tmdbId,
    );
    api.catalogue.catalogue.setVideos("movie", withVideos!, [
      { ...video, key: "teaserKey01", name: "Teaser", type: "Teaser" },
      { ...video, key: "trailerKey1", name: "Official Trailer", type: "Trailer" },
    ]);
    try {
      const answered = await api.graphql(TRAILER, { id: withVideos });
      expect(answered.data!.media.trailer).toEqual({
        name: "Official Trailer",
        site: "YouTube",
        key: "trailerKey1",
        url: "https://www.youtube.com/watch?v=trailerKey1",
      });
      expect((await api.graphql(TRAILER, { id: without })).data!.media.trailer).toBeNull();
      const stored = await api.services.prisma.mediaCache.findMany({
        where: { mediaType: "MOVIE", tmdbId: { in: [withVideos!, without!] } },
        orderBy: { tmdbId: "asc" },
      });
      expect(Object.fromEntries(stored.map((row) => [row.tmdbId, row.trailer]))).toEqual({
        [withVideos!]: { site: "YouTube", key: "trailerKey1", name: "Official Trailer" },
        [without!]: {},
      });
    } finally {
      api.catalogue.catalogue.clearVideos();
    }
  });
});

const video = { iso_639_1: "en", iso_3166_1: "US", site: "YouTube", size: 1080, official: true, published_at: "2024-01-01T00:00:00.000Z", id: "0".repeat(24) };
