// Every operation the browser sends, with the shapes it reads back.
import { gql } from "@apollo/client";

export type MediaType = "MOVIE" | "TV";

export interface MediaCard {
  __typename?: "Media";
  id: string;
  type: MediaType;
  tmdbId: number;
  title: string;
  year: number | null;
  posterUrl: string | null;
  voteAverage: number | null;
  isFavourite: boolean;
  inWatchlist: boolean;
  watchedAt: string | null;
  isDismissed: boolean;
}

export interface Genre {
  id: number;
  name: string;
}

export interface Person {
  id: number;
  name: string;
  profileUrl: string | null;
}

export interface MediaDetails extends MediaCard {
  overview: string;
  tagline: string | null;
  releaseDate: string | null;
  runtime: number | null;
  voteCount: number | null;
  originalLanguage: string;
  backdropUrl: string | null;
  genres: Genre[];
  cast: Person[];
  directors: Person[];
  similar: MediaCard[];
}

export interface PageInfo {
  endCursor: string | null;
  hasNextPage: boolean;
}

export interface Connection<Node, Extra = object> {
  edges: ({ cursor: string; node: Node } & Extra)[];
  pageInfo: PageInfo;
}

export interface Reason {
  kind: string;
  text: string;
  refersTo: string | null;
}

export interface Preferences {
  likedGenreIds: number[];
  dislikedGenreIds: number[];
  languages: string[];
  mediaTypes: MediaType[];
  yearFrom: number | null;
  yearTo: number | null;
  minRating: number | null;
  maxRuntime: number | null;
  includeAdult: boolean;
  onboarded: boolean;
}

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export const MEDIA_CARD = gql`
  fragment MediaCardFields on Media {
    id
    type
    tmdbId
    title
    year
    posterUrl(size: W342)
    voteAverage
    isFavourite
    inWatchlist
    watchedAt
    isDismissed
  }
`;

const PREFERENCES_FIELDS = `
  likedGenreIds
  dislikedGenreIds
  languages
  mediaTypes
  yearFrom
  yearTo
  minRating
  maxRuntime
  includeAdult
  onboarded
`;

export const HOME_QUERY = gql`
  query Home($first: Int!, $after: String) {
    preferences { ${PREFERENCES_FIELDS} }
    recommendations(first: $first, after: $after) {
      coldStart
      edges {
        cursor
        node {
          score
          reasons { kind text refersTo }
          media { ...MediaCardFields }
        }
      }
      pageInfo { endCursor hasNextPage }
    }
  }
  ${MEDIA_CARD}
`;
export interface HomeData {
  preferences: Preferences;
  recommendations: Connection<{ score: number; reasons: Reason[]; media: MediaCard }> & { coldStart: boolean };
}

export const BROWSE_QUERY = gql`
  query Browse($filter: BrowseFilter!, $sort: BrowseSort, $first: Int!, $after: String) {
    browse(filter: $filter, sort: $sort, first: $first, after: $after) {
      edges { cursor node { ...MediaCardFields } }
      pageInfo { endCursor hasNextPage }
    }
  }
  ${MEDIA_CARD}
`;
export interface BrowseData {
  browse: Connection<MediaCard>;
}

export const SEARCH_QUERY = gql`
  query Search($query: String!, $type: MediaType, $first: Int!, $after: String) {
    searchMedia(query: $query, type: $type, first: $first, after: $after) {
      edges { cursor node { ...MediaCardFields } }
      pageInfo { endCursor hasNextPage }
    }
  }
  ${MEDIA_CARD}
`;
export interface SearchData {
  searchMedia: Connection<MediaCard>;
}

export const GENRES_QUERY = gql`
  query Genres {
    movieGenres: genres(type: MOVIE) { id name }
    tvGenres: genres(type: TV) { id name }
  }
`;
export interface GenresData {
  movieGenres: Genre[];
  tvGenres: Genre[];
}

export const MEDIA_QUERY = gql`
  query MediaDetails($type: MediaType!, $tmdbId: Int!) {
    media(type: $type, tmdbId: $tmdbId) {
      ...MediaCardFields
      overview
      tagline
      releaseDate
      runtime
      voteCount
      originalLanguage
      backdropUrl(size: W1280)
      genres { id name }
      cast(first: 12) { id name profileUrl }
      directors { id name profileUrl }
      similar(first: 10) { ...MediaCardFields }
    }
  }
  ${MEDIA_CARD}
`;
export interface MediaData {
  media: MediaDetails;
}

export const FAVOURITES_QUERY = gql`
  query Favourites($first: Int!, $after: String) {
    favourites(first: $first, after: $after) {
      edges { cursor addedAt node { ...MediaCardFields } }
      pageInfo { endCursor hasNextPage }
    }
  }
  ${MEDIA_CARD}
`;
export interface FavouritesData {
  favourites: Connection<MediaCard, { addedAt: string }>;
}

export const WATCHLIST_QUERY = gql`
  query Watchlist($first: Int!, $after: String) {
    watchlist(first: $first, after: $after) {
      edges { cursor addedAt node { ...MediaCardFields } }
      pageInfo { endCursor hasNextPage }
    }
  }
  ${MEDIA_CARD}
`;
export interface WatchlistData {
  watchlist: Connection<MediaCard, { addedAt: string }>;
}

export const PREFERENCES_QUERY = gql`
  query Preferences {
    preferences { ${PREFERENCES_FIELDS} }
  }
`;
export interface PreferencesData {
  preferences: Preferences;
}

export const UPDATE_PREFERENCES = gql`
  mutation UpdatePreferences($input: UpdatePreferencesInput!) {
    updatePreferences(input: $input) { ${PREFERENCES_FIELDS} }
  }
`;

const MEDIA_STATE = `id isFavourite inWatchlist watchedAt isDismissed`;
export const ADD_FAVOURITE = gql`mutation AddFavourite($media: MediaRefInput!) { addFavourite(media: $media) { ${MEDIA_STATE} } }`;
export const REMOVE_FAVOURITE = gql`mutation RemoveFavourite($media: MediaRefInput!) { removeFavourite(media: $media) { ${MEDIA_STATE} } }`;
export const ADD_TO_WATCHLIST = gql`mutation AddToWatchlist($media: MediaRefInput!) { addToWatchlist(media: $media) { ${MEDIA_STATE} } }`;
export const REMOVE_FROM_WATCHLIST = gql`mutation RemoveFromWatchlist($media: MediaRefInput!) { removeFromWatchlist(media: $media) { ${MEDIA_STATE} } }`;
export const MARK_WATCHED = gql`mutation MarkWatched($media: MediaRefInput!, $watched: Boolean!) { markWatched(media: $media, watched: $watched) { ${MEDIA_STATE} } }`;
export const DISMISS = gql`mutation Dismiss($media: MediaRefInput!) { dismiss(media: $media) { ${MEDIA_STATE} } }`;
export const UNDO_DISMISS = gql`mutation UndoDismiss($media: MediaRefInput!) { undoDismiss(media: $media) { ${MEDIA_STATE} } }`;

export const API_TOKENS_QUERY = gql`
  query ApiTokens {
    apiTokens { id name prefix createdAt expiresAt lastUsedAt revokedAt }
  }
`;
export interface ApiTokensData {
  apiTokens: ApiToken[];
}
export const CREATE_API_TOKEN = gql`
  mutation CreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      secret
      token { id name prefix createdAt expiresAt lastUsedAt revokedAt }
    }
  }
`;
export const REVOKE_API_TOKEN = gql`
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id) { id name prefix createdAt expiresAt lastUsedAt revokedAt }
  }
`;
