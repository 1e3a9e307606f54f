// The long-lived services one API (or worker) process shares across requests.
import type { Redis } from "ioredis";
import type { Config } from "./config.ts";
import { createPrisma, type PrismaClient, type SqlQueryCounter } from "./db.ts";
import { configureCursorKey } from "./graphql/connection.ts";
import type { Logger } from "./logger.ts";
import { CallerCache } from "./modules/auth/caller-cache.ts";
import { SignInThrottle } from "./modules/auth/sign-in-throttle.ts";
import { ingestQueues, type IngestQueues } from "./modules/ingest/ingest.queues.ts";
import { EnrichmentService } from "./modules/media/enrichment.service.ts";
import { GenreService } from "./modules/media/genre.service.ts";
import { fallbackImageBaseUrl, ImageConfigService } from "./modules/media/image-config.service.ts";
import { WatchProviderService } from "./modules/watch-providers/watch-provider.service.ts";
import { RecommendationServing } from "./modules/recommendations/serving/recommendation-serving.ts";
import { DeviceCodeThrottle } from "./modules/oauth/device-code-throttle.ts";
import { OAuthServerSlot } from "./modules/oauth/oauth-server-slot.ts";
import { createFailFastRedis, createRedis } from "./redis.ts";
import { createTmdbClient, type TmdbClient } from "./tmdb/index.ts";

/** How many times a request waits out TMDB's 429 before answering TMDB_UNAVAILABLE, and the longest Retry-After it waits. */
export const REQUEST_RATE_LIMIT_WAITS = 2;
const REQUEST_LONGEST_RETRY_AFTER_MS = 5_000;

/** Long-lived services, created once per process. */
export interface AppServices {
  config: Config;
  logger: Logger;
  prisma: PrismaClient;
  redis: Redis;
  tmdb: TmdbClient;
  /** The same client with a request's patience for TMDB's 429s (GraphQL's fallbacks and request-time enrichment use it). */
  tmdbForRequests: TmdbClient;
  /** For the worker (imports): TMDB's pacing waited out. */
  enrichment: EnrichmentService;
  /** For requests (GraphQL's context): a request's patience (tmdbForRequests). */
  enrichmentForRequests: EnrichmentService;
  /** For the worker (an import's preferences): TMDB's pacing waited out. */
  genres: GenreService;
  /** For requests (GraphQL's context): a request's patience (tmdbForRequests). */
  genresForRequests: GenreService;
  /** Streaming services and shops per region (TMDB's provider lists, stored); the worker's. */
  watchProviders: WatchProviderService;
  /** The same for requests (GraphQL's context): a request's patience. */
  watchProvidersForRequests: WatchProviderService;
  images: ImageConfigService;
  queues: IngestQueues;
  /** The catalogue and live model held in memory for ranking (read on first use, then kept current). */
  recommendationServing: RecommendationServing;
  /** Who each recently seen token or session cookie belongs to (CREDENTIAL_CACHE_MS), dropped everywhere when one ends. */
  callers: CallerCache;
  /** Failed password sign-ins per account and attempts per address (brute-force protection). */
  signInThrottle: SignInThrottle;
  /** Device-flow codes typed that matched no device, per person (RFC 8628 §5.1). */
  deviceCodeThrottle: DeviceCodeThrottle;
  /** The OAuth server for third-party apps, once server.ts has mounted it (modules/oauth). */
  oauth: OAuthServerSlot;
}

