// One TMDB request budget shared by every process (API replicas, workers) through Redis:
// at most `requestsPerSecond` requests reach TMDB in any one second, and at most `maxInFlight`
// are in flight at once. Both are kept in Redis sorted sets and changed only by Lua scripts, so a
// grant is atomic and uses Redis's clock, not each machine's.
//
// A request holds its place in the one-second window from its grant until one second after it
// finished. TMDB sees a request somewhere between those two moments, so in any second TMDB counts
// only requests that all held a place at the last one's grant: never more than the limit, however
// late a busy event loop sends what it was granted. (Counting a request from its grant instead lets
// the requests still in flight at a window's edge bunch up with the next window's: up to
// limit + maxInFlight in one second, which CI's scaling test saw with four processes on two cores.)
import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import pLimit, { type LimitFunction } from "p-limit";

const WINDOW_MS = 1_000;

// Window members score +inf while their request is in flight and the time it finished after that.
// A holder that dies without releasing is taken as finished when its lease runs out.
const ACQUIRE_SCRIPT = `
local windowKey, inFlightKey = KEYS[1], KEYS[2]
local limit, windowMs, maxInFlight, leaseMs = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local member = ARGV[5]
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + tonumber(time[2]) / 1000
local lapsed = redis.call('ZRANGEBYSCORE', inFlightKey, '-inf', now, 'WITHSCORES')
for i = 1, #lapsed, 2 do
  redis.call('ZADD', windowKey, 'XX', lapsed[i + 1], lapsed[i])
end
redis.call('ZREMRANGEBYSCORE', inFlightKey, '-inf', now)
redis.call('ZREMRANGEBYSCORE', windowKey, '-inf', now - windowMs)
if redis.call('ZCARD', inFlightKey) >= maxInFlight then
  return 10
end
if redis.call('ZCARD', windowKey) >= limit then
  local oldest = tonumber(redis.call('ZRANGE', windowKey, 0, 0, 'WITHSCORES')[2])
  if oldest == nil or oldest == math.huge then
    return 10
  end
  return math.max(1, math.ceil(oldest + windowMs - now))
end
redis.call('ZADD', windowKey, '+inf', member)
redis.call('PEXPIRE', windowKey, windowMs + leaseMs * 2)
redis.call('ZADD', inFlightKey, now + leaseMs, member)
redis.call('PEXPIRE', inFlightKey, leaseMs * 2)
return 0
`;

const RELEASE_SCRIPT = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + tonumber(time[2]) / 1000
redis.call('ZADD', KEYS[1], 'XX', now, ARGV[1])
redis.call('ZREM', KEYS[2], ARGV[1])
return 0
`;

export interface TmdbRateLimiterOptions {
  redis: Redis;
  requestsPerSecond: number;
  maxInFlight: number;
  /** How long a grant holds an in-flight place if its holder dies without releasing it. */
  leaseMs: number;
  keyPrefix?: string;
}

export class TmdbRateLimiter {
  private readonly localSlots: LimitFunction;
  private readonly windowKey: string;
  private readonly inFlightKey: string;

  constructor(private readonly options: TmdbRateLimiterOptions) {
    // Waiters beyond maxInFlight in this process wait here instead of polling Redis.
    this.localSlots = pLimit(options.maxInFlight);
    const prefix = options.keyPrefix ?? "movierec:tmdb-rate";
    this.windowKey = `${prefix}:window`;
    this.inFlightKey = `${prefix}:in-flight`;
  }

  /** Runs `task` once the shared budget allows it. */
  schedule<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    return this.localSlots(async () => {
      const release = await this.acquire(signal);
      try {
        return await task();
      } finally {
        await release();
      }
    });
  }

  /** Waits for a place in the budget; resolves to the function that gives it back. */
  private async acquire(signal?: AbortSignal): Promise<() => Promise<void>> {
    const member = randomUUID();
    for (;;) {
      signal?.throwIfAborted();
      const waitMs = (await this.options.redis.eval(
        ACQUIRE_SCRIPT,
        2,
        this.windowKey,
        this.inFlightKey,
        this.options.requestsPerSecond,
        WINDOW_MS,
        this.options.maxInFlight,
        this.options.leaseMs,
        member,
      )) as number;
      if (waitMs === 0) {
        // If the release fails the lease runs out instead, and the place is freed a little later.
        return async () => {
          await this.options.redis.eval(RELEASE_SCRIPT, 2, this.windowKey, this.inFlightKey, member).catch(() => {});
        };
      }
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }
}
