// A user's ranked recommendations, kept in Redis so that repeat visits, other tabs and other API
// replicas reuse one ranking instead of building the candidate pool again. Everything that changes
// a user's taste (favourites, watchlist, dismissals, preferences: mutations marked @ChangesTaste)
// drops their lists at once; RECOMMENDATIONS_CACHE_SECONDS bounds how long new titles from ingest
// wait to be considered.
//
// One Redis hash per user: field `version`, bumped by every invalidation, and one field per
// request shape (its filters: every page is a slice of one list, and a page deeper than the stored
// list reaches ranks it again) holding the ranked keys, scores and reasons with the version they
// were ranked under. A ranking that started before an invalidation is never stored over it: the
// store is conditional on the version it read first (one Lua script), so a stale list cannot win a
// race against a favourite added meanwhile.
//
// Redis being slow or away never fails a request: reads give up after READ_TIMEOUT_MS and the
// request ranks afresh; an invalidation that cannot reach Redis stays in the client's queue and runs
// on reconnect, before any later read of that user's lists.
import { createHash } from "node:crypto";
import type { MiddlewareFn } from "type-graphql";
import type { AppServices } from "../../app-services.ts";
import type { GraphQLContext } from "../../graphql/context.ts";
import { withinMs } from "../../redis.ts";
import type { Reason } from "./ranking/types.ts";

const READ_TIMEOUT_MS = 250;

/** What stored rankings need. */
type CacheDeps = Pick<AppServices, "redis" | "config" | "logger">;

export interface CachedRecommendation {
  key: string;
  score: number;
  reasons: Reason[];
}

export interface CachedRanking {
  items: CachedRecommendation[];
  coldStart: boolean;
  /** The list holds every candidate there was (it stopped short of the depth asked for). */
  complete: boolean;
}

interface StoredRanking extends CachedRanking {
  version: string;
  storedAt: number;
}

/** Stores ARGV[3] under field ARGV[2] only while the version is still ARGV[1]. */
const STORE_IF_CURRENT = `
local current = redis.call('HGET', KEYS[1], 'version') or '0'
if current ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], ARGV[2], ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1`;

/** Bumps the version and drops every stored list; the hash outlives the longest list's TTL. */
const INVALIDATE = `
local version = redis.call('HINCRBY', KEYS[1], 'version', 1)
for _, field in ipairs(redis.call('HKEYS', KEYS[1])) do
  if field ~= 'version' then redis.call('HDEL', KEYS[1], field) end
end
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return version`;

const userKey = (ctx: CacheDeps, userId: string) => `${ctx.config.REDIS_KEY_PREFIX}recommendations:${userId}`;
const ttlMs = (ctx: CacheDeps) => ctx.config.RECOMMENDATIONS_CACHE_SECONDS * 1000;

/** The field one request shape is stored under (its filters). */
export function rankingField(shape: unknown): string {
  return createHash("sha1").update(JSON.stringify(shape)).digest("base64url");
}

/**
 * The stored ranking for `field` if it is current, plus the version to store a new one under
 * (undefined: do not store, e.g. caching is off or Redis did not answer in time).
 */
export async function readRanking(ctx: CacheDeps, userId: string, field: string): Promise<{ hit?: CachedRanking; version?: string }> {
  if (!ctx.config.RECOMMENDATIONS_CACHE_SECONDS) return {};
  try {
    const answer = await withinMs(ctx.redis.hmget(userKey(ctx, userId), "version", field), READ_TIMEOUT_MS);
    if (!answer) {
      ctx.logger.warn({ userId }, "recommendations cache: Redis did not answer in time; ranking afresh");
      return {};
    }
    const version = answer[0] ?? "0";
    const stored = answer[1];
    if (stored) {
      const ranking = JSON.parse(stored) as StoredRanking;
      if (ranking.version === version && Date.now() - ranking.storedAt < ttlMs(ctx))
        return { hit: { items: ranking.items, coldStart: ranking.coldStart, complete: ranking.complete }, version };
    }
    return { version };
  } catch (error) {
    ctx.logger.warn({ err: error, userId }, "recommendations cache: read failed; ranking afresh");
    return {};
  }
}

/** Stores a ranking made under `version` unless the user's taste changed meanwhile. Never waits. */
export function storeRanking(ctx: CacheDeps, userId: string, field: string, version: string, ranking: CachedRanking): void {
  const stored: StoredRanking = { ...ranking, version, storedAt: Date.now() };
  ctx.redis.eval(STORE_IF_CURRENT, 1, userKey(ctx, userId), version, field, JSON.stringify(stored), String(ttlMs(ctx))).catch((error: unknown) => {
    ctx.logger.warn({ err: error, userId }, "recommendations cache: store failed");
  });
}

/** Drops every stored ranking of the user (their taste changed). */
export async function invalidateRankings(ctx: CacheDeps, userId: string): Promise<void> {
  // Even with caching off now, lists stored while it was on must not outlive a change.
  const pending = ctx.redis.eval(INVALIDATE, 1, userKey(ctx, userId), String(Math.max(ttlMs(ctx), 60_000) * 2));
  pending.catch((error: unknown) => ctx.logger.warn({ err: error, userId }, "recommendations cache: invalidation failed"));
  if (
    (await withinMs(
      pending.then(() => true).catch(() => false),
      READ_TIMEOUT_MS,
    )) === undefined
  ) {
    ctx.logger.warn({ userId }, "recommendations cache: Redis is slow; the invalidation runs when it answers");
  }
}

/** Removes every stored ranking of a person whose account is gone. */
export async function forgetRankings(ctx: CacheDeps, userId: string): Promise<void> {
  await withinMs(
    ctx.redis
      .del(userKey(ctx, userId))
      .catch((error: unknown) =>
        ctx.logger.warn({ err: error, userId }, "recommendations cache: could not remove a deleted account's rankings; they expire by themselves"),
      ),
    READ_TIMEOUT_MS,
  );
}

/** Marks a mutation that changes the caller's taste: once it succeeds, their rankings are dropped. */
export const ChangesTaste: MiddlewareFn<GraphQLContext> = async ({ context }, next) => {
  const result = await next();
  if (context.viewer) await invalidateRankings(context, context.viewer.userId);
  return result;
};
