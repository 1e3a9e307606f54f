// A movie's attributes before its cast, crew and keywords are drawn (movies.ts does that): a real
// film's come from movies.json, a synthetic one's are drawn, either as an original or as a sequel of
// an earlier synthetic movie. Every draw comes from the movie's own PRNG, in a fixed order.
import * as D from "../data.ts";
import type { CatalogueMovie, Company } from "../model.ts";
import type { Rng } from "../random.ts";
import { DAY_MS, REF_MS, clamp, dateMs, isoDate } from "./common.ts";
import { personIndexOf } from "./people.ts";
import { type Ctx, pickCompanies, pickDirector, pickGenres } from "./picks.ts";
import { movieCertification, syntheticPopularity, syntheticRating, syntheticVotes } from "./popularity-and-ratings.ts";
import { type RealFilm, mapRealGenres, realKeywords } from "./real-films.ts";
import { nativeTitle, synthTitle } from "./title-names.ts";

interface SequelInfo {
  stem: string;
  collectionId: number;
  count: number;
}

/** What the movie loop shares across movies. */
export interface MovieRun {
  ctx: Ctx;
  /** the real films, one per movie index from 0 */
  real: readonly RealFilm[];
  /** the movies made so far (a sequel continues one of them) */
  movies: CatalogueMovie[];
  sequelOf: Map<number, SequelInfo>; // collection id -> info
  newCollection: (name: string) => number;
  realDirectorIndex: Map<string, number>;
  companyByName: Map<string, number>;
  genreWeights: ReadonlyArray<readonly [number, number]>;
  langWeights: ReadonlyArray<readonly [D.LanguageEntry, number]>;
}

/** A movie's attributes; people are person indexes (not ids) here. */
export interface MovieAttributes {
  title: string;
  originalTitle: string;
  releaseDate: string;
  genreIds: number[];
  lang: D.LanguageEntry;
  country: string;
  popularity: number;
  voteCount: number;
  voteAverage: number;
  runtime: number;
  budget: number;
  revenue: number;
  certification: string;
  status: string;
  adult: boolean;
  /** null: a real film movies.json names no director for */
  director: number | null;
  secondDirector: boolean;
  forcedCast: number[];
  companyIds: number[];
  extraKeywords: string[];
  collectionId: number | null;
}

/** The attributes a synthetic movie has before its release status and numbers are drawn. */
type MovieStart = Pick<
  MovieAttributes,
  | "title"
  | "originalTitle"
  | "releaseDate"
  | "status"
  | "genreIds"
  | "lang"
  | "country"
  | "popularity"
  | "director"
  | "forcedCast"
  | "companyIds"
  | "collectionId"
>;

export function realMovieAttributes(run: MovieRun, rng: Rng, film: RealFilm): MovieAttributes {
  const { ctx } = run;
  // Only what movies.json says (README.md, "Real films first"): its genres, director,
  // runtime, rating, budget, gross and distributor. What it lacks stays empty (no cast, overview or
  // IMDb id is invented for a real film); language and country are read from the distributor, and
  // popularity (a TMDB measure, not a fact about the film) from the votes.
  const genreIds = mapRealGenres(film);
  const hindi = film.distributor === "Yash Raj Films" || film.distributor === "Eros Entertainment";
  const lang = (hindi ? D.LANGUAGES.find((l) => l.code === "hi") : D.LANGUAGES[0]) as D.LanguageEntry;
  const country = hindi ? "IN" : "US";
  const year = Number(film.releaseDate.slice(0, 4));
  const voteCount = film.imdbRating !== null && film.imdbVotes !== null ? Math.max(1, Math.round(film.imdbVotes / 25)) : 0;
  const voteAverage = voteCount > 0 ? (film.imdbRating as number) : 0;
  const popularity = 0.6 + Math.pow(voteCount / 25, 0.87) * rng.logNormal(0.5) * (year >= 2005 ? 1.2 : year >= 1990 ? 1 : 0.7);
  const certification = film.mpaa === null ? "" : ["R", "PG-13", "PG", "G", "NC-17"].includes(film.mpaa) ? film.mpaa : "NR";
  const director = film.director ? (run.realDirectorIndex.get(film.director) ?? null) : null;
  const companyIdx = film.distributor ? run.companyByName.get(film.distributor) : undefined;
  return {
    title: film.title,
    originalTitle: film.title,
    releaseDate: film.releaseDate,
    genreIds,
    lang,
    country,
    popularity,
    voteCount,
    voteAverage,
    runtime: film.runtime ?? 0,
    budget: film.budget ?? 0,
    revenue: film.gross ?? 0,
    certification,
    status: "Released",
    adult: false,
    director,
    secondDirector: false,
    forcedCast: [],
    companyIds: companyIdx !== undefined ? [(ctx.companies[companyIdx] as Company).id] : [],
    extraKeywords: realKeywords(film),
    collectionId: null,
  };
}

