// What the API's HTTP server does around every request before and after GraphQL: the request id,
// the charset check, response headers, refusals in the GraphQL error shape, who is calling, and the
// rate limit. server.ts puts them together.
import { randomUUID } from "node:crypto";
import rateLimit from "@fastify/rate-limit";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from "fastify";
import type { Config } from "../config.ts";
import { isDatabaseUnavailable } from "../db.ts";
import { AppError } from "../errors.ts";
import { API_LIMITS } from "../graphql/apollo.ts";
import type { AppServices } from "../app-services.ts";
import { DATABASE_UNAVAILABLE_MESSAGE, RETRY_AFTER_SECONDS } from "../graphql/format-error.ts";
import { INTERNAL_KEY_HEADER, isInternalCaller } from "../modules/auth/oauth-account.service.ts";
import { resolveViewer, type Viewer } from "../modules/auth/viewer.ts";
import { requestScope } from "../logger.ts";
import { createFailFastRedis } from "../redis.ts";

declare module "fastify" {
  interface FastifyRequest {
    viewer?: Viewer | null;
    viewerError?: unknown;
  }
}

/** What we keep of a caller's x-request-id: letters, digits and - _ . : only, up to 128 of them. */
const CALLER_REQUEST_ID = /^[\w.:-]{1,128}$/;

/**
 * A request's id: the caller's x-request-id (to follow one request across services) when it is a
 * plain token; anything else gets an id of our own, so logs and response headers never carry a
 * caller's arbitrary text.
 */
export function requestIdOf(request: { headers: Record<string, string | string[] | undefined> }): string {
  const sent = request.headers["x-request-id"];
  return typeof sent === "string" && CALLER_REQUEST_ID.test(sent) ? sent : randomUUID();
}

/** Fastify's options: whose X-Forwarded-For to believe, the body limit, our request ids. */
export function httpOptions(config: Config): FastifyServerOptions {
  return {
    // Behind a load balancer or the web server, the client's address comes from X-Forwarded-For,
    // believed only from TRUST_PROXY's hops or addresses (never from any caller: tokens' clients
    // reach the API directly and could otherwise pick a fresh per-IP budget per request).
    trustProxy:
      typeof config.TRUST_PROXY === "number"
        ? config.TRUST_PROXY > 0
          ? (_address: string, hop: number) => hop < (config.TRUST_PROXY as number)
          : false
        : config.TRUST_PROXY,
    bodyLimit: API_LIMITS.bodyBytes,
    requestIdHeader: false,
    genReqId: requestIdOf,
  };
}

/**
 * JSON is UTF-8 (RFC 8259). A body declared in another charset would be read as UTF-8 and its
 * non-ASCII letters stored as U+FFFD, so it is refused instead, saying what to send.
 */
async function refuseOtherCharsets(request: FastifyRequest, reply: FastifyReply) {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(request.headers["content-type"] ?? "")?.[1]?.toLowerCase();
  if (charset && charset !== "utf-8" && charset !== "utf8" && charset !== "us-ascii") {
    return reply.code(415).send({
      errors: [
        {
          message: `Charset ${charset} is not supported. Send the body as UTF-8 (content-type: application/json; charset=utf-8).`,
          extensions: { code: "BAD_REQUEST" },
        },
      ],
    });
  }
}

/**
 * Refusals that happen before GraphQL runs (the body is not JSON, too large or of a type we do not
 * read; the rate limit) answer in the GraphQL error shape with a code and a message a person can
 * act on. Anything else is logged with the request id and masked.
 */
function answerHttpErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const status = typeof error.statusCode === "number" ? error.statusCode : 500;
  const prebuilt = (error as unknown as { errors?: unknown }).errors;
  if (Array.isArray(prebuilt)) return reply.code(status).send({ errors: prebuilt });
  if (status >= 500) {
    request.log.error({ err: error }, "unexpected error handling a request");
    return reply.code(500).send({
      errors: [
        {
          message: `Something went wrong on our side. It has been logged with request id ${request.id}; try again shortly.`,
          extensions: { code: "INTERNAL_SERVER_ERROR", requestId: request.id },
        },
      ],
    });
  }
  const message =
    error.code === "FST_ERR_CTP_BODY_TOO_LARGE"
      ? `The request body is larger than the limit of ${API_LIMITS.bodyBytes} bytes. Send a shorter query with fewer or smaller variables.`
      : error.code === "FST_ERR_CTP_INVALID_JSON_BODY" || error.code === "FST_ERR_CTP_EMPTY_JSON_BODY" || error instanceof SyntaxError
        ? 'The request body is not valid JSON. Send {"query": "…", "variables": {…}} with content-type application/json.'
        : error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE"
          ? `Content-type ${request.headers["content-type"] ?? "(none)"} is not supported. Send JSON with content-type application/json.`
          : error.message;
  return reply.code(status).send({ errors: [{ message, extensions: { code: "BAD_REQUEST" } }] });
}

