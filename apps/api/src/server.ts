// The API's HTTP server: GraphQL over HTTP at /graphql (POST JSON, GET for queries), the
// playground at /playground, the queue dashboard at /admin/queues, health at /healthz and
// readiness at /readyz. Its parts: http/guards.ts (request ids, charset, error answers, who is
// calling, the rate limit), graphql/apollo.ts (the GraphQL server and its limits),
// graphql/create-context.ts (one request's context).
import fastifyApollo, { fastifyApolloDrainPlugin } from "@as-integrations/fastify";
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import type { Redis } from "ioredis";
import { createApollo } from "./graphql/apollo.ts";
import type { AppServices } from "./app-services.ts";
import { createContext } from "./graphql/create-context.ts";
import { registerCrossOrigin } from "./http/cross-origin.ts";
import { httpOptions, registerHttpGuards, registerRateLimit, resolveCaller } from "./http/guards.ts";
import { redisPersistedQueryCache } from "./graphql/persisted-queries.ts";
import { registerQueueDashboard } from "./modules/ingest/queue-dashboard.route.ts";
import { registerPlayground } from "./playground/playground.route.ts";
import { registerImportRoutes } from "./modules/imports/import.route.ts";

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

export async function buildServer(services: AppServices): Promise<FastifyInstance> {
  const app = Fastify({ loggerInstance: services.logger as FastifyBaseLogger, ...httpOptions(services.config) });
  registerHttpGuards(app);
  const requestRedis = await registerRateLimit(app, services);
  // Hear about revoked tokens and ended sessions before the first request (not awaited: Redis may be away).
  void services.callers.start();
  const apollo = await createApollo({
    logger: services.logger,
    plugins: [fastifyApolloDrainPlugin(app)],
    jitSightings: services.config.GRAPHQL_JIT_SIGHTINGS,
    persistedQueries: redisPersistedQueryCache(requestRedis, services.config.REDIS_KEY_PREFIX),
  });
  await app.register(async (graphql) => {
    await registerCrossOrigin(graphql, services.config.CORS_ALLOWED_ORIGINS);
    graphql.addHook("onRequest", resolveCaller(services));
    graphql.addHook("onRequest", graphql.rateLimit());
    await graphql.register(fastifyApollo(apollo), {
      path: "/graphql",
      method: ["GET", "POST", "OPTIONS"],
      context: async (request) => createContext(services, request),
    });
  });
  await registerImportRoutes(app, services);
  await registerPlayground(app, { graphqlPath: "/graphql", defaultQuery: EXAMPLE_QUERY, exampleOperations: EXAMPLE_OPERATIONS });
  await registerQueueDashboard(app, services);
  registerHealth(app, services, requestRedis);
  return app;
}

/**
 * Liveness (the process answers) and readiness (Postgres and Redis answer). Anyone may ask, so the
 * answer says only which dependency is degraded; why is in the logs.
 */
function registerHealth(app: FastifyInstance, services: AppServices, redis: Redis) {
  app.get("/healthz", async () => ({ status: "ok" }));
  app.get("/readyz", async (request, reply) => {
    const checks = await Promise.allSettled([services.prisma.$queryRaw`SELECT 1`, redis.ping()]);
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
