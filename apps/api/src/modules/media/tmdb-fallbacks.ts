// When a request may ask TMDB for what the cache lacks (a search or browse with too few matches, a
// title by id the cache has not stored): once per search or filter per hour across every API
// process, and, for a caller who is not signed in, at most ANONYMOUS_TMDB_FALLBACKS_PER_MINUTE
// times a minute per address, so no anonymous caller spends the deployment's shared TMDB budget.
// Past it a search or browse serves what the cache has and a title by id is RATE_LIMITED.
// Signed-in callers are held by their own rate limit instead (API_RATE_LIMIT_PER_MINUTE_TOKEN): a
// person rating their history title by title through the API may need hundreds of titles the cache
// lacks in a minute. Ids TMDB answered 404 for are not asked again for a day
// (enrichment.service.ts). Jobs, the CLI and benches carry no caller (imports count their own
// TMDB calls: IMPORT_TMDB_LOOKUPS).
import type { Redis } from "ioredis";
import type { Config } from "../../config.ts";
import { type AppError, rateLimited } from "../../errors.ts";
import type { Logger } from "../../logger.ts";
import { withinMs } from "../../redis.ts";

/** Longest a look at Redis may take before the request goes on without TMDB (Redis away). */
const REDIS_BUDGET_MS = 250;

/** Who asked, as a request's context carries it. */
export interface FallbackCaller {
  viewer?: { userId: string } | null;
  /** The caller's address (graphql/context.ts). */
  clientIp?: string;
}

export interface FallbackDeps extends FallbackCaller {
  redis: Redis;
  config: Pick<Config, "REDIS_KEY_PREFIX" | "ANONYMOUS_TMDB_FALLBACKS_PER_MINUTE">;
  logger: Logger;
}

/** The budget's owner: a signed-out caller's address; null for a signed-in caller or outside a request (no budget). */
function callerKey(caller: FallbackCaller): string | null {
  return caller.viewer || !caller.clientIp ? null : caller.clientIp;
}

/**
 * Takes one of a signed-out caller's TMDB fallbacks: 0 when it may ask TMDB now, else the seconds
 * until its budget comes back (a minute from its first fallback). 0 for a signed-in caller, outside
 * a request, and when Redis does not answer within 250 ms.
 */
export async function takeFallback(ctx: Partial<FallbackDeps>): Promise<number> {
  const caller = callerKey(ctx);
  if (!caller || !ctx.redis || !ctx.config || !ctx.logger) return 0;
  const key = `${ctx.config.REDIS_KEY_PREFIX}tmdb-fallbacks:ip:${caller}`;
  // (SET … NX starts the minute with the first fallback; EXPIRE's NX option would need Redis 7)
  const counted = await withinMs(ctx.redis.multi().set(key, 0, "EX", 60, "NX").incr(key).ttl(key).exec(), REDIS_BUDGET_MS).catch(() => undefined);
  const [, count, ttl] = (counted ?? []).map(([, value]) => value);
  if (typeof count !== "number") {
    // Not counted: a request is not refused for Redis being slow (a search's own once-an-hour mark,
    // asked first, already stood).
    ctx.logger.warn({ caller }, "TMDB fallback not counted: Redis did not answer in time");
    return 0;
  }
  return count <= ctx.config.ANONYMOUS_TMDB_FALLBACKS_PER_MINUTE ? 0 : Math.max(1, typeof ttl === "number" ? ttl : 60);
}

/**
 * True once per `key` per hour across every API process, and only within a signed-out caller's budget: TMDB
 * fallbacks for the same search or filter are not repeated while what they found is already in the
 * cache. False, without waiting, when Redis does not answer within 250 ms (the request then serves
 * what the cache has).
 */
export async function firstAskInAWhile(ctx: FallbackDeps, key: string): Promise<boolean> {
  const markKey = askMarkKey(ctx, key);
  const answer = await withinMs(ctx.redis.set(markKey, "1", "EX", 3600, "NX"), REDIS_BUDGET_MS);
  if (answer === undefined) ctx.logger.warn({ key }, "TMDB fallback skipped: Redis did not answer in time");
  if (answer !== "OK") return false;
  if ((await takeFallback(ctx)) === 0) return true;
  // Over this caller's budget: the search stays unasked, for the next caller to ask.
  await withinMs(ctx.redis.del(markKey), REDIS_BUDGET_MS).catch(() => undefined);
  return false;
}

/** How long a fallback TMDB could not answer waits before it is asked again (instead of an hour). */
export const ASK_AGAIN_AFTER_FAILURE_SECONDS = 60;

/**
 * A fallback TMDB could not answer: its mark lasts a minute instead of an hour, so a caller a minute
 * later asks again, while TMDB is not asked (and a request does not wait on a hanging TMDB) on every
 * search meanwhile.
 */
export async function askAgainSoon(ctx: FallbackDeps, key: string): Promise<void> {
  await withinMs(ctx.redis.set(askMarkKey(ctx, key), "1", "EX", ASK_AGAIN_AFTER_FAILURE_SECONDS, "XX"), REDIS_BUDGET_MS).catch(() => undefined);
}

function askMarkKey(ctx: FallbackDeps, key: string): string {
  return `${ctx.config.REDIS_KEY_PREFIX}tmdb-fallback:${key}`;
}

/** A title by id the cache lacks, asked past a signed-out caller's budget: wait `seconds`. */
export function fallbacksSpent(seconds: number): AppError {
  return rateLimited(
    `Too many titles movierec has not stored yet were asked for from this address this minute (TMDB's limit is shared by everyone; signed in, the limit is your own): try again in ${seconds} s.`,
    seconds,
  );
}
