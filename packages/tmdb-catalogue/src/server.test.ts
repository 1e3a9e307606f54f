import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCatalogue } from "./catalogue.ts";
import type { CatalogueMovie, CatalogueTv } from "./model.ts";
import { startCatalogueServer } from "./server.ts";
import type { CatalogueServer } from "./server.ts";

// biome-ignore lint/suspicious/noExplicitAny: JSON bodies of many shapes, read field by field in the assertions
type Body = any;

interface Got {
  status: number;
  headers: Headers;
  body: Body;
  text: string;
}

async function get(url: string, init?: RequestInit): Promise<Got> {
  const res = await fetch(url, init);
  const text = await res.text();
  let body: Body;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: res.headers, body, text };
}

const INVALID_PAGE = { success: false, status_code: 22, status_message: "Invalid page: Pages start at 1 and max at 500. They are expected to be an integer." };
const NOT_FOUND = { success: false, status_code: 34, status_message: "The resource you requested could not be found." };

const catalogue = buildCatalogue({ size: 5000, seed: 42 });
let server: CatalogueServer;
let api: string;

beforeAll(async () => {
  server = await startCatalogueServer({ catalogue });
  api = server.url;
});

afterAll(async () => {
  await server.close();
});

describe("server basics", () => {
  it("listens on a free port and exposes url/origin", () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.origin).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.url).toBe(`${server.origin}/3`);
    expect(server.catalogue).toBe(catalogue);
  });

  it("answers JSON with TMDB's content type", async () => {
    const r = await get(`${api}/movie/popular`);
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("application/json;charset=utf-8");
  });

  it("returns the code-34 body for unknown paths and ids", async () => {
    for (const path of ["/3/nope", "/3/movie/1", "/3/movie/abc", "/3/tv/2/nope", "/3/genre/book/list", "/elsewhere", "/3/trending/all/month"]) {
      const r = await get(`${server.origin}${path}`);
      expect(r.status, path).toBe(404);
      expect(r.body, path).toEqual(NOT_FOUND);
    }
  });

  it("is deterministic: two servers with the same size and seed answer byte-identically", async () => {
    const other = await startCatalogueServer({ size: 5000, seed: 42 });
    try {
      const m = catalogue.movies[2000] as CatalogueMovie;
      const t = catalogue.tv[100] as CatalogueTv;
      for (const path of [
        "/movie/popular?page=3",
        "/tv/top_rated",
        `/movie/${m.id}?append_to_response=credits,keywords,videos,similar,recommendations,watch/providers`,
        `/tv/${t.id}?append_to_response=credits,keywords,videos,aggregate_credits`,
        "/discover/movie?with_genres=18&sort_by=vote_average.desc&vote_count.gte=50",
        "/search/multi?query=love",
        "/trending/all/week?page=2",
      ]) {
        const a = await get(`${api}${path}`);
        const b = await get(`${other.url}${path}`);
        expect(a.status).toBe(200);
        expect(b.text, path).toBe(a.text);
      }
    } finally {
      await other.close();
    }
  });
});

