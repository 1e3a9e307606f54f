// The API's HTTP server: GraphQL at /graphql, health at /healthz and /readyz.
import { ApolloServer } from "@apollo/server";
import fastifyApollo, { fastifyApolloDrainPlugin } from "@as-integrations/fastify";
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import type { Redis } from "ioredis";
import type { Config } from "./config.ts";
import type { PrismaClient } from "./db.ts";
import type { Logger } from "./logger.ts";

// Placeholder contract until the TypeGraphQL schema lands (issue 3).
const typeDefs = /* GraphQL */ `
  enum TmdbMode { ONLINE OFFLINE }
  type ServerInfo { tmdbMode: TmdbMode! }
  type Query { serverInfo: ServerInfo! }
`;

export interface ApiDependencies {
  config: Config;
  logger: Logger;
  prisma: PrismaClient;
  redis: Redis;
}

export async function buildServer(deps: ApiDependencies): Promise<FastifyInstance> {
  const app = Fastify({ loggerInstance: deps.logger as FastifyBaseLogger, bodyLimit: 1_000_000, requestIdHeader: "x-request-id" });
  const apollo = new ApolloServer({
    typeDefs,
    resolvers: { Query: { serverInfo: () => ({ tmdbMode: deps.config.tmdbMode.toUpperCase() }) } },
    plugins: [fastifyApolloDrainPlugin(app)],
  });
  await apollo.start();
  await app.register(fastifyApollo(apollo), { path: "/graphql" });

  app.get("/healthz", async () => ({ status: "ok" }));
  app.get("/readyz", async (_request, reply) => {
    const checks = await Promise.allSettled([deps.prisma.$queryRaw`SELECT 1`, deps.redis.ping()]);
    const [postgres, redis] = checks.map((check) => (check.status === "fulfilled" ? "ok" : `error: ${(check.reason as Error).message}`));
    const ready = checks.every((check) => check.status === "fulfilled");
    return reply.code(ready ? 200 : 503).send({ status: ready ? "ready" : "not ready", postgres, redis, tmdb: deps.config.tmdbMode });
  });
  app.get("/playground", async (_request, reply) =>
    reply.type("text/html").send("<!doctype html><title>movierec playground</title><p>The GraphQL playground arrives with the API (issue 3). POST queries to /graphql meanwhile.</p>"),
  );
  return app;
}
