// /discover filters and sorting, and /search ranking.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCatalogue } from "./catalogue.ts";
import type { CatalogueMovie, CatalogueTv } from "./model.ts";
import { startCatalogueServer } from "./server.ts";
import type { CatalogueServer } from "./server.ts";
import { type Body, get } from "./test-support/server.ts";

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
    const star = (catalogue.movies.find((m) => m.castIds.length > 0) as CatalogueMovie).castIds[0] as number;
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

describe("find", () => {
  it("finds a film and a series by their IMDb ids, as their external ids give them", async () => {
    const movie = catalogue.movies.find((m) => m.imdbId && !m.adult)!;
    const found = await get(`${api}/find/${movie.imdbId}?external_source=imdb_id`);
    expect(found.status).toBe(200);
    expect((found.body as Body).movie_results).toEqual([expect.objectContaining({ id: movie.id, title: movie.title, media_type: "movie" })]);
    expect((found.body as Body).tv_results).toEqual([]);

    const series = catalogue.tv.find((t) => !t.adult)!;
    const ids = (await get(`${api}/tv/${series.id}/external_ids`)).body as Body;
    const tv = (await get(`${api}/find/${ids.imdb_id}?external_source=imdb_id`)).body as Body;
    expect(tv.tv_results).toEqual([expect.objectContaining({ id: series.id, name: series.name, media_type: "tv" })]);
  });

  it("answers no results for an unknown id or another external source", async () => {
    const none = (await get(`${api}/find/tt0000001?external_source=imdb_id`)).body as Body;
    expect(none).toEqual({ movie_results: [], person_results: [], tv_results: [], tv_episode_results: [], tv_season_results: [] });
    const movie = catalogue.movies.find((m) => m.imdbId)!;
    expect(((await get(`${api}/find/${movie.imdbId}?external_source=tvdb_id`)).body as Body).movie_results).toEqual([]);
  });
});
