// TMDB discover's filters over the catalogue: each query parameter the catalogue honours, as a
// predicate on a title (catalogue.ts's `discover` applies them all, then sorts).
import type { CatalogueTitle, CatalogueTv, MediaType } from "./model.ts";
import { titleDate } from "./model.ts";

type Predicate = (t: CatalogueTitle) => boolean;

const CERT_ORDER = ["G", "PG", "PG-13", "R", "NC-17"];
const TV_STATUS_CODES: Readonly<Record<string, string>> = {
  "0": "Returning Series",
  "1": "Planned",
  "2": "In Production",
  "3": "Ended",
  "4": "Canceled",
  "5": "Pilot",
};
const TV_TYPE_CODES: Readonly<Record<string, string>> = {
  "0": "Documentary",
  "1": "News",
  "2": "Miniseries",
  "3": "Reality",
  "4": "Scripted",
  "5": "Talk Show",
  "6": "Video",
};
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** "28,12" = AND, "28|12" = OR; a mix is an AND of OR-groups. */
export function parseIdExpression(raw: string | null): number[][] | undefined {
  if (raw === null || raw.trim() === "") return undefined;
  const groups = raw
    .split(",")
    .map((g) =>
      g
        .split("|")
        .map((x) => Number(x.trim()))
        .filter((n) => Number.isInteger(n)),
    )
    .filter((g) => g.length > 0);
  return groups.length > 0 ? groups : undefined;
}

function numParam(params: URLSearchParams, name: string): number | undefined {
  const raw = params.get(name);
  if (raw === null || raw.trim() === "") return undefined;
  const n = Number(raw);
  return Number.isFinite(n) ? n : undefined;
}

function dateParam(params: URLSearchParams, name: string): string | undefined {
  const raw = params.get(name);
  return raw !== null && DATE_RE.test(raw.trim()) ? raw.trim() : undefined;
}

function yearParam(params: URLSearchParams, name: string): string | undefined {
  const raw = params.get(name);
  return raw !== null && /^\d{4}$/.test(raw.trim()) ? raw.trim() : undefined;
}

