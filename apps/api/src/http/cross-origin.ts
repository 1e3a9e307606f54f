// Who may call /graphql from a browser page on another origin, and what keeps a person's cookie
// from being used by a page they did not mean to act for (docs/security.md, "Cross-origin").
//
//   - CORS: pages on CORS_ALLOWED_ORIGINS may call the API with a token (Authorization header);
//     credentials are never allowed cross-origin, so the web app's session cookie never goes with
//     them. Preflights are answered here, before who-is-calling and the rate limit.
//   - CSRF: a request that carries a cookie must be one a browser would have preflighted (a JSON
//     body, or an `apollo-require-preflight` / `x-apollo-operation-name` header). Without a cookie
//     there is no ambient credential to abuse, so GETs and form-encoded requests from tools and
//     third-party apps need no extra header (Apollo's own check, which refuses them all, is off).
import cors from "@fastify/cors";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { responseMediaType } from "../graphql/response-status.ts";

/** Headers a cross-origin page may send. */
const ALLOWED_HEADERS = ["authorization", "content-type", "accept", "apollo-require-preflight", "x-apollo-operation-name", "x-request-id"];
/** Headers a cross-origin page may read. */
const EXPOSED_HEADERS = ["ratelimit-limit", "ratelimit-remaining", "ratelimit-reset", "retry-after", "x-request-id", "www-authenticate"];
/** Content types a browser sends cross-site without asking first (a "simple" request). */
const SIMPLE_CONTENT_TYPES = new Set(["text/plain", "application/x-www-form-urlencoded", "multipart/form-data"]);

/** Whether a browser would have sent a preflight before this request (so a cross-site page could not send it unasked). */
export function wasPreflighted(headers: FastifyRequest["headers"]): boolean {
  if (headers["apollo-require-preflight"] || headers["x-apollo-operation-name"]) return true;
  const contentType = headers["content-type"]?.split(";")[0]?.trim().toLowerCase();
  return contentType !== undefined && contentType !== "" && !SIMPLE_CONTENT_TYPES.has(contentType);
}

async function refuseUnpreflightedCookieRequests(request: FastifyRequest, reply: FastifyReply) {
  if (request.method === "OPTIONS" || !request.headers.cookie || wasPreflighted(request.headers)) return;
  return reply.code(400).send({
    errors: [
      {
        message:
          "This request carries a cookie but could have been sent by any web page (cross-site request forgery). Send it with content-type application/json, or with an `apollo-require-preflight: true` header.",
        extensions: { code: "BAD_REQUEST" },
      },
    ],
  });
}

/**
 * Refusals made before GraphQL runs answer in the JSON media type the caller accepts, like GraphQL's
 * own answers; a 401 says how to authenticate (RFC 6750).
 */
async function describeRefusals(request: FastifyRequest, reply: FastifyReply) {
  const contentType = String(reply.getHeader("content-type") ?? "");
  if (contentType.startsWith("application/json")) {
    const negotiated = responseMediaType(request.headers.accept);
    if (negotiated) reply.header("content-type", negotiated);
  }
  if (reply.statusCode === 401 && !reply.hasHeader("www-authenticate")) {
    reply.header("www-authenticate", request.headers.authorization ? 'Bearer realm="movierec", error="invalid_token"' : 'Bearer realm="movierec"');
  }
}

/** Registers CORS, the cookie CSRF check and the refusals' media type on the /graphql scope, before its other hooks. */
export async function registerCrossOrigin(scope: FastifyInstance, allowedOrigins: readonly string[]): Promise<void> {
  const allowed = new Set(allowedOrigins);
  await scope.register(cors, {
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    credentials: false,
    methods: ["GET", "POST"],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: EXPOSED_HEADERS,
    maxAge: 600,
    strictPreflight: false,
  });
  scope.addHook("onRequest", refuseUnpreflightedCookieRequests);
  scope.addHook("onSend", describeRefusals);
}
