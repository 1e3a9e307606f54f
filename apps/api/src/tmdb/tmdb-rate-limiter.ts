// One TMDB request budget shared by every process (API replicas, workers) through Redis:
// at most `requestsPerSecond` requests started in any sliding window of one second, and at most
// `maxInFlight` requests in flight at once. Both are kept in one Lua script so a grant is atomic
// and uses Redis's clock, not each machine's.
import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import pLimit, { type LimitFunction } from "p-limit";

const ACQUIRE_SCRIPT = `
local windowKey, inFlightKey = KEYS[1], KEYS[2]
local limit, windowMs, maxInFlight, leaseMs = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local member = ARGV[5]
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', windowKey, '-inf', now - windowMs)
redis.call('ZREMRANGEBYSCORE', inFlightKey, '-inf', now)
if redis.call('ZCARD', inFlightKey) >= maxInFlight then
  return 10
end
if redis.call('ZCARD', windowKey) >= limit then
  local oldest = redis.call('ZRANGE', windowKey, 0, 0, 'WITHSCORES')
  return math.max(1, tonumber(oldest[2]) + windowMs - now + 1)
end
redis.call('ZADD', windowKey, now, member)
redis.call('PEXPIRE', windowKey, windowMs * 2)
redis.call('ZADD', inFlightKey, now + leaseMs, member)
redis.call('PEXPIRE', inFlightKey, leaseMs * 2)
return 0
`;

// A grant is counted from when its request actually leaves: a busy event loop can hold a granted
// request back, and counting it from the grant would let it bunch up with the next second's.
const RESTAMP_SCRIPT = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
redis.call('ZADD', KEYS[1], 'XX', now, ARGV[1])
return 0
`;

export interface TmdbRateLimiterOptions {
  redis: Redis;
  requestsPerSecond: number;
  maxInFlight: number;
  /** How long a grant holds an in-flight place if its holder dies without releasing it. */
  leaseMs: number;
  keyPrefix?: string;
  /**
   * Added to the one-second window. A grant and the request reaching TMDB are a few ms apart,
   * more when the event loop is busy; the margin keeps TMDB's view of the rate under the limit too.
   */
  safetyMarginMs?: number;
}

export type ReleaseSlot = (() => Promise<void>) & { member: string };

export class TmdbRateLimiter {
  private readonly localSlots: LimitFunction;
  private readonly windowKey: string;
  private readonly inFlightKey: string;
  private readonly windowMs: number;

  constructor(private readonly options: TmdbRateLimiterOptions) {
    // Waiters beyond maxInFlight in this process wait here instead of polling Redis.
    this.localSlots = pLimit(options.maxInFlight);
    const prefix = options.keyPrefix ?? "movierec:tmdb-rate";
    this.windowKey = `${prefix}:window`;
    this.inFlightKey = `${prefix}:in-flight`;
    this.windowMs = 1000 + (options.safetyMarginMs ?? 50);
  }

  /** Runs `task` once the shared budget allows it. */
  schedule<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    return this.localSlots(async () => {
      const release = await this.acquire(signal);
      try {
        await this.options.redis.eval(RESTAMP_SCRIPT, 1, this.windowKey, release.member);
        return await task();
      } finally {
        await release();
      }
    });
  }

  private async acquire(signal?: AbortSignal): Promise<ReleaseSlot> {
    const member = randomUUID();
    for (;;) {
      signal?.throwIfAborted();
      const waitMs = (await this.options.redis.eval(
        ACQUIRE_SCRIPT,
        2,
        this.windowKey,
        this.inFlightKey,
        this.options.requestsPerSecond,
        this.windowMs,
        this.options.maxInFlight,
        this.options.leaseMs,
        member,
      )) as number;
      if (waitMs === 0) {
        return Object.assign(
          async () => {
            await this.options.redis.zrem(this.inFlightKey, member).catch(() => {});
          },
          { member },
        );
      }
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }
}
