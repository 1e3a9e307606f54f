// The GraphQL server itself (Apollo Server 5 on the TypeGraphQL schema) with the limits that protect
// it: depth, cost, aliases, directives and tokens (graphql-armor and graphql-js), NUL characters,
// and errors formatted with a code (format-error.ts); what each response says over HTTP: its status
// (response-status.ts), its cost (query-cost.ts), its Cache-Control (cache-control.ts); and
// automatic persisted queries (persisted-queries.ts). CSRF is checked by the HTTP server for
// requests that carry a cookie (http/cross-origin.ts). The HTTP server (server.ts) and the
// GraphQL-overhead benchmark both build it here.
import { ApolloServer, type ApolloServerPlugin, HeaderMap } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import type { KeyValueCache } from "@apollo/utils.keyvaluecache";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import { BREAK, type DocumentNode, visit } from "graphql";
import { AppError, badInput } from "../errors.ts";
import type { Logger } from "../logger.ts";
import type { GraphQLContext } from "./context.ts";
import type { Audience } from "./audiences.ts";
import { cacheControlPlugin } from "./cache-control.ts";
import { createFormatError } from "./format-error.ts";
import { PERSISTED_QUERY_TTL_SECONDS } from "./persisted-queries.ts";
import { queryCostPlugin, recordQueryCost } from "./query-cost.ts";
import { responseStatusPlugin } from "./response-status.ts";
import { jitGateway } from "./jit-executor.ts";
import { getSchema } from "./schema.ts";

/** Limits that protect the server; each refusal has its own code and message. */
export const API_LIMITS = {
  bodyBytes: 100_000,
  maxDepth: 10,
  maxCost: 20_000,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 2_000,
} as const;

/** Whether any string in the variables, or any string literal in the document, holds U+0000. */
export function containsNulCharacter(document: DocumentNode | undefined, variables: unknown): boolean {
  const pending: unknown[] = [variables];
  while (pending.length) {
    const value = pending.pop();
    if (typeof value === "string") {
      if (value.includes("\u0000")) return true;
    } else if (value !== null && typeof value === "object") {
      pending.push(...Object.values(value));
    }
  }
  let found = false;
  if (document) {
    visit(document, {
      StringValue(node) {
        if (!node.value.includes("\u0000")) return undefined;
        found = true;
        return BREAK;
      },
    });
  }
  return found;
}

/**
 * Postgres text cannot hold NUL (U+0000): a name, search or email carrying one would fail in the
 * database as an internal error. Refused up front instead, for every argument and variable.
 */
const refuseNulCharacters: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document }) {
        if (containsNulCharacter(document, request.variables)) {
          throw badInput("Text must not contain NUL characters (U+0000). Remove them and send the request again.").withHttpStatus();
        }
      },
    };
  },
};

/**
 * A token without the write scope reads only: any mutation it sends is refused before it runs
 * (403 FORBIDDEN, WWW-Authenticate naming the scope, RFC 6750), whatever the mutation.
 */
const requireWriteScope: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, contextValue }) {
        const viewer = contextValue.viewer;
        if (operation?.operation !== "mutation" || !viewer || viewer.scopes.includes("write")) return;
        const refusal = new AppError("FORBIDDEN", "This token may only read (its scopes are READ). Make one with the WRITE scope to change things.", {
          requiredScope: "WRITE",
        });
        refusal.extensions.http = {
          status: 403,
          headers: new HeaderMap([["www-authenticate", 'Bearer realm="movierec", error="insufficient_scope", scope="write"']]),
        };
        throw refusal;
      },
    };
  },
};

/**
 * A started Apollo server on the schema, with every limit; `plugins` are added (e.g. the HTTP
 * server's drain). `armor: false` leaves graphql-armor out: only for measuring what it costs
 * (bench/graphql-overhead.ts).
 */
export async function createApollo(options: {
  logger: Logger;
  plugins?: ApolloServerPlugin<GraphQLContext>[];
  armor?: boolean;
  /** GRAPHQL_JIT_SIGHTINGS: the sighting on which an operation is compiled by graphql-jit (0: never). */
  jitSightings: number;
  /** Where automatic persisted queries are kept (Redis, shared by the API's processes); Apollo's in-memory cache without it. */
  persistedQueries?: KeyValueCache<string>;
  /** Whose operations the schema holds (audiences.ts); every operation when not given. */
  audience?: Audience;
}): Promise<ApolloServer<GraphQLContext>> {
  const armor =
    options.armor === false
      ? { plugins: [] }
      : new ApolloArmor({
          maxDepth: { n: API_LIMITS.maxDepth },
          costLimit: { maxCost: API_LIMITS.maxCost, onAccept: [recordQueryCost] },
          maxAliases: { n: API_LIMITS.maxAliases },
          maxDirectives: { n: API_LIMITS.maxDirectives },
          // graphql-armor counts tokens with a second parse in a plugin hook, where any syntax error (or
          // the limit) becomes an unexpected error: HTTP 500 instead of 400. graphql-js's own limit
          // (parseOptions.maxTokens below) refuses with a parse error, 400.
          maxTokens: { enabled: false },
          // Field suggestions help developers; the schema is public anyway.
          blockFieldSuggestion: { enabled: false },
        }).protect();
  const apollo = new ApolloServer<GraphQLContext>({
    // The schema with graphql-jit executing recurring operations (jit-executor.ts).
    gateway: jitGateway(await getSchema(options.audience), options.jitSightings),
    ...armor,
    // No field carries cache hints, and the cache-control plugin would wrap every field resolver to look for them.
    plugins: [
      ...armor.plugins,
      refuseNulCharacters,
      requireWriteScope,
      responseStatusPlugin,
      queryCostPlugin(API_LIMITS.maxCost),
      cacheControlPlugin,
      ...(options.plugins ?? []),
      ApolloServerPluginCacheControlDisabled(),
    ],
    formatError: createFormatError(options.logger),
    parseOptions: { maxTokens: API_LIMITS.maxTokens },
    introspection: true,
    // Checked for cookie-carrying requests only, by the HTTP server (http/cross-origin.ts).
    csrfPrevention: false,
    persistedQueries: { ttl: PERSISTED_QUERY_TTL_SECONDS, ...(options.persistedQueries ? { cache: options.persistedQueries } : {}) },
  });
  await apollo.start();
  return apollo;
}
