// /trending: recency-boosted popularity with a per-window jitter (a stable log-normal factor per
// title, window and seed), movies and tv without adult titles, people at half weight in "all".
import { REFERENCE_DATE, TRENDING_LIMIT } from "../model.ts";
import type { CatalogueMovie, CatalogueTitle, CatalogueTv, Person } from "../model.ts";
import { unitHash } from "../random.ts";
import { kindOrder } from "./ordering.ts";

export type TrendingMedia = "all" | "movie" | "tv" | "person";
export type TrendingWindow = "day" | "week";
export type TrendingEntry = CatalogueTitle | Person;

const DAY_MS = 86_400_000;
const REF_MS = Date.parse(`${REFERENCE_DATE}T00:00:00Z`);

/** What trending ranks. */
export interface TrendingSources {
  seed: number;
  movies: readonly CatalogueMovie[];
  tv: readonly CatalogueTv[];
  people: readonly Person[];
}

function trendScore(seed: number, kind: string, id: number, popularity: number, date: string, window: TrendingWindow): number {
  let recency = 0.5;
  if (date !== "") {
    const days = (REF_MS - Date.parse(`${date}T00:00:00Z`)) / DAY_MS;
    if (days < -60) recency = 0.6;
    else if (days < 0) recency = 2;
    else if (days < 30) recency = 6;
    else if (days < 90) recency = 4;
    else if (days < 365) recency = 2.2;
    else if (days < 730) recency = 1.4;
    else recency = 1;
  }
  const sigma = window === "day" ? 0.45 : 0.25;
  const u1 = Math.max(1e-9, unitHash(seed, "trend", window, kind, id, 1));
  const u2 = unitHash(seed, "trend", window, kind, id, 2);
  const jitter = Math.exp(sigma * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2));
  return popularity * Math.pow(recency, window === "day" ? 1.3 : 1) * jitter;
}

/** The trending list of a media and window: at most TRENDING_LIMIT entries, best first. */
export function rankTrending(sources: TrendingSources, media: TrendingMedia, window: TrendingWindow): readonly TrendingEntry[] {
  const { seed } = sources;
  const scored: Array<{ e: TrendingEntry; s: number }> = [];
  if (media === "all" || media === "movie")
    for (const m of sources.movies) if (!m.adult) scored.push({ e: m, s: trendScore(seed, "movie", m.id, m.popularity, m.releaseDate, window) });
  if (media === "all" || media === "tv")
    for (const t of sources.tv) if (!t.adult) scored.push({ e: t, s: trendScore(seed, "tv", t.id, t.popularity, t.lastAirDate, window) });
  if (media === "all" || media === "person")
    for (const p of sources.people) scored.push({ e: p, s: trendScore(seed, "person", p.id, p.popularity, "", window) * (media === "all" ? 0.5 : 1) });
  scored.sort((a, b) => b.s - a.s || kindOrder(a.e) - kindOrder(b.e) || a.e.id - b.e.id);
  return scored.slice(0, TRENDING_LIMIT).map((x) => x.e);
}