/** A synthetic movie; maybe a sequel of an earlier synthetic one. */
export function syntheticMovieAttributes(run: MovieRun, rng: Rng, i: number): MovieAttributes {
  const base = sequelBase(run, rng, i);
  const adult = !base && rng.chance(0.01);
  const start = base ? sequelStart(run, rng, base) : originalStart(run, rng, adult);
  return drawSyntheticNumbers(rng, start, adult);
}

/** Now and then (4%) an earlier released, non-adult synthetic movie up to 2021 gets a sequel. */
function sequelBase(run: MovieRun, rng: Rng, i: number): CatalogueMovie | undefined {
  const realCount = run.real.length;
  let base: CatalogueMovie | undefined;
  if (i - realCount > 50 && rng.chance(0.04)) {
    const candidate = run.movies[i - 1 - rng.int(0, Math.min(400, i - realCount - 1))];
    if (candidate && !candidate.real && candidate.status === "Released" && !candidate.adult && Number(candidate.releaseDate.slice(0, 4)) <= 2021)
      base = candidate;
  }
  return base;
}

/** A sequel: same collection (made on the first sequel), genres, language, companies; often the same director and leads. */
function sequelStart(run: MovieRun, rng: Rng, base: CatalogueMovie): MovieStart {
  const { ctx } = run;
  let info = base.collectionId !== null ? run.sequelOf.get(base.collectionId) : undefined;
  if (!info) {
    info = { stem: base.title, collectionId: run.newCollection(`${base.title} Collection`), count: 1 };
    run.sequelOf.set(info.collectionId, info);
    base.collectionId = info.collectionId;
  }
  info.count += 1;
  const title = rng.chance(0.5) ? `${info.stem} ${info.count}` : `${info.stem}: ${rng.pick(D.SUBTITLES)}`;
  const lang = D.LANGUAGES.find((l) => l.code === base.originalLanguage) as D.LanguageEntry;
  const year = Math.min(2025, Number(base.releaseDate.slice(0, 4)) + rng.int(2, 4));
  const releaseDate = isoDate(Date.UTC(year, 0, 1) + rng.int(0, 364) * DAY_MS);
  const popularity = syntheticPopularity(rng) * 1.5;
  const baseDirector = base.crewIds[base.crewJobs.indexOf(D.JOB_DIRECTOR)];
  const director = baseDirector !== undefined && rng.chance(0.5) ? personIndexOf(ctx.people, baseDirector) : pickDirector(ctx, rng, lang.nameGroup, popularity);
  const forcedCast = base.castIds
    .slice(0, 2)
    .filter(() => rng.chance(0.7))
    .map((pid) => personIndexOf(ctx.people, pid));
  return {
    title,
    originalTitle: lang.code === "en" ? title : `${base.originalTitle} ${info.count}`,
    releaseDate,
    status: "Released",
    genreIds: [...base.genreIds],
    lang,
    country: base.originCountry[0] ?? "US",
    popularity,
    director,
    forcedCast,
    companyIds: [...base.companyIds],
    collectionId: info.collectionId,
  };
}

