// HTTP caching of public data. A GET query from a caller without credentials that asks only for
// public root fields (the catalogue: titles, browse, search, genres, watch providers) and succeeds is
// the same for everyone, so it is answered `public` for as long as the least durable field it asks
// for, and a CDN or the browser may keep it. Everything else is `no-store`: it names the caller, it
// changes something, or it is incomplete for now (a list TMDB could not give yet). `Vary` keeps a
// cached anonymous answer from being served to a signed-in caller (whose answer says what is theirs,
// e.g. `isFavourite`), or an English one to a French caller (genre names follow Accept-Language,
// graphql/locale.ts).
//
// Decided from the operation's root fields, once per response: Apollo's cache-control plugin would
// wrap every field resolver to read hints (see apollo.ts).
import type { ApolloServerPlugin } from "@apollo/server";
import { Kind, type OperationDefinitionNode } from "graphql";
import type { GraphQLContext } from "./context.ts";

/** Public root fields and how many seconds an answer of each stays fresh. */
export const PUBLIC_MAX_AGE_SECONDS: Readonly<Record<string, number>> = {
  genres: 86_400,
  watchRegions: 86_400,
  watchProviders: 86_400,
  media: 3_600,
  browse: 300,
  searchMedia: 300,
};

export const NOT_STORED = "no-store";
export const VARY = "Accept, Accept-Language, Authorization, Cookie";

/** Seconds `operation` may be cached publicly, or undefined when it is not public data. */
export function publicMaxAge(operation: OperationDefinitionNode): number | undefined {
  if (operation.operation !== "query") return undefined;
  let maxAge = Number.POSITIVE_INFINITY;
  for (const selection of operation.selectionSet.selections) {
    // Fragments on Query are taken as private: rare, and not worth resolving here.
    if (selection.kind !== Kind.FIELD) return undefined;
    if (selection.name.value === "__typename") continue;
    const seconds = PUBLIC_MAX_AGE_SECONDS[selection.name.value];
    if (seconds === undefined) return undefined;
    maxAge = Math.min(maxAge, seconds);
  }
  return Number.isFinite(maxAge) ? maxAge : undefined;
}

export const cacheControlPlugin: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ request, operation, contextValue, response }) {
        const maxAge =
          request.http?.method === "GET" &&
          operation &&
          !contextValue.viewer &&
          !contextValue.incompleteAnswer &&
          response.body.kind === "single" &&
          !response.body.singleResult.errors?.length
            ? publicMaxAge(operation)
            : undefined;
        response.http.headers.set("cache-control", maxAge === undefined ? NOT_STORED : `public, max-age=${maxAge}, stale-while-revalidate=${maxAge}`);
        response.http.headers.set("vary", VARY);
      },
    };
  },
};
