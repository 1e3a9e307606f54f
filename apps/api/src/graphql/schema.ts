import "reflect-metadata";
import { type GraphQLSchema, isInterfaceType } from "graphql";
import { buildSchema } from "type-graphql";
import { AccountResolver } from "../modules/account/account.resolver.ts";
import { AuthResolver } from "../modules/auth/auth.resolver.ts";
import { WebSessionResolver } from "../modules/auth/web-session.resolver.ts";
import { DismissalResolver } from "../modules/dismissals/dismissal.resolver.ts";
import { FavouriteResolver } from "../modules/favourites/favourite.resolver.ts";
import { ExportResolver } from "../modules/exports/export.resolver.ts";
import { ImportResolver } from "../modules/imports/import.resolver.ts";
import { IngestResolver } from "../modules/ingest/ingest.resolver.ts";
import { MediaResolver } from "../modules/media/media.resolver.ts";
import { OAuthResolver } from "../modules/oauth/oauth.resolver.ts";
import { PreferenceResolver } from "../modules/preferences/preference.resolver.ts";
import { RatingResolver } from "../modules/ratings/rating.resolver.ts";
import { ModelResolver } from "../modules/recommendations/model/model.resolver.ts";
import { RecommendationResolver } from "../modules/recommendations/recommendation.resolver.ts";
import { WatchlistResolver } from "../modules/watchlist/watchlist.resolver.ts";
import { MediaWatchProvidersResolver, PreferenceServicesResolver, WatchProviderResolver } from "../modules/watch-providers/watch-provider.resolver.ts";
import { FavouriteConnection } from "../modules/favourites/favourite.types.ts";
import { DismissedConnection } from "../modules/dismissals/dismissal.types.ts";
import { ImportRowConnection } from "../modules/imports/import.types.ts";
import { RatingConnection } from "../modules/ratings/rating.types.ts";
import { WatchlistConnection } from "../modules/watchlist/watchlist.types.ts";
import { authChecker } from "./auth-checker.ts";
import { totalCountResolver } from "./connection.ts";
import { nodeTypeOf } from "./node.ts";
import { NodeResolver } from "./node.resolver.ts";
import { type Audience, schemaForAudience } from "./audiences.ts";

export const resolvers = [
  AuthResolver,
  AccountResolver,
  WebSessionResolver,
  OAuthResolver,
  MediaResolver,
  RecommendationResolver,
  FavouriteResolver,
  WatchlistResolver,
  DismissalResolver,
  RatingResolver,
  ImportResolver,
  ExportResolver,
  PreferenceResolver,
  WatchProviderResolver,
  MediaWatchProvidersResolver,
  PreferenceServicesResolver,
  IngestResolver,
  ModelResolver,
  NodeResolver,
  // totalCount where counting is an index count (not browse, search or recommendations: docs/api.md).
  totalCountResolver(FavouriteConnection),
  totalCountResolver(DismissedConnection),
  totalCountResolver(WatchlistConnection),
  totalCountResolver(RatingConnection),
  totalCountResolver(ImportRowConnection),
] as const;

let built: Promise<GraphQLSchema> | undefined;
const byAudience = new Map<Audience, Promise<GraphQLSchema>>();

/**
 * The schema, built once per process: every operation, or (given an audience) only those that
 * audience sees (audiences.ts).
 */
export function getSchema(audience?: Audience): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers,
    authChecker,
    // class-validator rules on inputs; forbidUnknownValues off because inputs are plain objects.
    validate: { forbidUnknownValues: false },
  }).then((schema) => {
    // TypeGraphQL wraps resolveType in an async function; graphql-jit (jit-executor.ts) needs the
    // type at once, and Node's is known from the value alone.
    const query = schema.getQueryType();
    const mutation = schema.getMutationType();
    if (query)
      query.description =
        "What can be read: the catalogue (titles, search, browse, genres, watch providers), and the caller's own lists, preferences and recommendations.";
    if (mutation) mutation.description = "What can be changed: the caller's favourites, watchlist, ratings, dismissals, preferences, tokens and account.";
    const node = schema.getType("Node");
    if (node && isInterfaceType(node)) node.resolveType = (value: { id: string; __typename?: string }) => nodeTypeOf(value);
    return schema;
  });
  if (!audience) return built;
  let filtered = byAudience.get(audience);
  if (!filtered) {
    filtered = built.then((full) => schemaForAudience(full, audience));
    byAudience.set(audience, filtered);
  }
  return filtered;
}