/** An original: drawn genres (adult ones are drama/romance), language, country, title, release date, director, companies. */
function originalStart(run: MovieRun, rng: Rng, adult: boolean): MovieStart {
  const { ctx } = run;
  let genreIds = pickGenres(rng, D.MOVIE_GENRE_MODEL, run.genreWeights, adult ? rng.int(1, 2) : rng.weighted(D.GENRE_COUNT_WEIGHTS));
  if (adult) genreIds = [18, 10749].slice(0, genreIds.length);
  const lang = rng.weighted(run.langWeights);
  const country = rng.weighted(lang.countries);
  const title = synthTitle(rng, genreIds, "movie");
  const originalTitle = lang.code === "en" ? title : nativeTitle(rng, lang.code, title);
  const { releaseDate, status } = originalRelease(rng);
  const popularity = syntheticPopularity(rng);
  const director = pickDirector(ctx, rng, lang.nameGroup, popularity);
  const companyIds = pickCompanies(ctx, rng, country, rng.int(1, 3));
  return { title, originalTitle, releaseDate, status, genreIds, lang, country, popularity, director, forcedCast: [], companyIds, collectionId: null };
}

/** Mostly recent years (quadratic towards 2025), 3% upcoming in 2026, 0.5% planned without a date. */
function originalRelease(rng: Rng): { releaseDate: string; status: string } {
  const r = rng.float();
  if (r < 0.005) return { releaseDate: "", status: "Planned" };
  if (r < 0.035) return { releaseDate: isoDate(Date.UTC(2026, 0, 5) + rng.int(0, 350) * DAY_MS), status: "Released" };
  const year = 2025 - Math.floor(95 * Math.pow(rng.float(), 2));
  return { releaseDate: isoDate(Date.UTC(year, 0, 1) + rng.int(0, 364) * DAY_MS), status: "Released" };
}

/** Status of unreleased movies, popularity by era, votes, rating, runtime, budget and revenue, certification. */
function drawSyntheticNumbers(rng: Rng, start: MovieStart, adult: boolean): MovieAttributes {
  const { releaseDate, genreIds, lang, country } = start;
  let { status, popularity } = start;
  const year = releaseDate ? Number(releaseDate.slice(0, 4)) : 2027;
  if (releaseDate && dateMs(releaseDate) > REF_MS)
    status = rng.weighted([
      ["Post Production", 55],
      ["In Production", 30],
      ["Planned", 15],
    ]);
  const released = status === "Released";
  if (year < 1970) popularity *= 0.55;
  else if (year < 1990) popularity *= 0.8;
  else if (year >= 2025) popularity *= 1.4;
  const daysSince = releaseDate ? (REF_MS - dateMs(releaseDate)) / DAY_MS : -1;
  const voteCount = syntheticVotes(rng, popularity, released, daysSince);
  const voteAverage = syntheticRating(rng, voteCount, genreIds);
  const runtime = !released && rng.chance(0.6) ? 0 : Math.round(clamp(rng.normal(typicalRuntime(genreIds[0] ?? 18), 14), 62, 210));
  let budget = 0;
  let revenue = 0;
  if (released && rng.chance(lang.code === "en" ? 0.5 : 0.25)) {
    budget = Math.round(Math.pow(10, 6 + 1.5 * rng.float() + Math.log10(popularity + 1) * 0.35) / 1e5) * 1e5;
    revenue = rng.chance(0.8) ? Math.round(budget * 1.8 * rng.logNormal(0.9)) : 0;
  }
  const certification = released || rng.chance(0.3) ? movieCertification(rng, genreIds, adult, country) : "";
  const secondDirector = rng.chance(0.07);
  return { ...start, status, popularity, voteCount, voteAverage, runtime, budget, revenue, certification, adult, secondDirector, extraKeywords: [] };
}

/** Typical runtime in minutes by primary genre. */
function typicalRuntime(primary: number): number {
  if (primary === 16) return 92;
  if (primary === 99) return 95;
  if (primary === 10770) return 88;
  if (primary === 28) return 115;
  if (primary === 12) return 118;
  if (primary === 36 || primary === 10752) return 126;
  return 104;
}