describe("paging", () => {
  it("serves 20 results per page with true totals", async () => {
    const r = await get(`${api}/movie/popular`);
    const expected = catalogue.popular("movie").length;
    expect(r.body.page).toBe(1);
    expect(r.body.results).toHaveLength(20);
    expect(r.body.total_results).toBe(expected);
    expect(r.body.total_pages).toBe(Math.ceil(expected / 20));
    const pops = r.body.results.map((x: Body) => x.popularity);
    expect([...pops].sort((a, b) => b - a)).toEqual(pops);
    const p2 = await get(`${api}/movie/popular?page=2&language=fr-FR`);
    expect(p2.body.page).toBe(2);
    expect(p2.body.results[0].id).toBe(catalogue.popular("movie")[20]?.id);
  });

  it("rejects page 0, 501, non-integers with HTTP 400 code 22", async () => {
    for (const page of ["0", "501", "abc", "1.5", "-1", "", "1e2"]) {
      const r = await get(`${api}/movie/popular?page=${page}`);
      expect(r.status, page).toBe(400);
      expect(r.body, page).toEqual(INVALID_PAGE);
    }
    for (const path of [
      "/tv/top_rated?page=0",
      "/discover/movie?page=501",
      "/search/multi?query=a&page=x",
      "/trending/all/day?page=0",
      `/movie/${catalogue.movies[0]?.id}/similar?page=0`,
    ]) {
      const r = await get(`${api}${path}`);
      expect(r.status, path).toBe(400);
      expect(r.body.status_code, path).toBe(22);
    }
    const ok = await get(`${api}/movie/popular?page=500`);
    expect(ok.status).toBe(200);
  });

  it("answers a page past the last one with empty results and the same totals", async () => {
    const first = await get(`${api}/tv/top_rated`);
    const last = first.body.total_pages as number;
    expect(last).toBeLessThan(499);
    const lastPage = await get(`${api}/tv/top_rated?page=${last}`);
    expect(lastPage.body.results.length).toBeGreaterThan(0);
    expect(lastPage.body.results.length).toBeLessThanOrEqual(20);
    const past = await get(`${api}/tv/top_rated?page=${last + 1}`);
    expect(past.status).toBe(200);
    expect(past.body).toEqual({ page: last + 1, results: [], total_pages: last, total_results: first.body.total_results });
  });

  it("reports true totals above 500 pages for a large catalogue, while page 501 stays invalid", async () => {
    const big = await startCatalogueServer({ size: 20_000 });
    try {
      const r = await get(`${big.url}/movie/popular`);
      expect(r.body.total_pages).toBeGreaterThan(500);
      expect(r.body.total_results).toBe(big.catalogue.popular("movie").length);
      expect(r.body.total_results).toBeGreaterThan(10_000);
      const p500 = await get(`${big.url}/movie/popular?page=500`);
      expect(p500.body.results).toHaveLength(20);
      expect(p500.body.total_pages).toBe(r.body.total_pages);
      expect((await get(`${big.url}/movie/popular?page=501`)).status).toBe(400);
      const trending = await get(`${big.url}/trending/all/week`);
      expect(trending.body.total_results).toBe(20_000);
      expect(trending.body.total_pages).toBe(1000);
    } finally {
      await big.close();
    }
  }, 20_000);
});