export function createAppServices(options: {
  config: Config;
  logger: Logger;
  name: string;
  queryCounter?: SqlQueryCounter;
}): AppServices & { close(): Promise<void> } {
  const { config, logger } = options;
  // Cursors are sealed with a key from AUTH_SECRET, the same in every process of a deployment.
  configureCursorKey(config.AUTH_SECRET);
  const prisma = createPrisma(config.DATABASE_URL, {
    queryCounter: options.queryCounter,
    onTransientRetry: (error, attempt) =>
      logger.warn(
        { attempt, err: error instanceof Error ? error.message.replace(/\s+/g, " ").slice(0, 200) : String(error) },
        "transaction retried after a deadlock or serialization failure",
      ),
  });
  const redis = createRedis(config.REDIS_URL, options.name);
  const tmdb = createTmdbClient({ config, redis, logger });
  // What a request (a page waiting) or an import row asks TMDB with: TMDB's pacing (429) waited out
  // twice, for at most 5 s each, instead of the worker's 20 waits of up to a minute; the request then
  // answers TMDB_UNAVAILABLE with a wait, and the worker fills the title in later.
  const tmdbForRequests = tmdb.withLimits({ maxRateLimitRetries: REQUEST_RATE_LIMIT_WAITS, maxRetryAfterMs: REQUEST_LONGEST_RETRY_AFTER_MS });
  // Its own connection that fails fast: a sign-in or a device code never waits for Redis (the throttles then count in memory).
  const throttleRedis = createFailFastRedis(redis, `${options.name}-sign-in-throttle`);
  const queues = ingestQueues({ redis, config });
  const callers = new CallerCache({ ttlMs: config.CREDENTIAL_CACHE_MS, redis, channel: `${config.REDIS_KEY_PREFIX}credential-ends`, logger });
  // While Redis is unreachable every reconnect attempt reaches each queue; without a listener BullMQ
  // prints each one with its stack. The connection reconnects by itself.
  for (const queue of Object.values(queues))
    queue.on("error", (error) => logger.warn({ queue: queue.name, err: error.message }, "queue: Redis connection error"));
  return {
    config,
    logger,
    prisma,
    redis,
    tmdb,
    tmdbForRequests,
    // As many details fetches at once as the TMDB budget lets be in flight (the shared limiter still
    // paces them). The worker's (imports) waits out TMDB's pacing; a request's is the one GraphQL's
    // context uses (graphql/create-context.ts).
    enrichment: new EnrichmentService({ prisma, tmdb, logger, redis, keyPrefix: config.REDIS_KEY_PREFIX, concurrency: config.TMDB_MAX_IN_FLIGHT }),
    enrichmentForRequests: new EnrichmentService({
      prisma,
      tmdb: tmdbForRequests,
      logger,
      redis,
      keyPrefix: config.REDIS_KEY_PREFIX,
      concurrency: config.TMDB_MAX_IN_FLIGHT,
    }),
    // The worker's (an import's preferences) wait out TMDB's pacing; a request's (GraphQL's context)
    // give up after two short waits, serve what the table holds (or nothing) and try again on a
    // later request. Each keeps its own copy in memory of the same table.
    genres: new GenreService({ prisma, tmdb, logger }),
    genresForRequests: new GenreService({ prisma, tmdb: tmdbForRequests, logger }),
    watchProviders: new WatchProviderService({ prisma, tmdb, logger }),
    watchProvidersForRequests: new WatchProviderService({ prisma, tmdb: tmdbForRequests, logger }),
    images: new ImageConfigService({ tmdb, logger, fallbackBaseUrl: fallbackImageBaseUrl(config) }),
    queues,
    recommendationServing: new RecommendationServing(prisma, config.CATALOGUE_REFRESH_MS),
    callers,
    signInThrottle: new SignInThrottle({
      redis: throttleRedis,
      keyPrefix: config.REDIS_KEY_PREFIX,
      attemptsPerIpPerMinute: config.SIGN_IN_ATTEMPTS_PER_MINUTE_IP,
    }),
    deviceCodeThrottle: new DeviceCodeThrottle({ redis: throttleRedis, keyPrefix: config.REDIS_KEY_PREFIX }),
    oauth: new OAuthServerSlot(),
    close: async () => {
      await Promise.allSettled([...Object.values(queues).map((queue) => queue.close()), prisma.$disconnect()]);
      throttleRedis.disconnect();
      callers.close();
      await redis.quit().catch(() => {});
    },
  };
}
