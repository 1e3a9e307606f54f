// @movierec/tmdb-catalogue — an offline, TMDB v3-compatible catalogue server with
// deterministic data, fault injection and request counting. See README.md.
export { startCatalogueServer, parsePage } from "./server.ts";
export type { CatalogueServer, CatalogueServerOptions, RequestLogEntry, RequestStats } from "./server.ts";
export { Catalogue, buildCatalogue, normalizeText, parseIdExpression, LIST_POSTER_NULL_RATE, LIST_VOTES_ZERO_RATE } from "./catalogue.ts";
export type {
  BuildCatalogueOptions,
  LackingFields,
  PersonCastCredit,
  PersonCrewCredit,
  SearchHit,
  SearchKind,
  SearchOptions,
  TrendingEntry,
  TrendingMedia,
  TrendingWindow,
} from "./catalogue.ts";
export { FaultInjector, FaultValidationError, SlidingWindowRateLimiter, parseFaults, FAULT_ORDER, TMDB_ERRORS, WRONG_SHAPE_BODY } from "./faults.ts";
export type { Faults, FaultAction, FaultDecision } from "./faults.ts";
export {
  DEFAULT_SEED,
  DEFAULT_SIZE,
  PAGE_SIZE,
  RECOMMENDATIONS_LIMIT,
  REFERENCE_DATE,
  SIMILAR_LIMIT,
  TOP_RATED_MIN_VOTES,
  TRENDING_LIMIT,
  titleDate,
  titleName,
  titleOriginalName,
} from "./model.ts";
export type {
  CatalogueMovie,
  CatalogueTitle,
  CatalogueTitleBase,
  CatalogueTv,
  Collection,
  Company,
  Department,
  EpisodeRef,
  Genre,
  Keyword,
  MediaType,
  Network,
  Person,
  TvSeason,
} from "./model.ts";
export { HOSTILE_CANARY, HOSTILE_TITLES, appendHostileTitles } from "./hostile.ts";
export type { HostileTitleSpec } from "./hostile.ts";
export { MOVIE_GENRES, TV_GENRES, JOBS } from "./data.ts";
export { mulberry32 } from "./random.ts";
