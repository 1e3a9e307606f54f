// A user's ranked recommendations, kept in Redis so that repeat visits, other tabs and other API
// replicas reuse one ranking instead of building the candidate pool again. Everything that changes
// a user's taste (favourites, watchlist, dismissals, preferences: mutations marked @ChangesTaste)
// drops their lists at once; RECOMMENDATIONS_CACHE_SECONDS bounds how long new titles from ingest
// wait to be considered.
//
// One Redis hash per user: field `version`, new (never reused) at every invalidation, and one field per
// request shape (its filters: every page is a slice of one list, and a page deeper than the stored
// list reaches ranks it again) holding the ranked keys, scores and reasons with the version they
// were ranked under. A ranking that started before an invalidation is never stored over it: the
// store is conditional on the version it read first (one Lua script), so a stale list cannot win a
// race against a favourite added meanwhile.
//
// Each process also keeps the rankings it last read or made (parsed, a bounded number): a request
// then asks Redis only whether the user's version is still the one that copy was made under, and
// the stored list (tens of KB of JSON to send and parse) crosses only when it is not. One round trip
// either way (READ_IF_CHANGED).
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
/** Parsed rankings kept per process (a 60-item list with reasons: a few tens of KB of heap). */
const MAX_KEPT_RANKINGS = 1_000;

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
local current = redis.call('HGET', KEYS[1], 'version') or ''
if current ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], ARGV[2], ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1`;

/**
 * A version no earlier life of the hash had: Redis' clock and a per-hash counter. Versions are never
 * reused, even after the key expired or Redis lost its data, because a process's own copy of a
 * ranking (below) is trusted on its version alone.
 */
const NEW_VERSION = `
local function newVersion()
  local now = redis.call('TIME')
  return now[1] .. '.' .. now[2] .. '#' .. redis.call('HINCRBY', KEYS[1], 'n', 1)
end`;

/**
 * The user's version (made if the hash has none, living ARGV[3] ms), and the stored list under
 * field ARGV[2] only when the version is not ARGV[1] (the one the caller's own copy was made under).
 */
const READ_IF_CHANGED = `${NEW_VERSION}
local version = redis.call('HGET', KEYS[1], 'version')
if not version then
  version = newVersion()
  redis.call('HSET', KEYS[1], 'version', version)
  redis.call('PEXPIRE', KEYS[1], ARGV[3])
end
if version == ARGV[1] then return {version} end
return {version, redis.call('HGET', KEYS[1], ARGV[2])}`;
const READ_IF_CHANGED_SHA = createHash("sha1").update(READ_IF_CHANGED).digest("hex");

/** Gives the hash a new version and drops every stored list; the hash outlives the longest list's TTL. */
const INVALIDATE = `${NEW_VERSION}
local version = newVersion()
for _, field in ipairs(redis.call('HKEYS', KEYS[1])) do
  if field ~= 'n' then redis.call('HDEL', KEYS[1], field) end
end
redis.call('HSET', KEYS[1], 'version', version)
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return version`;

const userKey = (ctx: CacheDeps, userId: string) => `${ctx.config.REDIS_KEY_PREFIX}recommendations:${userId}`;
const ttlMs = (ctx: CacheDeps) => ctx.config.RECOMMENDATIONS_CACHE_SECONDS * 1000;
/** How long the hash lives after a new version: longer than any list stored under it. */
const hashLifetimeMs = (ctx: CacheDeps) => Math.max(ttlMs(ctx), 60_000) * 2;

/** The field one request shape is stored under (its filters). */
export function rankingField(shape: unknown): string {
  return createHash("sha1").update(JSON.stringify(shape)).digest("base64url");
}

/** This process's copies of rankings, per Redis client, by user key and field (oldest first, for eviction). */
const keptRankings = new WeakMap<object, Map<string, StoredRanking>>();

function keptFor(ctx: CacheDeps): Map<string, StoredRanking> {
  let kept = keptRankings.get(ctx.redis);
  if (!kept) keptRankings.set(ctx.redis, (kept = new Map()));
  return kept;
}

function keep(ctx: CacheDeps, id: string, ranking: StoredRanking): void {
  const kept = keptFor(ctx);
  kept.delete(id);
  if (kept.size >= MAX_KEPT_RANKINGS) kept.delete(kept.keys().next().value!);
  kept.set(id, ranking);
}

/** READ_IF_CHANGED by its hash, sending the script itself only when Redis does not have it yet. */
async function readIfChanged(ctx: CacheDeps, key: string, knownVersion: string, field: string): Promise<[string, string | null] | [string]> {
  const args = [1, key, knownVersion, field, String(hashLifetimeMs(ctx))] as const;
  try {
    return (await ctx.redis.evalsha(READ_IF_CHANGED_SHA, ...args)) as [string, string | null] | [string];
  } catch (error) {
    if (!(error instanceof Error && error.message.startsWith("NOSCRIPT"))) throw error;
    return (await ctx.redis.eval(READ_IF_CHANGED, ...args)) as [string, string | null] | [string];
  }
}

/**
 * The stored ranking for `field` if it is current, plus the version to store a new one under
 * (undefined: do not store, e.g. caching is off or Redis did not answer in time).
 */
export async function readRanking(ctx: CacheDeps, userId: string, field: string): Promise<{ hit?: CachedRanking; version?: string }> {
  if (!ctx.config.RECOMMENDATIONS_CACHE_SECONDS) return {};
  const key = userKey(ctx, userId);
  const id = `${key}\n${field}`;
  const own = keptFor(ctx).get(id);
  try {
    const answer = await withinMs(readIfChanged(ctx, key, own?.version ?? "", field), READ_TIMEOUT_MS);
    if (!answer) {
      ctx.logger.warn({ userId }, "recommendations cache: Redis did not answer in time; ranking afresh");
      return {};
    }
    const [version, stored] = answer;
    let ranking: StoredRanking | undefined;
    if (answer.length === 1) ranking = own;
    else if (stored) {
      ranking = JSON.parse(stored) as StoredRanking;
      if (ranking.version === version) keep(ctx, id, ranking);
    }
    if (ranking && ranking.version === version && Date.now() - ranking.storedAt < ttlMs(ctx))
      return { hit: { items: ranking.items, coldStart: ranking.coldStart, complete: ranking.complete }, version };
    return { version };
  } catch (error) {
    ctx.logger.warn({ err: error, userId }, "recommendations cache: read failed; ranking afresh");
    return {};
  }
}

/** Stores a ranking made under `version` unless the user's taste changed meanwhile. Never waits. */
export function storeRanking(ctx: CacheDeps, userId: string, field: string, version: string, ranking: CachedRanking): void {
  const stored: StoredRanking = { ...ranking, version, storedAt: Date.now() };
  const key = userKey(ctx, userId);
  // Kept here too: served only while Redis still says `version`, so a refused store changes nothing.
  keep(ctx, `${key}\n${field}`, stored);
  ctx.redis.eval(STORE_IF_CURRENT, 1, key, version, field, JSON.stringify(stored), String(ttlMs(ctx))).catch((error: unknown) => {
    ctx.logger.warn({ err: error, userId }, "recommendations cache: store failed");
  });
}

/** Drops every stored ranking of the user (their taste changed). */
export async function invalidateRankings(ctx: CacheDeps, userId: string): Promise<void> {
  // Even with caching off now, lists stored while it was on must not outlive a change.
  const pending = ctx.redis.eval(INVALIDATE, 1, userKey(ctx, userId), String(hashLifetimeMs(ctx)));
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
