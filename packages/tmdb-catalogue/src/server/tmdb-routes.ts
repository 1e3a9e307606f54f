// TMDB v3's routes under /3, answered from the catalogue in TMDB's own shapes (tmdb.ts): titles
// and their sub-resources and appends, people, lists, trending, discover, search, configuration,
// watch providers and their regions.
import type { Catalogue, SearchKind, TrendingMedia, TrendingWindow } from "../catalogue.ts";
import { TMDB_ERRORS } from "../faults.ts";
import type { CatalogueTitle, MediaType } from "../model.ts";
import * as T from "../tmdb.ts";
import type { JsonObject } from "../tmdb.ts";
import { NOT_FOUND, ok, parsePage, type RouteResult, tmdbError } from "./responses.ts";

const ID_RE = /^(\d+)(?:-[A-Za-z0-9-]*)?$/;
const MAX_APPENDS = 20;

function paged<E>(items: readonly E[], params: URLSearchParams, serialise: (e: E) => JsonObject, emptyPages = 1): RouteResult {
  const page = parsePage(params);
  if (page === undefined) return tmdbError(TMDB_ERRORS.invalidPage);
  return ok(T.pageOf(items, page, serialise, emptyPages) as unknown as JsonObject);
}

function subListPage(catalogue: Catalogue, t: CatalogueTitle, kind: "similar" | "recommendations", page: number): JsonObject {
  const items = kind === "similar" ? catalogue.similar(t) : catalogue.recommendations(t);
  return T.pageOf(items, page, (x) => T.titleListItem(catalogue, x, kind === "recommendations"), 0) as unknown as JsonObject;
}

/** Body of a title sub-resource, without `id` (as appended); undefined if unsupported. */
function subResource(catalogue: Catalogue, t: CatalogueTitle, name: string): JsonObject | undefined {
  switch (name) {
    case "credits":
      return T.creditsOf(catalogue, t) as unknown as JsonObject;
    case "aggregate_credits":
      return t.mediaType === "tv" ? (T.aggregateCreditsOf(catalogue, t) as unknown as JsonObject) : undefined;
    case "keywords":
      return T.keywordsBody(catalogue, t);
    case "videos":
      return T.videosBody(catalogue, t);
    case "similar":
    case "recommendations":
      return subListPage(catalogue, t, name, 1);
    case "watch/providers":
      return T.watchProvidersBody(catalogue, t);
    case "external_ids":
      return T.externalIdsBody(catalogue, t);
    case "translations":
      return T.translationsBody(catalogue, t);
    case "release_dates":
      return t.mediaType === "movie" ? T.releaseDatesBody(catalogue, t) : undefined;
    case "content_ratings":
      return t.mediaType === "tv" ? T.contentRatingsBody(t) : undefined;
    default:
      return undefined;
  }
}

function parseAppends(params: URLSearchParams): string[] | "tooMany" {
  const raw = params.get("append_to_response");
  if (raw === null) return [];
  const names = raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length > MAX_APPENDS) return "tooMany";
  return [...new Set(names)];
}

function titleRoute(catalogue: Catalogue, type: MediaType, rest: string[], params: URLSearchParams): RouteResult {
  const [first, ...sub] = rest;
  if (first === undefined) return NOT_FOUND();
  if (sub.length === 0 && first === "popular") return paged(catalogue.popular(type), params, (t) => T.titleListItem(catalogue, t, false));
  if (sub.length === 0 && first === "top_rated") return paged(catalogue.topRated(type), params, (t) => T.titleListItem(catalogue, t, false));
  const m = ID_RE.exec(first);
  if (!m) return NOT_FOUND();
  const t = catalogue.title(type, Number(m[1]));
  if (!t) return NOT_FOUND();
  if (sub.length === 0) {
    const appends = parseAppends(params);
    if (appends === "tooMany") return tmdbError(TMDB_ERRORS.tooManyAppends);
    const body = t.mediaType === "movie" ? T.movieDetails(catalogue, t) : T.tvDetails(catalogue, t);
    for (const name of appends) {
      const extra = subResource(catalogue, t, name);
      if (extra !== undefined) body[name] = extra;
    }
    return ok(body);
  }
  const name = sub.join("/");
  if (name === "similar" || name === "recommendations") {
    const page = parsePage(params);
    if (page === undefined) return tmdbError(TMDB_ERRORS.invalidPage);
    return ok(subListPage(catalogue, t, name, page));
  }
  const body = subResource(catalogue, t, name);
  if (body === undefined) return NOT_FOUND();
  return ok({ id: t.id, ...body });
}