describe("list item shapes", () => {
  it("movie items have title fields, tv items name fields, and neither has media_type in popular/top_rated/discover/similar", async () => {
    const movies = await get(`${api}/movie/popular`);
    for (const m of movies.body.results) {
      for (const key of [
        "adult",
        "backdrop_path",
        "genre_ids",
        "id",
        "original_language",
        "original_title",
        "overview",
        "popularity",
        "poster_path",
        "release_date",
        "title",
        "video",
        "vote_average",
        "vote_count",
      ])
        expect(m).toHaveProperty(key);
      expect(m).not.toHaveProperty("name");
      expect(m).not.toHaveProperty("media_type");
      expect(m).not.toHaveProperty("genres");
      expect(m.release_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(m.backdrop_path).toMatch(/^\/m\d+b\.jpg$/);
    }
    const tv = await get(`${api}/tv/popular`);
    for (const t of tv.body.results) {
      for (const key of ["name", "original_name", "first_air_date", "origin_country", "genre_ids", "vote_average", "vote_count", "popularity"])
        expect(t).toHaveProperty(key);
      expect(t).not.toHaveProperty("title");
      expect(t).not.toHaveProperty("video");
      expect(t).not.toHaveProperty("media_type");
    }
    const discover = await get(`${api}/discover/tv`);
    expect(discover.body.results.every((x: Body) => !("media_type" in x) && "name" in x)).toBe(true);
    const m0 = catalogue.movies[0] as CatalogueMovie;
    const similar = await get(`${api}/movie/${m0.id}/similar`);
    expect(similar.body.results.length).toBeGreaterThan(0);
    expect(similar.body.results.every((x: Body) => !("media_type" in x) && "title" in x)).toBe(true);
  });

  it("trending, search/multi and recommendations carry media_type", async () => {
    const all = await get(`${api}/trending/all/day`);
    expect(all.body.results).toHaveLength(20);
    for (const x of all.body.results) expect(["movie", "tv", "person"]).toContain(x.media_type);
    const mediaTypes = new Set<string>();
    for (let page = 1; page <= 30; page++) for (const x of (await get(`${api}/trending/all/week?page=${page}`)).body.results) mediaTypes.add(x.media_type);
    expect(mediaTypes).toEqual(new Set(["movie", "tv", "person"]));
    const movies = await get(`${api}/trending/movie/week`);
    expect(movies.body.results.every((x: Body) => x.media_type === "movie" && "title" in x)).toBe(true);
    const tv = await get(`${api}/trending/tv/day`);
    expect(tv.body.results.every((x: Body) => x.media_type === "tv" && "name" in x)).toBe(true);
    const m = catalogue.movies[10] as CatalogueMovie;
    const recs = await get(`${api}/movie/${m.id}/recommendations`);
    expect(recs.body.results.length).toBeGreaterThan(0);
    expect(recs.body.results.every((x: Body) => x.media_type === "movie")).toBe(true);
    expect(recs.body.total_results).toBeLessThanOrEqual(40);
  });

  it("degrades the documented ~10% / ~5% of list items, but never their details", async () => {
    let sawNullPoster = 0;
    let sawZeroVotes = 0;
    for (let page = 1; page <= 10; page++) {
      const r = await get(`${api}/movie/popular?page=${page}`);
      for (const item of r.body.results) {
        const lacksPoster = catalogue.listItemLacksPoster("movie", item.id);
        const lacksVotes = catalogue.listItemLacksVotes("movie", item.id);
        expect(item.poster_path === null).toBe(lacksPoster);
        const truth = catalogue.movie(item.id) as CatalogueMovie;
        if (lacksVotes) {
          expect(item.vote_average).toBe(0);
          expect(item.vote_count).toBe(0);
        } else {
          expect(item.vote_count).toBe(truth.voteCount);
        }
        if (lacksPoster) sawNullPoster++;
        if (lacksVotes) sawZeroVotes++;
      }
    }
    expect(sawNullPoster).toBeGreaterThan(5);
    expect(sawZeroVotes).toBeGreaterThan(1);
    const posterId = catalogue.lackingFields("movie").posterNull[0] as number;
    const votesId = catalogue.lackingFields("tv").votesZero[0] as number;
    const details = await get(`${api}/movie/${posterId}`);
    expect(details.body.poster_path).toBe(`/m${posterId}p.jpg`);
    const tvDetails = await get(`${api}/tv/${votesId}`);
    expect(tvDetails.body.vote_count).toBeGreaterThan(0);
    expect(tvDetails.body.vote_average).toBeGreaterThan(0);
    const control = await get(`${server.origin}/__control/lacking-fields`);
    expect(control.body.movie.posterNull).toEqual(catalogue.lackingFields("movie").posterNull);
    expect(control.body.tv.votesZero).toEqual(catalogue.lackingFields("tv").votesZero);
  });
});

describe("details", () => {
  const darkKnight = catalogue.movies.find((m) => m.title === "The Dark Knight") as CatalogueMovie;
  const show = catalogue.tv.find((t) => t.type === "Scripted" && t.createdByIds.length > 0 && t.numberOfSeasons > 1) as CatalogueTv;

  it("movie details follow TMDB's movie shape", async () => {
    const r = await get(`${api}/movie/${darkKnight.id}`);
    expect(r.status).toBe(200);
    const d = r.body;
    for (const key of [
      "adult",
      "backdrop_path",
      "belongs_to_collection",
      "budget",
      "genres",
      "homepage",
      "id",
      "imdb_id",
      "origin_country",
      "original_language",
      "original_title",
      "overview",
      "popularity",
      "poster_path",
      "production_companies",
      "production_countries",
      "release_date",
      "revenue",
      "runtime",
      "spoken_languages",
      "status",
      "tagline",
      "title",
      "video",
      "vote_average",
      "vote_count",
    ])
      expect(d).toHaveProperty(key);
    expect(d).not.toHaveProperty("genre_ids");
    expect(d).not.toHaveProperty("media_type");
    expect(d).not.toHaveProperty("name");
    expect(d.title).toBe("The Dark Knight");
    expect(d.release_date).toBe("2008-07-18");
    expect(d.genres).toEqual(darkKnight.genreIds.map((id) => ({ id, name: catalogue.genreName("movie", id) })));
    expect(d.runtime).toBe(152);
    expect(d.budget).toBeGreaterThan(100_000_000);
    expect(d.status).toBe("Released");
    expect(typeof d.homepage).toBe("string");
    expect(typeof d.tagline).toBe("string");
    expect(d.imdb_id).toMatch(/^tt\d{7}$/);
    expect(d.belongs_to_collection).toEqual({
      id: expect.any(Number),
      name: "The Dark Knight Collection",
      poster_path: expect.stringMatching(/^\/c\d+p\.jpg$/),
      backdrop_path: expect.stringMatching(/^\/c\d+b\.jpg$/),
    });
    expect(d.production_companies[0]).toEqual({
      id: expect.any(Number),
      logo_path: expect.anything(),
      name: expect.any(String),
      origin_country: expect.any(String),
    });
    expect(d.spoken_languages[0]).toEqual({ english_name: "English", iso_639_1: "en", name: "English" });
    // "Batman Begins" is in the same collection
    const batman = catalogue.movies.find((m) => m.title === "Batman Begins");
    expect((await get(`${api}/movie/${batman?.id}`)).body.belongs_to_collection.id).toBe(d.belongs_to_collection.id);
  });

  it("tv details follow TMDB's tv shape", async () => {
    const d = (await get(`${api}/tv/${show.id}`)).body;
    for (const key of [
      "created_by",
      "episode_run_time",
      "first_air_date",
      "last_air_date",
      "genres",
      "homepage",
      "in_production",
      "languages",
      "last_episode_to_air",
      "next_episode_to_air",
      "name",
      "networks",
      "number_of_episodes",
      "number_of_seasons",
      "origin_country",
      "original_name",
      "seasons",
      "spoken_languages",
      "status",
      "tagline",
      "type",
      "vote_average",
      "vote_count",
    ])
      expect(d).toHaveProperty(key);
    expect(d).not.toHaveProperty("title");
    expect(d).not.toHaveProperty("genre_ids");
    expect(d).not.toHaveProperty("runtime");
    expect(d.name).toBe(show.name);
    expect(d.number_of_seasons).toBe(show.numberOfSeasons);
    expect(d.seasons.filter((s: Body) => s.season_number > 0)).toHaveLength(show.numberOfSeasons);
    expect(d.seasons[0]).toEqual({
      air_date: expect.any(String),
      episode_count: expect.any(Number),
      id: expect.any(Number),
      name: expect.any(String),
      overview: expect.any(String),
      poster_path: expect.anything(),
      season_number: expect.any(Number),
      vote_average: expect.any(Number),
    });
    expect(d.created_by[0]).toMatchObject({
      id: show.createdByIds[0],
      credit_id: expect.stringMatching(/^[0-9a-f]{24}$/),
      name: expect.any(String),
      gender: expect.any(Number),
    });
    expect(d.networks[0]).toEqual({ id: expect.any(Number), logo_path: expect.anything(), name: expect.any(String), origin_country: expect.any(String) });
    expect(d.last_episode_to_air).toMatchObject({
      show_id: show.id,
      season_number: show.lastEpisode.seasonNumber,
      episode_number: show.lastEpisode.episodeNumber,
      air_date: show.lastEpisode.airDate,
    });
    expect(Array.isArray(d.episode_run_time)).toBe(true);
    expect(["Returning Series", "Ended", "Canceled"]).toContain(d.status);
    const returning = catalogue.tv.find((t) => t.nextEpisode !== null) as CatalogueTv;
    const r = (await get(`${api}/tv/${returning.id}`)).body;
    expect(r.next_episode_to_air).toMatchObject({ air_date: returning.nextEpisode?.airDate, vote_count: 0 });
    expect(r.in_production).toBe(true);
  });

  it("appends sub-resources without their id and serves them standalone with it", async () => {
    const appends = "credits,keywords,videos,similar,recommendations,watch/providers,external_ids,release_dates";
    const d = (await get(`${api}/movie/${darkKnight.id}?append_to_response=${appends}`)).body;
    expect(Object.keys(d.credits).sort()).toEqual(["cast", "crew"]);
    expect(d.credits.cast.length).toBeGreaterThan(5);
    expect(d.credits.cast[0]).toEqual({
      adult: false,
      gender: expect.any(Number),
      id: expect.any(Number),
      known_for_department: "Acting",
      name: expect.any(String),
      original_name: expect.any(String),
      popularity: expect.any(Number),
      profile_path: expect.anything(),
      cast_id: expect.any(Number),
      character: expect.any(String),
      credit_id: expect.stringMatching(/^[0-9a-f]{24}$/),
      order: 0,
    });
    const directors = d.credits.crew.filter((c: Body) => c.job === "Director");
    expect(directors).toHaveLength(1);
    expect(directors[0]).toMatchObject({ name: "Christopher Nolan", department: "Directing" });
    expect(Object.keys(d.keywords)).toEqual(["keywords"]);
    expect(d.keywords.keywords.length).toBeGreaterThanOrEqual(3);
    expect(d.keywords.keywords[0]).toEqual({ id: expect.any(Number), name: expect.any(String) });
    expect(d.videos.results.length).toBeGreaterThan(0);
    expect(d.videos.results[0]).toMatchObject({
      site: "YouTube",
      type: "Trailer",
      key: expect.stringMatching(/^[A-Za-z0-9_-]{11}$/),
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
    });
    expect(d.similar).toMatchObject({ page: 1, results: expect.any(Array), total_pages: expect.any(Number), total_results: expect.any(Number) });
    expect(d.similar.results[0]).not.toHaveProperty("media_type");
    expect(d.recommendations.results[0].media_type).toBe("movie");
    expect(d["watch/providers"]).toHaveProperty("results");
    const regions = Object.values(d["watch/providers"].results) as Body[];
    for (const region of regions) {
      expect(region.link).toMatch(/^https:\/\//);
      for (const p of [...(region.flatrate ?? []), ...(region.rent ?? []), ...(region.buy ?? [])])
        expect(p).toEqual({
          logo_path: expect.any(String),
          provider_id: expect.any(Number),
          provider_name: expect.any(String),
          display_priority: expect.any(Number),
        });
    }
    expect(d.external_ids.imdb_id).toBe(d.imdb_id);
    expect(d.release_dates.results[0].release_dates[0].certification).toBe("PG-13");

    const credits = (await get(`${api}/movie/${darkKnight.id}/credits`)).body;
    expect(credits.id).toBe(darkKnight.id);
    expect(credits.cast).toEqual(d.credits.cast);
    expect((await get(`${api}/movie/${darkKnight.id}/keywords`)).body).toEqual({ id: darkKnight.id, keywords: d.keywords.keywords });
    expect((await get(`${api}/movie/${darkKnight.id}/videos`)).body).toEqual({ id: darkKnight.id, results: d.videos.results });
    expect((await get(`${api}/movie/${darkKnight.id}/watch/providers`)).body).toEqual({ id: darkKnight.id, results: d["watch/providers"].results });
    const recsPage = (await get(`${api}/movie/${darkKnight.id}/recommendations?page=2`)).body;
    expect(recsPage.page).toBe(2);
    expect(recsPage.results.length).toBe(20);
  });

  it("tv credits have no Director; tv keywords use `results`", async () => {
    const d = (await get(`${api}/tv/${show.id}?append_to_response=credits,keywords,aggregate_credits,content_ratings`)).body;
    expect(d.credits.crew.length).toBeGreaterThan(0);
    expect(d.credits.crew.some((c: Body) => c.job === "Director")).toBe(false);
    expect(d.credits.crew.some((c: Body) => c.job === "Executive Producer" && c.id === show.createdByIds[0])).toBe(true);
    expect(d.credits.cast[0]).not.toHaveProperty("cast_id");
    expect(Object.keys(d.keywords)).toEqual(["results"]);
    expect(d.keywords.results.length).toBeGreaterThanOrEqual(3);
    expect(d.aggregate_credits.cast[0].roles[0]).toEqual({ credit_id: expect.any(String), character: expect.any(String), episode_count: expect.any(Number) });
    const standalone = (await get(`${api}/tv/${show.id}/keywords`)).body;
    expect(standalone).toEqual({ id: show.id, results: d.keywords.results });
  });

  it("allows at most 20 append_to_response names (400, code 27 beyond)", async () => {
    const names = (n: number) => Array.from({ length: n }, (_, i) => (i % 2 === 0 ? "credits" : "keywords")).join(",");
    const ok = await get(`${api}/movie/${darkKnight.id}?append_to_response=${names(20)}`);
    expect(ok.status).toBe(200);
    expect(ok.body.credits.cast.length).toBeGreaterThan(0);
    const tooMany = await get(`${api}/movie/${darkKnight.id}?append_to_response=${names(21)}`);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toEqual({
      success: false,
      status_code: 27,
      status_message: "Too many append to response objects: The maximum number of remote calls is 20.",
    });
    const unknown = await get(`${api}/movie/${darkKnight.id}?append_to_response=nonsense`);
    expect(unknown.status).toBe(200);
    expect(unknown.body).not.toHaveProperty("nonsense");
  });

  it("serves people and their credits", async () => {
    const nolan = catalogue.people.find((p) => p.name === "Christopher Nolan");
    const d = (await get(`${api}/person/${nolan?.id}?append_to_response=combined_credits`)).body;
    expect(d).toMatchObject({ id: nolan?.id, name: "Christopher Nolan", known_for_department: "Directing" });
    expect(d.combined_credits.crew.some((c: Body) => c.title === "The Dark Knight" && c.job === "Director" && c.media_type === "movie")).toBe(true);
    const movieCredits = (await get(`${api}/person/${nolan?.id}/movie_credits`)).body;
    expect(movieCredits.id).toBe(nolan?.id);
    expect(movieCredits.crew.every((c: Body) => !("media_type" in c) && "title" in c)).toBe(true);
  });
});

describe("genres and configuration", () => {
  it("lists TMDB's 19 movie and 16 tv genres", async () => {
    const movie = (await get(`${api}/genre/movie/list`)).body;
    const tv = (await get(`${api}/genre/tv/list`)).body;
    expect(movie.genres).toHaveLength(19);
    expect(tv.genres).toHaveLength(16);
    expect(movie.genres).toContainEqual({ id: 878, name: "Science Fiction" });
    expect(tv.genres).toContainEqual({ id: 10765, name: "Sci-Fi & Fantasy" });
    expect(movie.genres.find((g: Body) => g.id === 10759)).toBeUndefined();
  });

  it("points the image base URLs at its own /t/p/ route, and those URLs return PNGs", async () => {
    const config = (await get(`${api}/configuration`)).body;
    expect(config.images.secure_base_url).toBe(`${server.origin}/t/p/`);
    expect(config.images.base_url).toBe(`${server.origin}/t/p/`);
    expect(config.images.poster_sizes).toEqual(["w92", "w154", "w185", "w342", "w500", "w780", "original"]);
    expect(config.images.backdrop_sizes).toEqual(["w300", "w780", "w1280", "original"]);
    expect(Array.isArray(config.change_keys)).toBe(true);
    const item = (await get(`${api}/movie/popular`)).body.results.find((x: Body) => x.poster_path !== null);
    const res = await fetch(`${config.images.secure_base_url}w500${item.poster_path}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("cache-control")).toMatch(/max-age=\d{6,}/);
    const png = Buffer.from(await res.arrayBuffer());
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBe(500); // IHDR width
    expect(png.readUInt32BE(20)).toBe(750); // IHDR height (2:3 poster)
    const backdrop = Buffer.from(await (await fetch(`${server.origin}/t/p/w780${item.backdrop_path}`)).arrayBuffer());
    expect(backdrop.readUInt32BE(16)).toBe(780);
    expect(backdrop.readUInt32BE(20)).toBe(439);
    const again = Buffer.from(await (await fetch(`${config.images.secure_base_url}w500${item.poster_path}`)).arrayBuffer());
    expect(again.equals(png)).toBe(true);
    expect((await fetch(`${server.origin}/t/p/w500/../../etc/passwd`)).status).toBe(404);
    expect((await fetch(`${server.origin}/t/p/huge/m1p.jpg`)).status).toBe(404);
  });

  it("uses the imageBaseUrl option when given", async () => {
    const s = await startCatalogueServer({ catalogue, imageBaseUrl: "https://img.example/t/p/" });
    try {
      const config = (await get(`${s.url}/configuration`)).body;
      expect(config.images.secure_base_url).toBe("https://img.example/t/p/");
      expect(config.images.base_url).toBe("http://img.example/t/p/");
    } finally {
      await s.close();
    }
  });
});

describe("discover", () => {
  const all = async (path: string): Promise<Body[]> => {
    const first = (await get(`${api}${path}`)).body;
    const out = [...first.results];
    for (let page = 2; page <= Math.min(first.total_pages, 500); page++) out.push(...(await get(`${api}${path}&page=${page}`)).body.results);
    expect(out.length).toBe(Math.min(first.total_results, 10_000));
    return out;
  };

  it("with_genres: comma = AND, pipe = OR; without_genres excludes", async () => {
    const and = (await get(`${api}/discover/movie?with_genres=28,12`)).body;
    const or = (await get(`${api}/discover/movie?with_genres=28|12`)).body;
    expect(and.total_results).toBe(catalogue.movies.filter((m) => !m.adult && m.genreIds.includes(28) && m.genreIds.includes(12)).length);
    expect(or.total_results).toBe(catalogue.movies.filter((m) => !m.adult && (m.genreIds.includes(28) || m.genreIds.includes(12))).length);
    expect(or.total_results).toBeGreaterThan(and.total_results);
    for (const m of and.results) expect(m.genre_ids).toEqual(expect.arrayContaining([28, 12]));
    for (const m of or.results) expect(m.genre_ids.includes(28) || m.genre_ids.includes(12)).toBe(true);
    const without = await all("/discover/movie?with_genres=35&without_genres=18,10749");
    expect(without.length).toBeGreaterThan(0);
    for (const m of without) {
      expect(m.genre_ids).toContain(35);
      expect(m.genre_ids).not.toContain(18);
      expect(m.genre_ids).not.toContain(10749);
    }
  });

  it("filters by year, date range, language, votes and runtime", async () => {
    const year = await all("/discover/movie?primary_release_year=1999");
    expect(year.length).toBeGreaterThan(20);
    expect(year.every((m) => m.release_date.startsWith("1999"))).toBe(true);
    const range = await all("/discover/movie?primary_release_date.gte=2005-01-01&primary_release_date.lte=2005-03-31");
    expect(range.length).toBeGreaterThan(0);
    expect(range.every((m) => m.release_date >= "2005-01-01" && m.release_date <= "2005-03-31")).toBe(true);
    const fr = await all("/discover/tv?with_original_language=fr");
    expect(fr.length).toBeGreaterThan(10);
    expect(fr.every((t) => t.original_language === "fr" && "name" in t)).toBe(true);
    const tvYear = await all("/discover/tv?first_air_date_year=2020&with_genres=18");
    expect(tvYear.every((t) => t.first_air_date.startsWith("2020") && t.genre_ids.includes(18))).toBe(true);
    const voted = await all("/discover/movie?vote_average.gte=7.5&vote_count.gte=1000");
    expect(voted.length).toBeGreaterThan(10);
    for (const m of voted) {
      // list items may be degraded (votes zeroed), so check the true values
      const truth = catalogue.movie(m.id) as CatalogueMovie;
      expect(truth.voteAverage).toBeGreaterThanOrEqual(7.5);
      expect(truth.voteCount).toBeGreaterThanOrEqual(1000);
    }
    const runtime = await all("/discover/movie?with_runtime.gte=150&with_runtime.lte=160");
    expect(runtime.length).toBeGreaterThan(0);
    expect(
      runtime.every((m) => {
        const rt = (catalogue.movie(m.id) as CatalogueMovie).runtime;
        return rt >= 150 && rt <= 160;
      }),
    ).toBe(true);
  });

  it("sorts by sort_by and excludes adult titles unless include_adult=true", async () => {
    const byVote = (await get(`${api}/discover/movie?sort_by=vote_average.asc&vote_count.gte=100`)).body.results.map(
      (m: Body) => (catalogue.movie(m.id) as CatalogueMovie).voteAverage,
    );
    expect([...byVote].sort((a, b) => a - b)).toEqual(byVote);
    const byDate = (await get(`${api}/discover/movie?sort_by=primary_release_date.desc`)).body.results.map((m: Body) => m.release_date);
    expect([...byDate].sort().reverse()).toEqual(byDate);
    const tvByDate = (await get(`${api}/discover/tv?sort_by=first_air_date.asc`)).body.results.map((t: Body) => t.first_air_date);
    expect([...tvByDate].sort()).toEqual(tvByDate);
    const byCount = (await get(`${api}/discover/tv?sort_by=vote_count.desc`)).body.results.map((t: Body) => (catalogue.tvShow(t.id) as CatalogueTv).voteCount);
    expect([...byCount].sort((a, b) => b - a)).toEqual(byCount);
    const popAsc = (await get(`${api}/discover/movie?sort_by=popularity.asc`)).body.results.map((m: Body) => m.popularity);
    expect([...popAsc].sort((a, b) => a - b)).toEqual(popAsc);
    const adultCount = catalogue.movies.filter((m) => m.adult).length;
    expect(adultCount).toBeGreaterThan(0);
    const safe = (await get(`${api}/discover/movie`)).body.total_results;
    const withAdult = (await get(`${api}/discover/movie?include_adult=true`)).body.total_results;
    expect(withAdult - safe).toBe(adultCount);
    expect(safe).toBe(catalogue.movies.length - adultCount);
  });

  it("filters by people (with_cast / with_crew), the favourite-people signal", async () => {
    const nolan = catalogue.people.find((p) => p.name === "Christopher Nolan");
    const byNolan = (await get(`${api}/discover/movie?with_crew=${nolan?.id}`)).body;
    expect(byNolan.results.map((m: Body) => m.title)).toEqual(expect.arrayContaining(["The Dark Knight", "Batman Begins"]));
    const star = (catalogue.movies[300] as CatalogueMovie).castIds[0] as number;
    const withCast = await all(`/discover/movie?with_cast=${star}`);
    expect(withCast.length).toBeGreaterThan(0);
    expect(withCast.every((m) => (catalogue.movie(m.id) as CatalogueMovie).castIds.includes(star))).toBe(true);
  });
});

describe("search", () => {
  it("finds titles case-insensitively, exact matches first", async () => {
    const r = (await get(`${api}/search/movie?query=the%20DARK%20knight`)).body;
    expect(r.results[0].title).toBe("The Dark Knight");
    expect(r.results[0]).not.toHaveProperty("media_type");
    const partial = (await get(`${api}/search/movie?query=dark`)).body;
    expect(partial.total_results).toBeGreaterThan(3);
    expect(partial.results.every((m: Body) => `${m.title} ${m.original_title}`.toLowerCase().includes("dark"))).toBe(true);
    const show = catalogue.tv[42] as CatalogueTv;
    const tv = (await get(`${api}/search/tv?query=${encodeURIComponent(show.name.toUpperCase())}`)).body;
    expect(tv.results.some((t: Body) => t.id === show.id)).toBe(true);
    expect(tv.results.every((t: Body) => "name" in t && !("title" in t))).toBe(true);
  });

  it("search/multi mixes movies, tv and people (with known_for), ranked by popularity", async () => {
    const r = (await get(`${api}/search/multi?query=love`)).body;
    expect(r.total_results).toBeGreaterThan(5);
    for (const x of r.results) expect(["movie", "tv", "person"]).toContain(x.media_type);
    const person = (await get(`${api}/search/multi?query=christopher%20nolan`)).body.results.find((x: Body) => x.media_type === "person");
    expect(person).toMatchObject({
      name: "Christopher Nolan",
      known_for_department: "Directing",
      gender: expect.any(Number),
      profile_path: expect.anything(),
      popularity: expect.any(Number),
    });
    expect(person).not.toHaveProperty("genre_ids");
    expect(person).not.toHaveProperty("vote_average");
    expect(person.known_for.length).toBeGreaterThan(0);
    expect(person.known_for.every((k: Body) => k.media_type === "movie" || k.media_type === "tv")).toBe(true);
    const tiers = (await get(`${api}/search/multi?query=night`)).body.results.filter((x: Body) => !`${x.title ?? x.name}`.toLowerCase().startsWith("night"));
    const pops = tiers.map((x: Body) => x.popularity);
    expect([...pops].sort((a, b) => b - a)).toEqual(pops);
  });

  it("answers an empty or missing query, or no match, with the empty page", async () => {
    const empty = { page: 1, results: [], total_pages: 1, total_results: 0 };
    expect((await get(`${api}/search/multi`)).body).toEqual(empty);
    expect((await get(`${api}/search/multi?query=`)).body).toEqual(empty);
    expect((await get(`${api}/search/movie?query=zzqxjv%20nothing`)).body).toEqual(empty);
  });
});

describe("auth", () => {
  it("requires the token when apiToken is set (401, code 7), by bearer header or api_key", async () => {
    const s = await startCatalogueServer({ catalogue, apiToken: "s3cret" });
    try {
      const denied = { success: false, status_code: 7, status_message: "Invalid API key: You must be granted a valid key." };
      const none = await get(`${s.url}/movie/popular`);
      expect(none.status).toBe(401);
      expect(none.body).toEqual(denied);
      const wrong = await get(`${s.url}/movie/popular`, { headers: { authorization: "Bearer nope" } });
      expect(wrong.status).toBe(401);
      expect((await get(`${s.url}/movie/popular?api_key=nope`)).status).toBe(401);
      const bearer = await get(`${s.url}/movie/popular`, { headers: { authorization: "Bearer s3cret" } });
      expect(bearer.status).toBe(200);
      expect(bearer.body.results).toHaveLength(20);
      expect((await get(`${s.url}/movie/popular?api_key=s3cret`)).status).toBe(200);
      // images and the control API need no token
      expect((await fetch(`${s.origin}/t/p/w92/m11p.jpg`)).status).toBe(200);
      expect((await get(`${s.origin}/__control/health`)).status).toBe(200);
    } finally {
      await s.close();
    }
  });

  it("does not check auth when apiToken is unset", async () => {
    expect((await get(`${api}/movie/popular`, { headers: { authorization: "Bearer anything" } })).status).toBe(200);
  });
});
