// The environment every benchmark gives the API (and worker) it starts: its services, the offline
// catalogue, and rate limits out of the way (benchmarks measure the API, not its rate limit).
import { randomBytes } from "node:crypto";

export function benchApiEnv(options: {
  databaseUrl: string;
  redisUrl: string;
  catalogueUrl: string;
  name: string;
  authSecret?: string;
}): Record<string, string> {
  return {
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: options.redisUrl,
    REDIS_KEY_PREFIX: `bench-${options.name}-${randomBytes(3).toString("hex")}:`,
    TMDB_API_BASE_URL: options.catalogueUrl,
    AUTH_SECRET: options.authSecret ?? "bench-secret-0123456789abcdef",
    API_HOST: "127.0.0.1",
    API_RATE_LIMIT_PER_MINUTE_TOKEN: "100000000",
    API_RATE_LIMIT_PER_MINUTE_IP: "100000000",
    SIGN_IN_ATTEMPTS_PER_MINUTE_IP: "100000000",
    INGEST_EVERY_MINUTES: "0",
    // As shipped, production runs one API process per core; BENCH_API_PROCESSES=1 measures one alone.
    ...(process.env.BENCH_API_PROCESSES ? { API_PROCESSES: process.env.BENCH_API_PROCESSES } : {}),
    // BENCH_GRAPHQL_JIT_SIGHTINGS=0 measures execution by graphql-js alone (before graphql-jit).
    ...(process.env.BENCH_GRAPHQL_JIT_SIGHTINGS ? { GRAPHQL_JIT_SIGHTINGS: process.env.BENCH_GRAPHQL_JIT_SIGHTINGS } : {}),
  };
}
