// Every operation the browser sends, with the shapes it reads back. The operations are written in
// lib/operations.graphql; graphql-codegen checks them against the API's schema and generates their
// typed documents and result types (lib/generated/graphql.ts, see codegen.ts). This module gives
// them the names the components use. Hooks take the typed documents without type arguments, so the
// documents carry both the result and the variables' types: wrong variables do not compile.
import type {
  ApiTokenFieldsFragment,
  ImportFieldsFragment,
  BrowseQuery,
  GenresQuery,
  MediaCardFieldsFragment,
  CardPreviewQuery,
  MediaDetailsQuery,
  PreferencesFieldsFragment,
  ReasonFieldsFragment,
  WatchProviderFieldsFragment,
} from "./generated/graphql";

export {
  AccountDocument as ACCOUNT_QUERY,
  AddFavouriteDocument as ADD_FAVOURITE,
  AddToWatchlistDocument as ADD_TO_WATCHLIST,
  ApiTokensDocument as API_TOKENS_QUERY,
  BrowseDocument as BROWSE_QUERY,
  CardPreviewDocument as CARD_PREVIEW_QUERY,
  ChangeEmailDocument as CHANGE_EMAIL,
  ChangePasswordDocument as CHANGE_PASSWORD,
  ClearRatingDocument as CLEAR_RATING,
  CreateApiTokenDocument as CREATE_API_TOKEN,
  DeleteAccountDocument as DELETE_ACCOUNT,
  DismissDocument as DISMISS,
  DismissedDocument as DISMISSED_QUERY,
  ExportDataDocument as EXPORT_DATA_QUERY,
  FavouritesDocument as FAVOURITES_QUERY,
  GenresDocument as GENRES_QUERY,
  HomeDocument as HOME_QUERY,
  ImportsDocument as IMPORTS_QUERY,
  ImportUnmatchedDocument as IMPORT_UNMATCHED_QUERY,
  MarkWatchedDocument as MARK_WATCHED,
  MediaDetailsDocument as MEDIA_QUERY,
  OAuthAppsDocument as OAUTH_APPS_QUERY,
  OnboardingWallDocument as ONBOARDING_WALL_QUERY,
  OnMyServicesShelfDocument as ON_MY_SERVICES_SHELF_QUERY,
  PreferencesDocument as PREFERENCES_QUERY,
  RateDocument as RATE,
  RegisterOAuthAppDocument as REGISTER_OAUTH_APP,
  DeleteOAuthAppDocument as DELETE_OAUTH_APP,
  RevokeAuthorizedAppDocument as REVOKE_AUTHORIZED_APP,
  RemoveFavouriteDocument as REMOVE_FAVOURITE,
  RemoveFromWatchlistDocument as REMOVE_FROM_WATCHLIST,
  ResolveImportRowDocument as RESOLVE_IMPORT_ROW,
  RevokeApiTokenDocument as REVOKE_API_TOKEN,
  SearchDocument as SEARCH_QUERY,
  SignOutEverywhereDocument as SIGN_OUT_EVERYWHERE,
  UndoDismissDocument as UNDO_DISMISS,
  UpdatePreferencesDocument as UPDATE_PREFERENCES,
  WatchlistDocument as WATCHLIST_QUERY,
  WatchServicesDocument as WATCH_SERVICES_QUERY,
} from "./generated/graphql";
export type { BrowseSort, MediaType } from "./generated/graphql";

/** A title as every card shows it (the MediaCardFields fragment). */
export type MediaCard = MediaCardFieldsFragment;
export type MediaDetails = MediaDetailsQuery["media"];
/** What a card's hover/focus preview adds to the card (components/card-preview.tsx). */
export type CardPreview = CardPreviewQuery["media"];
export type Genre = GenresQuery["movieGenres"][number];
export type PageInfo = BrowseQuery["browse"]["pageInfo"];
export type Reason = ReasonFieldsFragment;
export type Preferences = PreferencesFieldsFragment;
export type ApiToken = ApiTokenFieldsFragment;
export type ImportJob = ImportFieldsFragment;
export type WatchProvider = WatchProviderFieldsFragment;
export type WhereToWatch = MediaDetailsQuery["media"]["whereToWatch"];