/** Adult, ids (genres, keywords, companies, people, networks), TV status and type, languages, countries. */
function idAndTextPredicates(type: MediaType, params: URLSearchParams): Predicate[] {
  const preds: Predicate[] = [];
  if (params.get("include_adult") !== "true") preds.push((t) => !t.adult);

  const anyOf = (groups: number[][], values: readonly number[]) => groups.every((g) => g.some((id) => values.includes(id)));
  const withGenres = parseIdExpression(params.get("with_genres"));
  if (withGenres) preds.push((t) => anyOf(withGenres, t.genreIds));
  const withoutGenres = parseIdExpression(params.get("without_genres"))?.flat();
  if (withoutGenres) preds.push((t) => !t.genreIds.some((g) => withoutGenres.includes(g)));
  const withKeywords = parseIdExpression(params.get("with_keywords"));
  if (withKeywords) preds.push((t) => anyOf(withKeywords, t.keywordIds));
  const withoutKeywords = parseIdExpression(params.get("without_keywords"))?.flat();
  if (withoutKeywords) preds.push((t) => !t.keywordIds.some((k) => withoutKeywords.includes(k)));
  const withCompanies = parseIdExpression(params.get("with_companies"));
  if (withCompanies) preds.push((t) => anyOf(withCompanies, t.companyIds));
  if (type === "movie") {
    const withCast = parseIdExpression(params.get("with_cast"));
    if (withCast) preds.push((t) => anyOf(withCast, t.castIds));
    const withCrew = parseIdExpression(params.get("with_crew"));
    if (withCrew) preds.push((t) => anyOf(withCrew, t.crewIds));
    const withPeople = parseIdExpression(params.get("with_people"));
    if (withPeople) preds.push((t) => withPeople.every((g) => g.some((id) => t.castIds.includes(id) || t.crewIds.includes(id))));
  } else {
    const withNetworks = parseIdExpression(params.get("with_networks"));
    if (withNetworks) preds.push((t) => anyOf(withNetworks, (t as CatalogueTv).networkIds));
    const statuses = params
      .get("with_status")
      ?.split(/[|,]/)
      .map((s) => TV_STATUS_CODES[s.trim()])
      .filter((s): s is string => s !== undefined);
    if (statuses && statuses.length > 0) preds.push((t) => statuses.includes(t.status));
    const types = params
      .get("with_type")
      ?.split(/[|,]/)
      .map((s) => TV_TYPE_CODES[s.trim()])
      .filter((s): s is string => s !== undefined);
    if (types && types.length > 0) preds.push((t) => types.includes((t as CatalogueTv).type));
  }
  const langs = params
    .get("with_original_language")
    ?.split(/[|,]/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (langs && langs.length > 0) preds.push((t) => langs.includes(t.originalLanguage));
  const countries = params
    .get("with_origin_country")
    ?.split(/[|,]/)
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
  if (countries && countries.length > 0) preds.push((t) => t.originCountry.some((c) => countries.includes(c)));
  return preds;
}

/** Release and air dates, years. */
function datePredicates(type: MediaType, params: URLSearchParams): Predicate[] {
  const preds: Predicate[] = [];
  // dates
  const gte =
    type === "movie" ? (dateParam(params, "primary_release_date.gte") ?? dateParam(params, "release_date.gte")) : dateParam(params, "first_air_date.gte");
  const lte =
    type === "movie" ? (dateParam(params, "primary_release_date.lte") ?? dateParam(params, "release_date.lte")) : dateParam(params, "first_air_date.lte");
  const year = type === "movie" ? (yearParam(params, "primary_release_year") ?? yearParam(params, "year")) : yearParam(params, "first_air_date_year");
  if (gte) preds.push((t) => titleDate(t) !== "" && titleDate(t) >= gte);
  if (lte) preds.push((t) => titleDate(t) !== "" && titleDate(t) <= lte);
  if (year) preds.push((t) => titleDate(t).startsWith(year));
  if (type === "tv") {
    const airGte = dateParam(params, "air_date.gte");
    const airLte = dateParam(params, "air_date.lte");
    if (airGte) preds.push((t) => (t as CatalogueTv).lastAirDate >= airGte);
    if (airLte) preds.push((t) => (t as CatalogueTv).firstAirDate <= airLte);
  }
  return preds;
}

/** Votes, runtime, certification. */
function numberPredicates(type: MediaType, params: URLSearchParams): Predicate[] {
  const preds: Predicate[] = [];
  // numbers
  const vaGte = numParam(params, "vote_average.gte");
  const vaLte = numParam(params, "vote_average.lte");
  const vcGte = numParam(params, "vote_count.gte");
  const vcLte = numParam(params, "vote_count.lte");
  if (vaGte !== undefined) preds.push((t) => t.voteAverage >= vaGte);
  if (vaLte !== undefined) preds.push((t) => t.voteAverage <= vaLte);
  if (vcGte !== undefined) preds.push((t) => t.voteCount >= vcGte);
  if (vcLte !== undefined) preds.push((t) => t.voteCount <= vcLte);
  const rtGte = numParam(params, "with_runtime.gte");
  const rtLte = numParam(params, "with_runtime.lte");
  if (rtGte !== undefined || rtLte !== undefined) {
    preds.push((t) => {
      const rt = t.mediaType === "movie" ? t.runtime : t.episodeRunTime[0];
      if (rt === undefined) return false;
      return (rtGte === undefined || rt >= rtGte) && (rtLte === undefined || rt <= rtLte);
    });
  }
  if (type === "movie") {
    const cert = params.get("certification");
    const certLte = CERT_ORDER.indexOf(params.get("certification.lte") ?? "");
    const certGte = CERT_ORDER.indexOf(params.get("certification.gte") ?? "");
    if (cert) {
      const allowed = cert.split("|");
      preds.push((t) => allowed.includes(t.certification));
    }
    if (certLte >= 0) preds.push((t) => CERT_ORDER.indexOf(t.certification) >= 0 && CERT_ORDER.indexOf(t.certification) <= certLte);
    if (certGte >= 0) preds.push((t) => CERT_ORDER.indexOf(t.certification) >= certGte);
  }
  return preds;
}

/** Every discover filter the query asks for, as predicates a title must all pass. */
export function discoverPredicates(type: MediaType, params: URLSearchParams): Predicate[] {
  return [...idAndTextPredicates(type, params), ...datePredicates(type, params), ...numberPredicates(type, params)];
}
