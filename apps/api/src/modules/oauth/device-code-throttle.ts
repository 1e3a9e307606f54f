// Guessing protection for the device flow's user codes (RFC 8628 §5.1: the verification page must
// rate-limit code attempts): each signed-in person may type DEVICE_CODE_GUESSES codes that match no
// waiting device in DEVICE_CODE_GUESS_SECONDS; then every lookup, a right code's too, answers
// RATE_LIMITED until the window has passed. A code is 8 letters of 20 (20^8 ≈ 2.6 × 10^10) and lives
// 10 minutes, so this keeps a signed-in guesser's odds negligible. rate-limiter-flexible on Redis,
// counting in memory while Redis is away, as the sign-in throttle does.
import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis } from "rate-limiter-flexible";
import { rateLimited } from "../../errors.ts";

export const DEVICE_CODE_GUESSES = 10;
export const DEVICE_CODE_GUESS_SECONDS = 15 * 60;

export class DeviceCodeThrottle {
  private readonly wrongCodes: RateLimiterRedis;

  constructor(options: { redis: Redis; keyPrefix: string }) {
    this.wrongCodes = new RateLimiterRedis({
      storeClient: options.redis,
      keyPrefix: `${options.keyPrefix}device-code-wrong`,
      points: DEVICE_CODE_GUESSES,
      duration: DEVICE_CODE_GUESS_SECONDS,
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory({ keyPrefix: "device-code-wrong", points: DEVICE_CODE_GUESSES, duration: DEVICE_CODE_GUESS_SECONDS }),
    });
  }

  /** Refuses the lookup while this person has used up their wrong codes. */
  async admit(userId: string): Promise<void> {
    const used = await this.wrongCodes.get(userId);
    if (used && used.consumedPoints >= DEVICE_CODE_GUESSES && used.msBeforeNext > 0) {
      const seconds = Math.ceil(used.msBeforeNext / 1000);
      throw rateLimited(`Too many codes that matched no device. Wait ${Math.ceil(seconds / 60)} min, then type the code the device shows now.`, seconds);
    }
  }

  /** A code that matched no waiting device. */
  async wrong(userId: string): Promise<void> {
    await this.wrongCodes.penalty(userId, 1);
  }
}
