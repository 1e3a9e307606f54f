// Guessing protection for the device flow's user codes (RFC 8628 §5.1: the verification page must
// rate-limit code attempts): each signed-in person may type DEVICE_CODE_GUESSES codes that match no
// device in DEVICE_CODE_GUESS_SECONDS; then every lookup, a right code's too, answers RATE_LIMITED
// until the window has passed. Each lookup takes a point first and gives it back when the code
// matched a device (an expired or used one too: those are not guesses). A code is 8 letters of 20
// (20^8 ≈ 2.6 × 10^10) and lives 10 minutes, so this keeps a signed-in guesser's odds negligible.
// rate-limiter-flexible on Redis, counting in memory while Redis is away, as the sign-in throttle does.
import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
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

  /**
   * Takes one of this person's wrong codes before a lookup, atomically (lookups sent at once cannot
   * all pass a check made before any of them has counted), or refuses the lookup when none is left.
   */
  async take(userId: string): Promise<void> {
    try {
      await this.wrongCodes.consume(userId);
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      const seconds = Math.ceil(refusal.msBeforeNext / 1000);
      throw rateLimited(`Too many codes that matched no device. Wait ${Math.ceil(seconds / 60)} min, then type the code the device shows now.`, seconds);
    }
  }

  /** Gives back what take() took: the code matched a device. */
  async giveBack(userId: string): Promise<void> {
    await this.wrongCodes.reward(userId, 1);
  }
}