/**
 * The request's scope (every log line written while serving it carries its id, logger.ts), the
 * charset check, the x-request-id and server-timing headers, and the error answers. Registered
 * before any other hook, so everything after runs inside the scope.
 */
export function registerHttpGuards(app: FastifyInstance): void {
  app.addHook("onRequest", (request, _reply, done) => requestScope.run({ requestId: request.id }, done));
  app.addHook("onRequest", refuseOtherCharsets);
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
    // Time spent in the server before the body is sent: browsers' dev tools and the benchmarks read it.
    reply.header("server-timing", `app;dur=${reply.elapsedTime.toFixed(2)}`);
  });
  app.setErrorHandler<FastifyError>(answerHttpErrors);
}

/**
 * Settles who is calling before anything else (the rate limit keys on it, the GraphQL context uses
 * it). While Postgres cannot be reached a credential cannot be checked: the request is answered
 * 503 with Retry-After here, before the rate limit, so a token's caller is never counted as
 * anonymous and told RATE_LIMITED.
 */
export function resolveCaller(services: AppServices) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    try {
      request.viewer = await resolveViewer({
        prisma: services.prisma,
        callers: services.callers,
        authSecret: services.config.AUTH_SECRET,
        authorization: request.headers.authorization,
        cookie: request.headers.cookie,
      });
    } catch (error) {
      const unavailable = isDatabaseUnavailable(error);
      if (!(error instanceof AppError) && !unavailable) request.log.error({ err: error }, "could not check the caller's credentials");
      request.viewer = null;
      request.viewerError = error;
      if (unavailable) {
        request.log.warn({ err: error instanceof Error ? error.message.replace(/\s+/g, " ").slice(0, 300) : String(error) }, "database unavailable");
        return reply
          .code(503)
          .header("retry-after", String(RETRY_AFTER_SECONDS))
          .send({
            errors: [
              {
                message: DATABASE_UNAVAILABLE_MESSAGE,
                extensions: { code: "SERVICE_UNAVAILABLE", retryAfterSeconds: RETRY_AFTER_SECONDS, requestId: request.id },
              },
            ],
          });
      }
    }
  };
}

/**
 * The per-minute rate limit in Redis: per signed-in user (their web session apart from their apps), else per IP. Returns the Redis connection
 * it uses, which fails fast: while Redis is unreachable, requests go through without a limit rather
 * than wait for it (the shared connection queues commands until Redis is back, BullMQ needs that).
 */
export async function registerRateLimit(app: FastifyInstance, services: AppServices) {
  const { config } = services;
  const requestRedis = createFailFastRedis(services.redis, `${config.REDIS_KEY_PREFIX}api-requests`);
  app.addHook("onClose", async () => {
    await requestRedis.quit().catch(() => requestRedis.disconnect());
  });
  // Counted from the first request on when Redis is there at boot (a few seconds' grace if not yet).
  await new Promise<void>((resolve) => {
    if (requestRedis.status === "ready") return resolve();
    const timer = setTimeout(resolve, 5_000);
    requestRedis.once("ready", () => {
      clearTimeout(timer);
      resolve();
    });
  });
  await app.register(rateLimit, {
    global: false,
    redis: requestRedis,
    skipOnError: true,
    nameSpace: `${config.REDIS_KEY_PREFIX}api-rate:`,
    max: (request) => (request.viewer ? config.API_RATE_LIMIT_PER_MINUTE_TOKEN : config.API_RATE_LIMIT_PER_MINUTE_IP),
    timeWindow: 60_000,
    // RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset (seconds) on every answer, and Retry-After
    // on a refusal: the IETF draft's names, which clients and gateways read.
    enableDraftSpec: true,
    // Per signed-in user, in two budgets: their web session's, and their apps' (every personal token
    // and OAuth app of theirs together), so a busy or runaway app cannot lock them out of the site and
    // more tokens buy no more. Everything else, including requests with made-up tokens, per IP, so
    // spraying random tokens cannot mint fresh budgets.
    keyGenerator: (request) => (request.viewer ? `user:${request.viewer.userId}:${request.viewer.via === "session" ? "web" : "apps"}` : `ip:${request.ip}`),
    // The web server's own calls (the internal key: starting, checking and ending web sessions, OAuth
    // consent) are neither counted nor limited. They come from one address, and sharing its budget
    // with whoever else comes from there (every signed-out visitor behind the web's /graphql, unless
    // TRUST_PROXY names it) let anyone spend it and so fail every sign-in and, silently, sign-outs.
    allowList: (request) => isInternalCaller(request.headers[INTERNAL_KEY_HEADER], config.AUTH_SECRET),
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      errors: [
        {
          message: `Too many requests: the limit is ${context.max} a minute. Try again in ${Math.ceil(context.ttl / 1000)} s.`,
          extensions: { code: "RATE_LIMITED", retryAfterSeconds: Math.ceil(context.ttl / 1000) },
        },
      ],
    }),
  });
  return requestRedis;
}
