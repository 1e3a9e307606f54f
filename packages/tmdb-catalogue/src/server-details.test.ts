// Movie, tv and person details, their appended and standalone sub-resources, and the append_to_response limit.
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

describe("details", () => {
  const darkKnight = catalogue.movies.find((m) => m.title === "The Dark Knight") as CatalogueMovie;
  // A synthetic movie has everything TMDB gives a popular film (a real one only what movies.json says).
  const invented = catalogue.movies.find((m) => !m.real && m.status === "Released" && m.popularity > 20 && m.castIds.length > 5) as CatalogueMovie;
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
    // movies.json has no text and no IMDb id: a real film gets none invented
    expect(d.homepage).toBe("");
    expect(d.tagline).toBe("");
    expect(d.overview).toBe("");
    expect(d.imdb_id).toBeNull();
    const synthetic = (await get(`${api}/movie/${invented.id}`)).body;
    expect(typeof synthetic.tagline).toBe("string");
    expect(synthetic.overview).not.toBe("");
    expect(synthetic.imdb_id).toMatch(/^tt\d{7}$/);
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
    const d = (await get(`${api}/movie/${invented.id}?append_to_response=${appends}`)).body;
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
    expect(d.credits.crew.filter((c: Body) => c.job === "Director")).toHaveLength(1);
    // The Dark Knight's credits are what movies.json names: its director, nobody else
    const real = (await get(`${api}/movie/${darkKnight.id}?append_to_response=credits,videos`)).body;
    expect(real.credits.cast).toEqual([]);
    expect(real.credits.crew).toEqual([expect.objectContaining({ name: "Christopher Nolan", job: "Director", department: "Directing" })]);
    expect(real.videos.results).toEqual([]);
    expect(Object.keys(d.keywords)).toEqual(["keywords"]);
    expect(d.keywords.keywords.length).toBeGreaterThanOrEqual(3);
    expect(d.keywords.keywords[0]).toEqual({ id: expect.any(Number), name: expect.any(String) });
    // No video is invented: a made-up YouTube key would play nothing, or someone else's video.
    expect(d.videos.results).toEqual([]);
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
    expect(d.release_dates.results[0].release_dates[0].certification).toBe(invented.certification);

    const credits = (await get(`${api}/movie/${invented.id}/credits`)).body;
    expect(credits.id).toBe(invented.id);
    expect(credits.cast).toEqual(d.credits.cast);
    expect((await get(`${api}/movie/${invented.id}/keywords`)).body).toEqual({ id: invented.id, keywords: d.keywords.keywords });
    expect((await get(`${api}/movie/${invented.id}/videos`)).body).toEqual({ id: invented.id, results: d.videos.results });
    expect((await get(`${api}/movie/${invented.id}/watch/providers`)).body).toEqual({ id: invented.id, results: d["watch/providers"].results });
    const recsPage = (await get(`${api}/movie/${darkKnight.id}/recommendations?page=2`)).body;
    expect(recsPage.page).toBe(2);
    expect(recsPage.results.length).toBe(20);
  });

  it("lists watch regions and each kind's providers with their display priority per region", async () => {
    const regions = (await get(`${api}/watch/providers/regions`)).body.results as Body[];
    expect(regions.map((r) => r.iso_3166_1)).toEqual(["US", "GB", "CA", "DE", "FR"]);
    expect(regions[0]).toEqual({ iso_3166_1: "US", english_name: "United States of America", native_name: "United States" });
    const all = (await get(`${api}/watch/providers/movie`)).body.results as Body[];
    const netflix = all.find((p) => p.provider_id === 8) as Body;
    expect(netflix).toEqual({
      display_priorities: { US: 0, GB: 0, CA: 0, DE: 0, FR: 0 },
      logo_path: "/w8l.jpg",
      provider_id: 8,
      provider_name: "Netflix",
      display_priority: 0,
    });
    const inGb = (await get(`${api}/watch/providers/tv?watch_region=GB`)).body.results as Body[];
    expect(inGb.length).toBe(all.length);
    expect(Object.keys(inGb[0].display_priorities)).toEqual(["GB"]);
    expect((await get(`${api}/watch/providers/movie?watch_region=JP`)).body).toEqual({ results: [] });
    // Every provider a title names is in the list.
    const listed = new Set(all.map((p) => p.provider_id));
    for (const title of catalogue.movies.slice(0, 40)) {
      const offers = Object.values((await get(`${api}/movie/${title.id}/watch/providers`)).body.results) as Body[];
      for (const offer of offers) for (const p of [...(offer.flatrate ?? []), ...(offer.rent ?? [])]) expect(listed.has(p.provider_id)).toBe(true);
    }
  });

  it("lists a title's translations: English always, and its own language's original title, nothing invented", async () => {
    type Translation = { iso_639_1: string; iso_3166_1: string; data: Record<string, string> };
    const translationsOf = async (path: string) => ((await get(`${api}${path}/translations`)).body as { translations: Translation[] }).translations;
    // A real film's data is English only.
    expect(await translationsOf(`/movie/${darkKnight.id}`)).toEqual([
      {
        iso_3166_1: "US",
        iso_639_1: "en",
        name: "English",
        english_name: "English",
        data: { homepage: "", overview: "", tagline: "", title: "The Dark Knight" },
      },
    ]);
    const french = catalogue.movies.find((m) => !m.real && m.originalLanguage === "fr" && m.originalTitle !== m.title) as CatalogueMovie;
    const details = (await get(`${api}/movie/${french.id}?append_to_response=translations`)).body as Body & { translations: { translations: Translation[] } };
    const [english, own] = details.translations.translations;
    expect(english).toMatchObject({ iso_639_1: "en", data: { title: french.title, overview: details["overview"], tagline: details["tagline"] } });
    expect(own).toMatchObject({ iso_639_1: "fr", iso_3166_1: french.originCountry[0], data: { title: french.originalTitle, overview: "", tagline: "" } });
    const koreanShow = catalogue.tv.find((t) => t.originalLanguage === "ko" && t.originalName !== t.name) as CatalogueTv;
    expect((await translationsOf(`/tv/${koreanShow.id}`)).map((t) => [t.iso_639_1, t.data["name"]])).toEqual([
      ["en", koreanShow.name],
      ["ko", koreanShow.originalName],
    ]);
  });

  it("serves the videos the control API gives a title, in TMDB's shape, until a reset", async () => {
    const post = (body: unknown) => fetch(`${server.origin}/__control/videos`, { method: "POST", body: JSON.stringify(body) });
    const trailer = { key: "dQw4w9WgXcQ", name: "Official Trailer", site: "YouTube", type: "Trailer" };
    expect((await post({ mediaType: "movie", id: invented.id, results: [trailer] })).status).toBe(200);
    const appended = (await get(`${api}/movie/${invented.id}?append_to_response=videos`)).body;
    expect(appended.videos.results).toEqual([
      { ...trailer, iso_639_1: "en", iso_3166_1: "US", size: 1080, official: true, published_at: expect.any(String), id: expect.any(String) },
    ]);
    expect((await get(`${api}/movie/${invented.id}/videos`)).body).toEqual({ id: invented.id, results: appended.videos.results });
    expect((await get(`${api}/tv/${show.id}/videos`)).body.results).toEqual([]);
    // Bad bodies are refused with a reason; an unknown title too.
    const refused = await post({ mediaType: "movie", id: invented.id, results: [{ ...trailer, key: "" }] });
    expect([refused.status, ((await refused.json()) as Body)["error"]]).toEqual([400, "results[0].key must be a non-empty string"]);
    expect((await post({ mediaType: "movie", id: 999_999_999, results: [] })).status).toBe(400);
    await fetch(`${server.origin}/__control/reset`, { method: "POST" });
    expect((await get(`${api}/movie/${invented.id}/videos`)).body.results).toEqual([]);
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
    const ok = await get(`${api}/movie/${invented.id}?append_to_response=${names(20)}`);
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
