// The server itself: its port and URLs, content type, 404s, determinism, paging, and the optional API token.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCatalogue } from "./catalogue.ts";
import type { CatalogueMovie, CatalogueTv } from "./model.ts";
import { startCatalogueServer } from "./server.ts";
import type { CatalogueServer } from "./server.ts";
import { type Body, INVALID_PAGE, NOT_FOUND, get } from "./test-support/server.ts";

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
