// TMDB v3 JSON shapes (see docs/tmdb.md). Heavier per-title content — overviews,
// taglines, credits' characters, videos, providers, episodes — is derived here on demand from
// the catalogue seed, so it costs nothing until a route asks for it. One kind of body per file:
//   tmdb/json.ts                JSON types and the paged-list envelope
//   tmdb/text.ts                overviews, taglines, homepages
//   tmdb/list-items.ts          titles and people as list items
//   tmdb/details.ts             movie and tv details (seasons, episodes)
//   tmdb/credits.ts             cast and crew, tv's aggregate credits
//   tmdb/title-subresources.ts  keywords, videos, watch providers, external ids, release dates, content ratings
//   tmdb/people.ts              person details and credits
//   tmdb/configuration.ts       /configuration, genre lists, what an image depicts
export { pageOf } from "./tmdb/json.ts";
export type { Json, JsonObject, Paged } from "./tmdb/json.ts";
export { homepageOf, overviewOf, taglineOf } from "./tmdb/text.ts";
export { anyListItem, movieListItem, personListItem, titleListItem, tvListItem } from "./tmdb/list-items.ts";
export { episodeId, movieDetails, tvDetails } from "./tmdb/details.ts";
export { aggregateCreditsOf, creditsOf } from "./tmdb/credits.ts";
export type { CreditsBody } from "./tmdb/credits.ts";
export {
  contentRatingsBody,
  externalIdsBody,
  keywordsBody,
  keywordsOf,
  releaseDatesBody,
  translationsBody,
  videosBody,
  watchProviderListBody,
  watchProvidersBody,
  watchRegionsBody,
} from "./tmdb/title-subresources.ts";
export { personCreditsBody, personDetails } from "./tmdb/people.ts";
export { configurationBody, genreListBody, imageSubject } from "./tmdb/configuration.ts";
