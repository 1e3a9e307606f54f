// Brute-force protection for password sign-in (rate-limiter-flexible on Redis), in two parts that
// no credential on the request can escape:
//   - per account: after FREE_FAILURES wrong passwords in a row, each further attempt must wait,
//     2 s, 4 s, 8 s … up to MAX_LOCK_SECONDS, until a right one resets the count. Keyed by the
//     normalised email whether or not an account has it, so the answers reveal nothing about which
//     emails exist;
//   - per client address: SIGN_IN_ATTEMPTS_PER_MINUTE_IP (config.ts, 30 by default) sign-in and
//     sign-up attempts of any outcome, whoever is signed in.
// A locked account answers RATE_LIMITED before any password is hashed. While Redis is unreachable
// each process keeps counting in memory (insurance limiters), so the protection does not lapse.
import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { rateLimited } from "../../errors.ts";

export const SIGN_IN_LIMITS = {
  freeFailures: 5,
  maxLockSeconds: 15 * 60,
  /** A run of failures is forgotten this long after its last one. */
  failureMemorySeconds: 60 * 60,
} as const;

/** Seconds the account waits after `failures` wrong passwords in a row (0: none yet). */
export function lockSeconds(failures: number): number {
  const over = failures - SIGN_IN_LIMITS.freeFailures;
  return over <= 0 ? 0 : Math.min(2 ** over, SIGN_IN_LIMITS.maxLockSeconds);
}

export class SignInThrottle {
  private readonly failures: RateLimiterRedis;
  private readonly locks: RateLimiterRedis;
  private readonly perIp: RateLimiterRedis;

  constructor(options: { redis: Redis; keyPrefix: string; attemptsPerIpPerMinute: number }) {
    const store = (name: string, points: number, duration: number) =>
      new RateLimiterRedis({
        storeClient: options.redis,
        keyPrefix: `${options.keyPrefix}sign-in-${name}`,
        points,
        duration,
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix: `sign-in-${name}`, points, duration }),
      });
    this.failures = store("failures", 1_000_000, SIGN_IN_LIMITS.failureMemorySeconds);
    this.locks = store("locks", 1, 1);
    this.perIp = store("ip", options.attemptsPerIpPerMinute, 60);
  }

  /** Counts a sign-in or sign-up against the address (sign-ups share the budget: each is a hash, and each tells whether an email is taken). */
  async admitAddress(ip: string): Promise<void> {
    try {
      await this.perIp.consume(ip);
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      const seconds = Math.ceil(refusal.msBeforeNext / 1000);
      throw rateLimited(`Too many sign-in or sign-up attempts from your address. Try again in ${seconds} s.`, seconds);
    }
  }

  /** Counts the attempt against the address; refuses it while the address or the account must wait. */
  async admit(input: { email: string; ip: string }): Promise<void> {
    await this.admitAddress(input.ip);
    const lock = await this.locks.get(input.email);
    if (lock && lock.consumedPoints > 1 && lock.msBeforeNext > 0) {
      const seconds = Math.ceil(lock.msBeforeNext / 1000);
      throw rateLimited(
        `Too many wrong passwords for this email. Wait ${seconds} s before trying again; each further wrong one doubles the wait (at most ${SIGN_IN_LIMITS.maxLockSeconds / 60} minutes).`,
        seconds,
      );
    }
  }

  /** A wrong password (or no such account): one more in the run, and the wait it earns. */
  async failed(email: string): Promise<void> {
    const run = await this.failures.penalty(email, 1);
    const seconds = lockSeconds(run.consumedPoints);
    if (seconds > 0) await this.locks.block(email, seconds);
  }

  /** The right password ends the run. */
  async succeeded(email: string): Promise<void> {
    await Promise.all([this.failures.delete(email), this.locks.delete(email)]);
  }
}
