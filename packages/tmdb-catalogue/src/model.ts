// The typed catalogue model. Titles hold what lists, filters and rankings need; heavier
// detail (overviews, videos, providers, seasons' episodes…) is derived lazily from the seed.
import type { Department } from "./data.ts";

export type { Department } from "./data.ts";

export type MediaType = "movie" | "tv";

/** The catalogue's "today": statuses, upcoming releases and air dates are relative to it. */
export const REFERENCE_DATE = "2026-02-01";
/** top_rated lists only titles with at least this many votes. */
export const TOP_RATED_MIN_VOTES = 200;
/** Results per page, as TMDB. */
export const PAGE_SIZE = 20;
/** TMDB caps trending at 1000 pages / 20000 results. */
export const TRENDING_LIMIT = 20_000;
/** similar lists are capped at this many results (TMDB's are long; 20 pages is plenty offline). */
export const SIMILAR_LIMIT = 400;
/** recommendations lists are capped at this many results (2 pages, like typical TMDB answers). */
export const RECOMMENDATIONS_LIMIT = 40;
export const DEFAULT_SIZE = 5000;
export const DEFAULT_SEED = 42;

export interface Genre {
  id: number;
  name: string;
}

export interface Keyword {
  id: number;
  name: string;
}

export interface Person {
  id: number;
  /** position in `catalogue.people` */
  index: number;
  name: string;
  /** TMDB: 0 not set, 1 female, 2 male, 3 non-binary */
  gender: 0 | 1 | 2 | 3;
  knownForDepartment: Department;
  popularity: number;
  profilePath: string | null;
  /** name list the person was drawn from (en, fr, ja, …) */
  nameGroup: string;
  /** real director from vega-datasets' movies.json */
  real: boolean;
}

export interface Company {
  id: number;
  name: string;
  originCountry: string;
  logoPath: string | null;
}

export interface Network {
  id: number;
  name: string;
  originCountry: string;
  logoPath: string | null;
}

export interface Collection {
  id: number;
  name: string;
  posterPath: string;
  backdropPath: string;
}

export interface CatalogueTitleBase {
  mediaType: MediaType;
  /** position in `catalogue.movies` / `catalogue.tv` */
  index: number;
  id: number;
  adult: boolean;
  originalLanguage: string;
  originCountry: string[];
  /** 1–4 genre ids from the matching TMDB genre list */
  genreIds: number[];
  /** 3–8 keyword ids */
  keywordIds: number[];
  popularity: number;
  voteAverage: number;
  voteCount: number;
  /** the details poster (list items may show null, see `listItemLacksPoster`) */
  posterPath: string;
  backdropPath: string;
  /** person ids in billing order */
  castIds: number[];
  /** crew person ids, parallel to crewJobs */
  crewIds: number[];
  /** index into JOBS (data.ts) for each crewIds entry */
  crewJobs: number[];
  companyIds: number[];
  status: string;
  /** US certification (movies: MPAA / tv: TV parental guideline); "" when unknown */
  certification: string;
  /** comes from vega-datasets' real film list */
  real: boolean;
  /** fixed overview / tagline instead of the derived ones (only the opt-in hostile titles, hostile.ts) */
  overview?: string;
  tagline?: string;
}

export interface CatalogueMovie extends CatalogueTitleBase {
  mediaType: "movie";
  title: string;
  originalTitle: string;
  /** "YYYY-MM-DD", or "" for a few unscheduled (status "Planned") titles */
  releaseDate: string;
  runtime: number;
  budget: number;
  revenue: number;
  imdbId: string | null;
  collectionId: number | null;
}

export interface TvSeason {
  seasonNumber: number;
  episodeCount: number;
  airDate: string;
}

export interface EpisodeRef {
  seasonNumber: number;
  episodeNumber: number;
  airDate: string;
}

export interface CatalogueTv extends CatalogueTitleBase {
  mediaType: "tv";
  name: string;
  originalName: string;
  firstAirDate: string;
  lastAirDate: string;
  episodeRunTime: number[];
  /** includes season 0 ("Specials") when present */
  seasons: TvSeason[];
  numberOfSeasons: number;
  numberOfEpisodes: number;
  createdByIds: number[];
  networkIds: number[];
  type: string;
  inProduction: boolean;
  lastEpisode: EpisodeRef;
  nextEpisode: EpisodeRef | null;
}

export type CatalogueTitle = CatalogueMovie | CatalogueTv;

/** Title or release/air date, whichever the type has. */
export function titleName(t: CatalogueTitle): string {
  return t.mediaType === "movie" ? t.title : t.name;
}

export function titleOriginalName(t: CatalogueTitle): string {
  return t.mediaType === "movie" ? t.originalTitle : t.originalName;
}

export function titleDate(t: CatalogueTitle): string {
  return t.mediaType === "movie" ? t.releaseDate : t.firstAirDate;
}

/** A video of a title as TMDB lists it (GET /{movie|tv}/{id}/videos). */
export interface TitleVideo {
  iso_639_1: string;
  iso_3166_1: string;
  name: string;
  key: string;
  site: string;
  size: number;
  type: string;
  official: boolean;
  published_at: string;
  id: string;
}
