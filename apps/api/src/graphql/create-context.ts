// One GraphQL request's context: the process's services, who is calling (settled by the HTTP
// server's viewer hook), a child logger carrying the request id, and fresh DataLoaders.
import type { FastifyRequest } from "fastify";
import { INTERNAL_KEY_HEADER, isInternalCaller } from "../modules/auth/oauth-account.service.ts";
import type { AppServices } from "../app-services.ts";
import type { GraphQLContext } from "./context.ts";
import { createLoaders } from "./loaders.ts";
import { requestLocale } from "./locale.ts";

export function createContext(services: AppServices, request: Pick<FastifyRequest, "id" | "ip" | "headers" | "viewer" | "viewerError">): GraphQLContext {
  if (request.viewerError) throw request.viewerError;
  const viewer = request.viewer ?? null;
  const { config } = services;
  return {
    ...services,
    // A request waits on TMDB's pacing briefly, never the worker's minutes (app-services.ts).
    tmdb: services.tmdbForRequests,
    enrichment: services.enrichmentForRequests,
    genres: services.genresForRequests,
    watchProviders: services.watchProvidersForRequests,
    logger: services.logger.child({ requestId: request.id }),
    requestId: request.id,
    clientIp: request.ip,
    viewer,
    locale: requestLocale(request.headers["accept-language"]),
    internal: isInternalCaller(request.headers[INTERNAL_KEY_HEADER], config.AUTH_SECRET),
    loaders: createLoaders({
      prisma: services.prisma,
      enrichment: services.enrichmentForRequests,
      userId: viewer?.userId ?? null,
      catalogue: services.recommendationServing,
    }),
  };
}
