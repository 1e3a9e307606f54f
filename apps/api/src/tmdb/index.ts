import type { Redis } from "ioredis";
import type { Config } from "../config.ts";
import type { Logger } from "../logger.ts";
import { TmdbClient } from "./tmdb-client.ts";
import { TmdbRateLimiter } from "./tmdb-rate-limiter.ts";

export { TmdbClient, TMDB_MAX_PAGE, parseRetryAfter, type TmdbListName, type Query as TmdbQuery } from "./tmdb-client.ts";
export { TmdbError, type TmdbErrorCode } from "./tmdb-errors.ts";
export { TmdbRateLimiter } from "./tmdb-rate-limiter.ts";
export * from "./tmdb-schemas.ts";

/** The TMDB client as configured: online with TMDB_API_TOKEN or TMDB_API_KEY, else the offline catalogue. */
export function createTmdbClient(options: { config: Config; redis: Redis; logger?: Logger }): TmdbClient {
  const { config } = options;
  return new TmdbClient({
    baseUrl: config.TMDB_API_BASE_URL,
    credential: config.tmdbCredential,
    timeoutMs: config.TMDB_TIMEOUT_MS,
    maxRetries: config.TMDB_MAX_RETRIES,
    logger: options.logger,
    rateLimiter: new TmdbRateLimiter({
      redis: options.redis,
      requestsPerSecond: config.TMDB_RATE_LIMIT_PER_SECOND,
      maxInFlight: config.TMDB_MAX_IN_FLIGHT,
      leaseMs: config.TMDB_TIMEOUT_MS + 5_000,
      keyPrefix: `${config.REDIS_KEY_PREFIX}tmdb-rate`,
    }),
  });
}
