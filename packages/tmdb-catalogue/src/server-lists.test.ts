// List items (movie / tv / person shapes, media_type, the deliberately degraded ones), genre lists and configuration with its images.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCatalogue } from "./catalogue.ts";
import type { CatalogueMovie } from "./model.ts";
import sharp from "sharp";
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
    const m0 = catalogue.movies.find((m) => m.genreIds.length > 0) as CatalogueMovie;
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
    const m = catalogue.movies.find((x) => !x.real) as CatalogueMovie;
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

  it("names genres in French for language=fr-FR (as TMDB does, some series genres stay English), in English otherwise", async () => {
    const movie = (await get(`${api}/genre/movie/list?language=fr-FR`)).body;
    const tv = (await get(`${api}/genre/tv/list?language=fr`)).body;
    expect(movie.genres).toHaveLength(19);
    expect(movie.genres).toContainEqual({ id: 878, name: "Science-Fiction" });
    expect(movie.genres).toContainEqual({ id: 35, name: "Comédie" });
    expect(tv.genres).toContainEqual({ id: 10765, name: "Science-Fiction & Fantastique" });
    expect(tv.genres).toContainEqual({ id: 10762, name: "Kids" });
    expect((await get(`${api}/genre/movie/list?language=de-DE`)).body.genres).toContainEqual({ id: 35, name: "Comedy" });
  });

  it("points the image base URLs at its own /t/p/ route, and those URLs with .svg return SVG key art of the size asked", async () => {
    const config = (await get(`${api}/configuration`)).body;
    expect(config.images.secure_base_url).toBe(`${server.origin}/t/p/`);
    expect(config.images.base_url).toBe(`${server.origin}/t/p/`);
    expect(config.images.poster_sizes).toEqual(["w92", "w154", "w185", "w342", "w500", "w780", "original"]);
    expect(config.images.backdrop_sizes).toEqual(["w300", "w780", "w1280", "original"]);
    expect(Array.isArray(config.change_keys)).toBe(true);
    const item = (await get(`${api}/movie/popular`)).body.results.find((x: Body) => x.poster_path !== null);
    const res = await fetch(`${config.images.secure_base_url}w500${asSvg(item.poster_path)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/svg+xml");
    expect(res.headers.get("cache-control")).toMatch(/max-age=\d{6,}/);
    const svg = await res.text();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="500" height="750" viewBox="0 0 400 600"/);
    // The poster sets the title's words (escaped as XML), and its year.
    for (const word of item.title
      .toUpperCase()
      .split(/\s+/)
      .filter((w: string) => /^[A-Z0-9]+$/.test(w)))
      expect(svg.toUpperCase()).toContain(word);
    expect(svg).toContain(item.release_date.slice(0, 4));
    const backdrop = await (await fetch(`${server.origin}/t/p/w780${asSvg(item.backdrop_path)}`)).text();
    expect(backdrop).toMatch(/^<svg [^>]*width="780" height="439" viewBox="0 0 1280 720"/);
    const again = await (await fetch(`${config.images.secure_base_url}w500${asSvg(item.poster_path)}`)).text();
    expect(again).toBe(svg);
    expect((await fetch(`${server.origin}/t/p/w500/../../etc/passwd`)).status).toBe(404);
    expect((await fetch(`${server.origin}/t/p/huge/m1p.jpg`)).status).toBe(404);
  });

  it("answers TMDB's own .jpg paths of posters with the same drawing as a WebP image of the size asked, and of backdrops with the SVG", async () => {
    const item = (await get(`${api}/movie/popular`)).body.results.find((x: Body) => x.poster_path !== null);
    const res = await fetch(`${server.origin}/t/p/w342${item.poster_path}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/webp");
    expect(res.headers.get("cache-control")).toMatch(/max-age=\d{6,}/);
    const webp = Buffer.from(await res.arrayBuffer());
    expect(webp.subarray(0, 4).toString("latin1") + webp.subarray(8, 12).toString("latin1")).toBe("RIFFWEBP");
    expect(Number(res.headers.get("content-length"))).toBe(webp.length);
    // A few kB, where the same poster as a PNG is 26–28 kB.
    expect(webp.length).toBeLessThan(16_000);
    const raster = await sharp(webp).raw().toBuffer({ resolveWithObject: true });
    expect([raster.info.width, raster.info.height]).toEqual([342, 513]);
    // The SVG drawn here, pixel by pixel, differs from it only by the lossy encoding: the same
    // drawing, title and year included (a poster without its text differs by far more).
    const svg = Buffer.from(await (await fetch(`${server.origin}/t/p/w342${asSvg(item.poster_path)}`)).arrayBuffer());
    const drawn = await sharp(svg).removeAlpha().raw().toBuffer();
    const pixels = await sharp(webp).removeAlpha().raw().toBuffer();
    expect(pixels.length).toBe(drawn.length);
    let difference = 0;
    for (let i = 0; i < drawn.length; i++) difference += Math.abs(drawn[i]! - pixels[i]!);
    expect(difference / drawn.length).toBeLessThan(3);
    // A backdrop has no text: it stays the SVG drawing (0.6 kB, where a w1280 WebP is 22–25 kB).
    const backdrop = await fetch(`${server.origin}/t/p/w1280${item.backdrop_path}`);
    expect(backdrop.headers.get("content-type")).toBe("image/svg+xml");
    expect(await backdrop.text()).toMatch(/^<svg [^>]*width="1280" height="720"/);
    // HEAD: the headers only.
    const head = await fetch(`${server.origin}/t/p/w342${item.poster_path}`, { method: "HEAD" });
    expect([head.status, head.headers.get("content-type"), (await head.arrayBuffer()).byteLength]).toEqual([200, "image/webp", 0]);
  });

  it("serves SVG for every path when asked not to rasterise", async () => {
    const s = await startCatalogueServer({ catalogue, rasterImages: false });
    try {
      const res = await fetch(`${s.origin}/t/p/w342/m1p.jpg`);
      expect(res.headers.get("content-type")).toBe("image/svg+xml");
      expect(await res.text()).toMatch(/^<svg /);
    } finally {
      await s.close();
    }
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

/** The same image path ending in .svg: the drawing itself, whatever the server would rasterise. */
function asSvg(path: string): string {
  return path.replace(/\.jpg$/, ".svg");
}
