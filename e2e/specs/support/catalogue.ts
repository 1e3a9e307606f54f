// The offline TMDB catalogue the e2e stack runs (playwright.config.ts fixes its port): its TMDB
// routes, and its control API for what a spec needs a title to have.
import { expect, type APIRequestContext } from "@playwright/test";

const origin = `http://127.0.0.1:${Number(process.env.E2E_CATALOGUE_PORT ?? 4110)}`;

/** The least popular films TMDB's discover lists: titles no ingest page has reached, so their details are fetched on first view. */
export async function obscureFilms(request: APIRequestContext, count: number): Promise<Array<{ id: number; title: string }>> {
  const response = await request.get(`${origin}/3/discover/movie?sort_by=popularity.asc&vote_count.gte=1`);
  expect(response.ok()).toBe(true);
  return ((await response.json()).results as Array<{ id: number; title: string }>).slice(0, count);
}

/** Gives a film videos, as TMDB would list them (trailers, teasers…). */
export async function giveVideos(request: APIRequestContext, id: number, results: Array<{ key: string; name: string; site: string; type: string }>) {
  const response = await request.post(`${origin}/__control/videos`, { data: { mediaType: "movie", id, results } });
  expect(response.ok(), await response.text()).toBe(true);
}