function personRoute(catalogue: Catalogue, rest: string[], params: URLSearchParams): RouteResult {
  const [first, ...sub] = rest;
  if (first === undefined) return NOT_FOUND();
  if (first === "popular" && sub.length === 0) return paged(catalogue.popularPeople(), params, (p) => T.personListItem(catalogue, p, false));
  const m = ID_RE.exec(first);
  const p = m ? catalogue.person(Number(m[1])) : undefined;
  if (!p) return NOT_FOUND();
  const credits: Record<string, MediaType | "all"> = { combined_credits: "all", movie_credits: "movie", tv_credits: "tv" };
  if (sub.length === 0) {
    const appends = parseAppends(params);
    if (appends === "tooMany") return tmdbError(TMDB_ERRORS.tooManyAppends);
    const body = T.personDetails(catalogue, p);
    for (const name of appends) {
      const media = credits[name];
      if (media) body[name] = T.personCreditsBody(catalogue, p, media);
    }
    return ok(body);
  }
  const media = sub.length === 1 ? credits[sub[0] as string] : undefined;
  if (!media) return NOT_FOUND();
  return ok({ ...T.personCreditsBody(catalogue, p, media), id: p.id });
}

function searchRoute(catalogue: Catalogue, kind: SearchKind, params: URLSearchParams): RouteResult {
  const page = parsePage(params);
  if (page === undefined) return tmdbError(TMDB_ERRORS.invalidPage);
  const query = params.get("query") ?? "";
  const year = (name: string) => {
    const v = params.get(name);
    return v !== null && /^\d{4}$/.test(v) ? Number(v) : undefined;
  };
  if (query.trim() === "") return ok({ page: 1, results: [], total_pages: 1, total_results: 0 });
  const hits = catalogue.search(kind, query, {
    includeAdult: params.get("include_adult") === "true",
    year: year("year"),
    primaryReleaseYear: year("primary_release_year"),
    firstAirDateYear: year("first_air_date_year"),
  });
  return ok(T.pageOf(hits, page, (h) => T.anyListItem(catalogue, h, kind === "multi"), 1) as unknown as JsonObject);
}

/** Each title by the IMDb id its external ids give it, built once per catalogue. */
const imdbIndexes = new WeakMap<Catalogue, Map<string, CatalogueTitle>>();

function imdbIndex(catalogue: Catalogue): Map<string, CatalogueTitle> {
  let index = imdbIndexes.get(catalogue);
  if (!index) {
    index = new Map();
    for (const title of [...catalogue.movies, ...catalogue.tv]) {
      const imdbId = T.externalIdsBody(catalogue, title).imdb_id;
      if (typeof imdbId === "string" && !index.has(imdbId)) index.set(imdbId, title);
    }
    imdbIndexes.set(catalogue, index);
  }
  return index;
}

/** GET /find/{external_id}?external_source=imdb_id: the title with that IMDb id, as TMDB answers. */
function findRoute(catalogue: Catalogue, externalId: string, params: URLSearchParams): RouteResult {
  const empty = { movie_results: [], person_results: [], tv_results: [], tv_episode_results: [], tv_season_results: [] };
  if (params.get("external_source") !== "imdb_id") return ok(empty);
  const title = imdbIndex(catalogue).get(externalId);
  if (!title || (title.adult && params.get("include_adult") !== "true")) return ok(empty);
  const item = T.titleListItem(catalogue, title, true);
  return ok({ ...empty, ...(title.mediaType === "movie" ? { movie_results: [item] } : { tv_results: [item] }) });
}

/**
 * TMDB v3's routes over the catalogue: `segs` is the path after /3 split on "/". `imageBase` is
 * what /configuration tells clients to put before image paths.
 */
export function tmdbRoute(catalogue: Catalogue, segs: string[], params: URLSearchParams, imageBase: () => string): RouteResult {
  const [a, b, c, ...more] = segs;
  switch (a) {
    case "configuration": {
      if (segs.length !== 1) return NOT_FOUND();
      return ok(T.configurationBody(imageBase()));
    }
    case "genre":
      if ((b === "movie" || b === "tv") && c === "list" && more.length === 0) return ok(T.genreListBody(catalogue, b, params.get("language")));
      return NOT_FOUND();
    case "movie":
    case "tv":
      return titleRoute(catalogue, a, segs.slice(1), params);
    case "trending": {
      if (more.length > 0 || !(b === "all" || b === "movie" || b === "tv" || b === "person") || !(c === "day" || c === "week")) return NOT_FOUND();
      return paged(catalogue.trending(b as TrendingMedia, c as TrendingWindow), params, (e) => T.anyListItem(catalogue, e, true));
    }
    case "discover":
      if ((b === "movie" || b === "tv") && c === undefined) {
        const page = parsePage(params);
        if (page === undefined) return tmdbError(TMDB_ERRORS.invalidPage);
        return ok(T.pageOf(catalogue.discover(b, params), page, (t) => T.titleListItem(catalogue, t, false), 1) as unknown as JsonObject);
      }
      return NOT_FOUND();
    case "search":
      if ((b === "multi" || b === "movie" || b === "tv" || b === "person") && c === undefined) return searchRoute(catalogue, b, params);
      return NOT_FOUND();
    case "person":
      return personRoute(catalogue, segs.slice(1), params);
    case "watch":
      if (b !== "providers" || more.length > 0) return NOT_FOUND();
      if (c === "regions") return ok(T.watchRegionsBody());
      if (c === "movie" || c === "tv") return ok(T.watchProviderListBody(params.get("watch_region")));
      return NOT_FOUND();
    case "find":
      if (b && c === undefined) return findRoute(catalogue, b, params);
      return NOT_FOUND();
    default:
      return NOT_FOUND();
  }
}
