// The API's HTTP server: GraphQL over HTTP at /graphql (POST JSON, GET for queries), the
// playground at /playground, getting started and the reference at /docs, the queue dashboard at
// /admin/queues, health at /healthz and readiness at /readyz. Its parts: http/guards.ts (request
// ids, charset, error answers, who is calling, the rate limit), http/cross-origin.ts (CORS, CSRF
// for cookie requests), graphql/apollo.ts (the GraphQL server and its limits, one per audience:
// graphql/audiences.ts), graphql/create-context.ts (one request's context). docs/api.md is what a
// client sees of all this.
import type { ApolloServer } from "@apollo/server";
import { fastifyApolloDrainPlugin, fastifyApolloHandler } from "@as-integrations/fastify";
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyRequest, type RouteHandlerMethod } from "fastify";
import type { Redis } from "ioredis";
import { createApollo } from "./graphql/apollo.ts";
import { AUDIENCES, type Audience } from "./graphql/audiences.ts";
import type { GraphQLContext } from "./graphql/context.ts";
import { INTERNAL_KEY_HEADER, isInternalCaller } from "./modules/auth/oauth-account.service.ts";
import type { AppServices } from "./app-services.ts";
import { createContext } from "./graphql/create-context.ts";
import { registerCrossOrigin } from "./http/cross-origin.ts";
import { httpOptions, registerHttpGuards, registerRateLimit, resolveCaller } from "./http/guards.ts";
import { redisPersistedQueryCache } from "./graphql/persisted-queries.ts";
import { registerQueueDashboard } from "./modules/ingest/queue-dashboard.route.ts";
import { EXAMPLE_OPERATIONS, EXAMPLE_QUERY } from "./playground/examples.ts";
import { registerPlayground } from "./playground/playground.route.ts";
import { registerDocs } from "./docs/docs.route.ts";
import { apiPublicUrl } from "./http/public-url.ts";
import { getSchema } from "./graphql/schema.ts";
import { registerImportRoutes } from "./modules/imports/import.route.ts";
import { registerOAuthServer } from "./modules/oauth/oauth-server.ts";

export async function buildServer(services: AppServices): Promise<FastifyInstance> {
  const app = Fastify({ loggerInstance: services.logger as FastifyBaseLogger, ...httpOptions(services.config) });
  registerHttpGuards(app);
  const requestRedis = await registerRateLimit(app, services);
  // Hear about revoked tokens and ended sessions before the first request (not awaited: Redis may be away).
  void services.callers.start();
  // One GraphQL server per audience (graphql/audiences.ts), sharing the persisted queries.
  const persistedQueries = redisPersistedQueryCache(requestRedis, services.config.REDIS_KEY_PREFIX);
  const apollos = Object.fromEntries(
    await Promise.all(
      AUDIENCES.map(
        async (audience) =>
          [
            audience,
            await createApollo({
              logger: services.logger,
              plugins: [fastifyApolloDrainPlugin(app)],
              jitSightings: services.config.GRAPHQL_JIT_SIGHTINGS,
              persistedQueries,
              audience,
            }),
          ] as const,
      ),
    ),
  ) as Record<Audience, ApolloServer<GraphQLContext>>;
  const context = async (request: FastifyRequest) => createContext(services, request);
  const handlers = Object.fromEntries(AUDIENCES.map((audience) => [audience, fastifyApolloHandler(apollos[audience], { context })])) as Record<
    Audience,
    RouteHandlerMethod
  >;
  const audienceOfRequest = (request: FastifyRequest): Audience =>
    isInternalCaller(request.headers[INTERNAL_KEY_HEADER], services.config.AUTH_SECRET) ? "webServer" : request.viewer?.role === "ADMIN" ? "admin" : "public";
  await app.register(async (graphql) => {
    await registerCrossOrigin(graphql, services.config.CORS_ALLOWED_ORIGINS);
    graphql.addHook("onRequest", resolveCaller(services));
    graphql.addHook("onRequest", graphql.rateLimit());
    graphql.route({
      url: "/graphql",
      method: ["GET", "POST", "OPTIONS"],
      handler(request, reply) {
        return handlers[audienceOfRequest(request)].call(this, request, reply);
      },
    });
  });
  await registerImportRoutes(app, services);
  await registerOAuthServer(app, services);
  // The playground, the docs and the queue dashboard count against the same per-minute budget as
  // /graphql (per address: these routes do not resolve a caller first), so none of them can be
  // asked without limit. /healthz and /readyz are probes, unlimited (registerReadiness bounds its cost).
  await app.register(async (pages) => {
    pages.addHook("onRequest", pages.rateLimit());
    await registerPlayground(pages, { graphqlPath: "/graphql", defaultQuery: EXAMPLE_QUERY, exampleOperations: EXAMPLE_OPERATIONS, docsPath: "/docs" });
    await registerDocs(pages, {
      schema: await getSchema("public"),
      playgroundPath: "/playground",
      webSettingsUrl: `${services.config.WEB_URL.replace(/\/+$/, "")}/settings`,
      publicUrl: () => apiPublicUrl(services, app),
    });
    await registerQueueDashboard(pages, services);
  });
  app.get("/healthz", async () => ({ status: "ok" }));
  registerReadiness(app, services, requestRedis);
  return app;
}

/** A dependency that has not answered a readiness check by then is degraded (a hung check would hold every probe). */
const READINESS_CHECK_MS = 2_000;

function answersWithin<T>(check: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${READINESS_CHECK_MS} ms`)), READINESS_CHECK_MS);
  });
  return Promise.race([check, late]).finally(() => clearTimeout(timer));
}

/** How long a readiness check's answer is reused: however often /readyz is asked, each process checks at most 4 times a second. */
const READINESS_REUSE_MS = 250;

/**
 * Readiness (Postgres and Redis answer; liveness is /healthz). Anyone may ask, so the answer says
 * only which dependency is degraded; why is in the logs. It has no rate limit (a load balancer's
 * probe must not be refused because the address it shares with clients spent its budget); instead
 * requests at the same time share one check, and a check's answer serves for 250 ms.
 */
function registerReadiness(app: FastifyInstance, services: AppServices, redis: Redis) {
  let last: { at: number; checks: Promise<PromiseSettledResult<unknown>[]> } | undefined;
  app.get("/readyz", async (request, reply) => {
    if (!last || performance.now() - last.at > READINESS_REUSE_MS) {
      const checks = Promise.allSettled([answersWithin(services.prisma.$queryRaw`SELECT 1`), answersWithin(redis.ping())]);
      last = { at: Number.POSITIVE_INFINITY, checks };
      const current = last;
      void checks.then(() => (current.at = performance.now()));
    }
    const checks = await last.checks;
    const [postgres, redisState] = checks.map((check, index) => {
      if (check.status === "fulfilled") return "ok";
      const reason = check.reason instanceof Error ? check.reason.message.replace(/\s+/g, " ").slice(0, 300) : String(check.reason);
      request.log.warn({ dependency: index === 0 ? "postgres" : "redis", reason }, "not ready: a dependency does not answer");
      return "degraded";
    });
    const ready = checks.every((check) => check.status === "fulfilled");
    return reply.code(ready ? 200 : 503).send({ status: ready ? "ready" : "not ready", postgres, redis: redisState, tmdb: services.config.tmdbMode });
  });
}
