// The HTTP status of every GraphQL response, by one rule (docs/api.md, "HTTP statuses"):
//
//   - `application/graphql-response+json` (what current clients ask for first): 200 when the
//     response has data, field errors included; a response without data (the request was refused,
//     or a non-null root field failed) takes the status of its first error's code (STATUS_OF_CODE).
//   - `application/json` (legacy clients, and callers that send no Accept header): 200 for every
//     response to a well-formed request, as GraphQL over HTTP says; the code on each error says what
//     went wrong. A request that is not well-formed (BAD_REQUEST: no `query`, or not a string) is 400.
//
// Refusals before GraphQL runs (the body, its charset, an invalid credential, the rate limit, the
// database unreachable while checking a credential) keep their status under both, and answer in the
// media type the caller accepts (http/guards.ts).
import type { ApolloServerPlugin } from "@apollo/server";
import Negotiator from "negotiator";
import { ERROR_STATUS } from "../errors.ts";

export const GRAPHQL_RESPONSE_JSON = "application/graphql-response+json";
const APPLICATION_JSON = "application/json";

/** Every error code a client can see, and the status a response without data carries for it. */
export const STATUS_OF_CODE: Readonly<Record<string, number>> = {
  ...ERROR_STATUS,
  // Apollo Server's own codes.
  GRAPHQL_PARSE_FAILED: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  OPERATION_RESOLUTION_FAILURE: 400,
  PERSISTED_QUERY_NOT_FOUND: 400,
  PERSISTED_QUERY_NOT_SUPPORTED: 400,
};

/**
 * The JSON media type a caller gets: application/graphql-response+json when its Accept header
 * prefers it, else application/json (also with no Accept header); undefined when it accepts
 * neither (Apollo then answers 406).
 */
export function responseMediaType(accept: string | undefined): string | undefined {
  if (!accept) return `${APPLICATION_JSON}; charset=utf-8`;
  const preferred = new Negotiator({ headers: { accept } }).mediaType([APPLICATION_JSON, GRAPHQL_RESPONSE_JSON]);
  return preferred ? `${preferred}; charset=utf-8` : undefined;
}

/** Statuses Apollo gives to problems of the HTTP request itself (a mutation over GET is 405): kept as they are. */
const TRANSPORT_STATUSES = new Set([405, 406, 413, 415]);

/** The status for a GraphQL response body in `mediaType` (see the rule at the top); `current` is the one Apollo chose. */
export function statusOfResponse(
  mediaType: string,
  body: { data?: unknown; errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> },
  current?: number,
): number {
  if (current !== undefined && TRANSPORT_STATUSES.has(current)) return current;
  const code = body.errors?.[0]?.extensions?.code;
  // A request that is not a GraphQL request at all (no query, a query that is not a string) is 400 for everyone.
  if (!mediaType.startsWith(GRAPHQL_RESPONSE_JSON)) return code === "BAD_REQUEST" ? 400 : 200;
  if (body.data !== undefined && body.data !== null) return 200;
  return (typeof code === "string" && STATUS_OF_CODE[code]) || 500;
}

/** Sets each single-result response's content type and status by the rule above, and Retry-After on a 429 or 503 whose error says how long to wait. */
export const responseStatusPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ request, response }) {
        if (response.body.kind !== "single") return;
        const mediaType = responseMediaType(request.http?.headers.get("accept") ?? undefined);
        if (!mediaType) return; // Apollo answers 406 Not Acceptable
        response.http.headers.set("content-type", mediaType);
        response.http.status = statusOfResponse(mediaType, response.body.singleResult, response.http.status);
        // A refusal that says how long to wait (RATE_LIMITED, TMDB_UNAVAILABLE, SERVICE_UNAVAILABLE)
        // says it in HTTP too, as the API's rate limit does, for clients and proxies that retry by it.
        const wait = response.body.singleResult.errors?.find((error) => typeof error.extensions?.retryAfterSeconds === "number")?.extensions?.retryAfterSeconds;
        if ((response.http.status === 429 || response.http.status === 503) && typeof wait === "number") response.http.headers.set("retry-after", String(wait));
      },
    };
  },
};
