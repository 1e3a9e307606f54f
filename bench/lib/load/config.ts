// The workload of bench/load.ts: its sizes (LOAD_* environment variables), the GraphQL operations a
// simulated user sends, how often each is picked, and the state a simulated user keeps of its own
// actions (what its answers are checked against).
import { mediaKey } from "../../../apps/api/src/modules/media/media-key.ts";
import type { CrowdTitle } from "../crowd.ts";

export const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
export const USERS = Number(process.env.LOAD_USERS ?? 50);
export const TITLES = Number(process.env.LOAD_TITLES ?? 20_000);
export const STALE = Number(process.env.LOAD_STALE ?? 3_000);
export const CROWD = Number(process.env.LOAD_CROWD ?? 1_000);
export const THINK_MS = 200;
/** Lists are kept under one page (50) so a whole list can be compared with the expected state. */
export const LIST_CAP = 45;

export const Q = {
  recommendations: `query Recommendations($after: String, $filter: RecommendationFilter) { recommendations(first: 20, after: $after, filter: $filter) { coldStart edges { node { score reasons { kind text } media { id title year posterUrl genres { name } isFavourite inWatchlist } } } pageInfo { hasNextPage endCursor } } }`,
  browse: `query Browse($filter: BrowseFilter!, $sort: BrowseSort, $after: String) { browse(filter: $filter, sort: $sort, first: 20, after: $after) { edges { node { id title year posterUrl voteAverage genres { name } isFavourite inWatchlist } } pageInfo { hasNextPage endCursor } } }`,
  searchMedia: `query Search($query: String!, $after: String) { searchMedia(query: $query, first: 20, after: $after) { edges { node { id title year type posterUrl isFavourite } } pageInfo { hasNextPage endCursor } } }`,
  media: `query Title($type: MediaType!, $tmdbId: Int!) { media(type: $type, tmdbId: $tmdbId) { id title originalTitle overview tagline year releaseDate runtime voteAverage voteCount posterUrl backdropUrl genres { id name } cast(first: 10) { id name profileUrl } directors { id name } isFavourite inWatchlist isDismissed watchedAt similar(first: 12) { id title year posterUrl } } }`,
  favourites: `query Favourites($after: String) { favourites(first: 50, after: $after) { edges { addedAt node { id title posterUrl } } pageInfo { hasNextPage endCursor } } }`,
  watchlist: `query Watchlist($watched: Boolean) { watchlist(first: 50, watched: $watched) { edges { addedAt watchedAt node { id title posterUrl } } pageInfo { hasNextPage endCursor } } }`,
  addFavourite: `mutation AddFavourite($media: MediaRefInput!) { addFavourite(media: $media) { id isFavourite } }`,
  removeFavourite: `mutation RemoveFavourite($media: MediaRefInput!) { removeFavourite(media: $media) { id isFavourite } }`,
  addToWatchlist: `mutation AddToWatchlist($media: MediaRefInput!) { addToWatchlist(media: $media) { id inWatchlist } }`,
  markWatched: `mutation MarkWatched($media: MediaRefInput!) { markWatched(media: $media) { id inWatchlist watchedAt } }`,
  dismiss: `mutation Dismiss($media: MediaRefInput!) { dismiss(media: $media) { id isDismissed } }`,
  undoDismiss: `mutation UndoDismiss($media: MediaRefInput!) { undoDismiss(media: $media) { id isDismissed } }`,
  updatePreferences: `mutation UpdatePreferences($input: UpdatePreferencesInput!) { updatePreferences(input: $input) { likedGenreIds minRating yearFrom yearTo } }`,
} as const;
export type Operation = keyof typeof Q;

/** How often each action is picked (relative weights). */
export const MIX: Array<[Operation, number]> = [
  ["recommendations", 30],
  ["browse", 15],
  ["searchMedia", 10],
  ["media", 14],
  ["favourites", 5],
  ["watchlist", 4],
  ["addFavourite", 6],
  ["removeFavourite", 3],
  ["addToWatchlist", 4],
  ["markWatched", 2],
  ["dismiss", 3],
  ["undoDismiss", 1],
  ["updatePreferences", 3],
];
export const MIX_TOTAL = MIX.reduce((sum, [, weight]) => sum + weight, 0);

export const idOf = (title: CrowdTitle) => mediaKey(title);
export const refOf = (title: CrowdTitle) => ({ type: title.mediaType, tmdbId: title.tmdbId });

export interface SimUser {
  index: number;
  id: string;
  token: string;
  taste: readonly number[];
  /** Favourites, oldest first (the API lists newest first); `seeded` ones share one createdAt. */
  favourites: Map<string, { title: CrowdTitle; seeded: boolean }>;
  watchlist: Map<string, { title: CrowdTitle; watched: boolean }>;
  dismissed: Map<string, CrowdTitle>;
  random: () => number;
}

export interface OpStats {
  clientMs: number[];
  serverMs: number[];
  errors: number;
}
