// The API's HTTP server: GraphQL over HTTP at /graphql (POST JSON, GET for queries), the
// playground at /playground, health at /healthz and readiness at /readyz.
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import fastifyApollo, { fastifyApolloDrainPlugin } from "@as-integrations/fastify";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import rateLimit from "@fastify/rate-limit";
import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance } from "fastify";
import { randomUUID } from "node:crypto";
import { BREAK, visit, type DocumentNode } from "graphql";
import type { AppServices, GraphQLContext } from "./graphql/context.ts";
import { isDatabaseUnavailable } from "./db.ts";
import { createFormatError, databaseUnavailableError } from "./graphql/format-error.ts";
import { createLoaders } from "./graphql/loaders.ts";
import { getSchema } from "./graphql/schema.ts";
import { resolveViewer, type Viewer } from "./modules/auth/viewer.ts";
import { INTERNAL_KEY_HEADER, isInternalCaller } from "./modules/auth/oauth-account.service.ts";
import { AppError, badInput } from "./errors.ts";
import { registerPlayground } from "./playground/playground.route.ts";
import { registerQueueDashboard } from "./modules/ingest/queue-dashboard.route.ts";
import { createFailFastRedis } from "./redis.ts";

/** Limits that protect the server; each refusal has its own code and message. */
export const API_LIMITS = {
  bodyBytes: 100_000,
  maxDepth: 10,
  maxCost: 20_000,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 2_000,
} as const;

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

const EXAMPLE_QUERY = `# Your recommendations (send your API token in the Headers tab).
query Recommendations {
  recommendations(first: 10) {
    edges {
      node {
        score
        reasons { kind text }
        media { id title year posterUrl genres { name } }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}
`;

const EXAMPLE_OPERATIONS = `query Search {
  searchMedia(query: "dark", first: 5) { edges { node { id title year type } } }
}

mutation AddFavourite {
  addFavourite(media: { type: MOVIE, tmdbId: 550 }) { id title isFavourite }
}

query Me {
  me { email role }
  preferences { likedGenreIds languages }
}
`;

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

declare module "fastify" {
  interface FastifyRequest {
    viewer?: Viewer | null;
    viewerError?: unknown;
  }
}

export async function buildServer(services: AppServices): Promise<FastifyInstance> {
  const { config, logger } = services;
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
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
  });
  // JSON is UTF-8 (RFC 8259). A body declared in another charset would be read as UTF-8 and its
  // non-ASCII letters stored as U+FFFD, so it is refused instead, saying what to send.
  app.addHook("onRequest", async (request, reply) => {
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
  });
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
    // Time spent in the server before the body is sent: browsers' dev tools and the benchmarks read it.
    reply.header("server-timing", `app;dur=${reply.elapsedTime.toFixed(2)}`);
  });
  // Refusals that happen before GraphQL runs (the body is not JSON, too large or of a type we do
  // not read; the rate limit) answer in the GraphQL error shape with a code and a message a person
  // can act on. Anything else is logged with the request id and masked.
  app.setErrorHandler<FastifyError>((error, request, reply) => {
    const status = typeof error.statusCode === "number" ? error.statusCode : 500;
    const prebuilt = (error as unknown as { errors?: unknown }).errors;
    if (Array.isArray(prebuilt)) return reply.code(status).send({ errors: prebuilt });
    if (status >= 500) {
      request.log.error({ err: error }, "unexpected error handling a request");
      return reply.code(500).send({
        errors: [{ message: "Something went wrong on our side. It has been logged; try again shortly.", extensions: { code: "INTERNAL_SERVER_ERROR" } }],
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
  });

  // While Redis is unreachable, requests go through without a rate limit rather than wait for it
  // (the shared connection queues commands until Redis is back, BullMQ needs that; this one fails).
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
    // Per signed-in user (whatever token or cookie they use); everything else, including requests
    // with made-up tokens, per IP, so spraying random tokens cannot mint fresh budgets.
    keyGenerator: (request) => (request.viewer ? `user:${request.viewer.userId}` : `ip:${request.ip}`),
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

  const armor = new ApolloArmor({
    maxDepth: { n: API_LIMITS.maxDepth },
    costLimit: { maxCost: API_LIMITS.maxCost },
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
    schema: await getSchema(),
    ...armor,
    // No field carries cache hints, and the cache-control plugin would wrap every field resolver to look for them.
    plugins: [...armor.plugins, refuseNulCharacters, fastifyApolloDrainPlugin(app), ApolloServerPluginCacheControlDisabled()],
    formatError: createFormatError(logger),
    parseOptions: { maxTokens: API_LIMITS.maxTokens },
    introspection: true,
    csrfPrevention: true,
  });
  await apollo.start();

  await app.register(async (graphql) => {
    // Who is calling is settled first: the rate limit keys on it, the GraphQL context uses it.
    graphql.addHook("onRequest", async (request) => {
      try {
        request.viewer = await resolveViewer({
          prisma: services.prisma,
          authSecret: config.AUTH_SECRET,
          authorization: request.headers.authorization,
          cookie: request.headers.cookie,
        });
      } catch (error) {
        const unavailable = isDatabaseUnavailable(error);
        if (!(error instanceof AppError) && !unavailable) request.log.error({ err: error }, "could not check the caller's credentials");
        request.viewer = null;
        request.viewerError = unavailable ? databaseUnavailableError(error) : error;
      }
    });
    graphql.addHook("onRequest", graphql.rateLimit());
    await graphql.register(fastifyApollo(apollo), {
      path: "/graphql",
      method: ["GET", "POST", "OPTIONS"],
      context: async (request): Promise<GraphQLContext> => {
        if (request.viewerError) throw request.viewerError;
        const viewer = request.viewer ?? null;
        return {
          ...services,
          logger: logger.child({ requestId: request.id }),
          requestId: request.id,
          viewer,
          internal: isInternalCaller(request.headers[INTERNAL_KEY_HEADER], config.AUTH_SECRET),
          loaders: createLoaders({
            prisma: services.prisma,
            enrichment: services.enrichment,
            userId: viewer?.userId ?? null,
            similarMemo: { redis: services.redis, keyPrefix: config.REDIS_KEY_PREFIX },
          }),
        };
      },
    });
  });

  await registerPlayground(app, { graphqlPath: "/graphql", defaultQuery: EXAMPLE_QUERY, exampleOperations: EXAMPLE_OPERATIONS });
  await registerQueueDashboard(app, services);

  app.get("/healthz", async () => ({ status: "ok" }));
  app.get("/readyz", async (_request, reply) => {
    const checks = await Promise.allSettled([services.prisma.$queryRaw`SELECT 1`, requestRedis.ping()]);
    const [postgres, redis] = checks.map((check) => (check.status === "fulfilled" ? "ok" : `error: ${(check.reason as Error).message}`));
    const ready = checks.every((check) => check.status === "fulfilled");
    return reply.code(ready ? 200 : 503).send({ status: ready ? "ready" : "not ready", postgres, redis, tmdb: config.tmdbMode });
  });
  return app;
}
