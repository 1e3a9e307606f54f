// /search: case- and accent-insensitive matching of every query word against titles and original
// titles (or people's names), ranked exact title match, then prefix match, then the rest, popularity
// desc within. Normalized names are computed once per catalogue (SearchKeys).
import type { CatalogueMovie, CatalogueTitle, CatalogueTv, Person } from "../model.ts";
import { kindOrder } from "./ordering.ts";

export type SearchKind = "multi" | "movie" | "tv" | "person";
export type SearchHit = CatalogueTitle | Person;

export interface SearchOptions {
  includeAdult?: boolean;
  /** movie: any release in that year (TMDB `year`); tv: `first_air_date_year` / `year` */
  year?: number;
  primaryReleaseYear?: number;
  firstAirDateYear?: number;
}

/** What search looks through. */
export interface SearchSources {
  movies: readonly CatalogueMovie[];
  tv: readonly CatalogueTv[];
  people: readonly Person[];
}

/** Normalized names by position: titles alone (for the rank) and with their original titles (for the match). */
export interface SearchKeys {
  movie: string[];
  tv: string[];
  movieTitle: string[];
  tvTitle: string[];
  person: string[];
}

/** Lower-case, strip accents and punctuation: what search compares. */
export function normalizeText(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export function buildSearchKeys(sources: SearchSources): SearchKeys {
  const movieTitle = sources.movies.map((m) => normalizeText(m.title));
  const tvTitle = sources.tv.map((t) => normalizeText(t.name));
  return {
    movieTitle,
    tvTitle,
    movie: sources.movies.map((m, i) => (m.originalTitle === m.title ? (movieTitle[i] as string) : `${movieTitle[i]} ${normalizeText(m.originalTitle)}`)),
    tv: sources.tv.map((t, i) => (t.originalName === t.name ? (tvTitle[i] as string) : `${tvTitle[i]} ${normalizeText(t.originalName)}`)),
    person: sources.people.map((p) => normalizeText(p.name)),
  };
}

/** The cache key of a search with an already normalized query. */
export function searchCacheKey(kind: SearchKind, q: string, options: SearchOptions): string {
  return `${kind}|${q}|${options.includeAdult ? 1 : 0}|${options.year ?? ""}|${options.primaryReleaseYear ?? ""}|${options.firstAirDateYear ?? ""}`;
}

/** Every hit of a normalized, non-empty query, ranked. */
export function searchHits(sources: SearchSources, keys: SearchKeys, kind: SearchKind, q: string, options: SearchOptions): SearchHit[] {
  const words = q.split(" ");
  const hits: Array<{ e: SearchHit; tier: number }> = [];
  const tierOf = (name: string) => (name === q ? 0 : name.startsWith(q) ? 1 : 2);
  const matches = (hay: string) => words.every((w) => hay.includes(w));
  if (kind === "multi" || kind === "movie") {
    const year = options.primaryReleaseYear ?? options.year;
    sources.movies.forEach((m, i) => {
      if (m.adult && !options.includeAdult) return;
      if (year !== undefined && !m.releaseDate.startsWith(String(year))) return;
      if (matches(keys.movie[i] as string)) hits.push({ e: m, tier: tierOf(keys.movieTitle[i] as string) });
    });
  }
  if (kind === "multi" || kind === "tv") {
    const year = options.firstAirDateYear ?? options.year;
    sources.tv.forEach((t, i) => {
      if (t.adult && !options.includeAdult) return;
      if (year !== undefined && !t.firstAirDate.startsWith(String(year))) return;
      if (matches(keys.tv[i] as string)) hits.push({ e: t, tier: tierOf(keys.tvTitle[i] as string) });
    });
  }
  if (kind === "multi" || kind === "person") {
    sources.people.forEach((p, i) => {
      const name = keys.person[i] as string;
      if (matches(name)) hits.push({ e: p, tier: tierOf(name) });
    });
  }
  hits.sort((a, b) => a.tier - b.tier || b.e.popularity - a.e.popularity || kindOrder(a.e) - kindOrder(b.e) || a.e.id - b.e.id);
  return hits.map((h) => h.e);
}
