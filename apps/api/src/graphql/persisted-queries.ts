// Automatic persisted queries (APQ): a client sends a query's SHA-256 instead of its text; the first
// time the server does not know it (PERSISTED_QUERY_NOT_FOUND), the client sends both and the
// server keeps the text. Kept in Redis, so every API process knows a query any of them has seen,
// and a GET with only the hash is short enough for a CDN to cache (cache-control.ts).
//
// Redis away means "not found": the client sends the full query again, nothing fails.
import type { KeyValueCache } from "@apollo/utils.keyvaluecache";
import type { Redis } from "ioredis";
import { withinMs } from "../redis.ts";

/** How long a persisted query is kept after it was last registered (Apollo refreshes it on each registration). */
export const PERSISTED_QUERY_TTL_SECONDS = 7 * 24 * 3600;
/**
 * The longest query text kept. Apollo keeps a query's text once it has validated, before it runs,
 * and anyone may register one, so without a bound every request could park up to the body limit
 * (100 kB of comments or string literals) in the Redis that holds the queues and the rate limits,
 * for a week. Our own operations are under 5 kB printed, the playground's introspection ~3 kB; a
 * longer query still runs, its text is only not kept (the client sends it whole again).
 */
export const MAX_PERSISTED_QUERY_BYTES = 16 * 1024;
/** Longest a lookup may take before the request goes on as if the query were unknown. */
const LOOKUP_BUDGET_MS = 250;

export function redisPersistedQueryCache(redis: Redis, keyPrefix: string): KeyValueCache<string> {
  const keyOf = (key: string) => `${keyPrefix}persisted-query:${key}`;
  return {
    async get(key) {
      const text = await withinMs(redis.get(keyOf(key)), LOOKUP_BUDGET_MS).catch(() => undefined);
      return text ?? undefined;
    },
    async set(key, value, options) {
      if (Buffer.byteLength(value) > MAX_PERSISTED_QUERY_BYTES) return;
      const ttl = options?.ttl ?? PERSISTED_QUERY_TTL_SECONDS;
      await withinMs(redis.set(keyOf(key), value, "EX", Math.max(1, Math.round(ttl))), LOOKUP_BUDGET_MS).catch(() => undefined);
    },
    async delete(key) {
      await withinMs(redis.del(keyOf(key)), LOOKUP_BUDGET_MS).catch(() => undefined);
    },
  };
}
