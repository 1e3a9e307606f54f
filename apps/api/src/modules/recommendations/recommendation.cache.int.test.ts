// Stored rankings against real Redis (recommendation.cache.ts): each process's own parsed copy is
// served only while Redis still holds the version it was made under, whoever changed it and however
// (another process's invalidation, the key expiring, Redis losing its data).
import { randomUUID } from "node:crypto";
import { testRedisUrl } from "@movierec/dev-stack/testing";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import type { AppServices } from "../../app-services.ts";
import { createLogger } from "../../logger.ts";
import { createRedis } from "../../redis.ts";
import { type CachedRanking, invalidateRankings, rankingField, readRanking, storeRanking } from "./recommendation.cache.ts";

const prefix = `test-rankings-${randomUUID()}:`;
const config = { REDIS_KEY_PREFIX: prefix, RECOMMENDATIONS_CACHE_SECONDS: 600 } as AppServices["config"];
const logger = createLogger({ name: "test", level: "silent" });
/** Two API processes: each its own Redis connection, so each its own copies. */
const processA = { redis: createRedis(testRedisUrl(), "test-a"), config, logger };
const processB = { redis: createRedis(testRedisUrl(), "test-b"), config, logger };
afterAll(async () => {
  const keys = await processA.redis.keys(`${prefix}*`);
  if (keys.length) await processA.redis.del(...keys);
  processA.redis.disconnect();
  processB.redis.disconnect();
});
afterEach(() => vi.useRealTimers());

const field = rankingField({ filter: "none" });
const ranking = (key: string): CachedRanking => ({
  items: [{ key, score: 1, reasons: [{ kind: "GENRE", text: "Because you like Drama" }] }],
  coldStart: false,
  complete: false,
});
const keys = (read: { hit?: CachedRanking }) => read.hit?.items.map((item) => item.key);

/** A ranking made by `by` for a new user, stored, and the user's id. */
async function stored(by: typeof processA, key: string): Promise<string> {
  const userId = randomUUID();
  const { version } = await readRanking(by, userId, field);
  storeRanking(by, userId, field, version!, ranking(key));
  await by.redis.ping(); // the store has run once a later command answers
  return userId;
}

describe("stored rankings and each process's own copies", () => {
  it("a process serves its own parsed copy while the version holds, and another process reads the stored list", async () => {
    const userId = await stored(processA, "movie:1");
    const first = await readRanking(processA, userId, field);
    const again = await readRanking(processA, userId, field);
    // The same objects: nothing crossed from Redis to be parsed.
    expect(again.hit?.items).toBe(first.hit?.items);
    expect(keys(again)).toEqual(["movie:1"]);
    const elsewhere = await readRanking(processB, userId, field);
    expect(keys(elsewhere)).toEqual(["movie:1"]);
    expect(elsewhere.hit?.items).not.toBe(first.hit?.items);
    expect(elsewhere.version).toBe(first.version);
  });

  it("another process's invalidation stops a process serving its copy", async () => {
    const userId = await stored(processA, "movie:2");
    expect(keys(await readRanking(processA, userId, field))).toEqual(["movie:2"]);
    await invalidateRankings(processB, userId);
    const after = await readRanking(processA, userId, field);
    expect(after.hit).toBeUndefined();
    expect(after.version).toBeDefined();
  });

  it("a copy is not served after Redis lost the user's hash, even across a change made in between", async () => {
    const userId = await stored(processA, "movie:3");
    // Lost right after it was made: the next read makes a version, never the old one again.
    await processA.redis.del(`${prefix}recommendations:${userId}`);
    expect((await readRanking(processA, userId, field)).hit).toBeUndefined();

    const other = await stored(processA, "movie:4");
    await invalidateRankings(processB, other); // the person changed their taste…
    await processA.redis.del(`${prefix}recommendations:${other}`); // …then Redis lost it
    expect((await readRanking(processA, other, field)).hit).toBeUndefined();
  });

  it("a copy older than RECOMMENDATIONS_CACHE_SECONDS is not served", async () => {
    const userId = await stored(processA, "movie:5");
    expect(keys(await readRanking(processA, userId, field))).toEqual(["movie:5"]);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 601_000);
    expect((await readRanking(processA, userId, field)).hit).toBeUndefined();
  });

  it("a ranking made under a version that has since changed is neither stored nor served from the copy", async () => {
    const userId = randomUUID();
    const { version } = await readRanking(processA, userId, field);
    await invalidateRankings(processB, userId);
    storeRanking(processA, userId, field, version!, ranking("movie:6"));
    await processA.redis.ping();
    expect((await readRanking(processA, userId, field)).hit).toBeUndefined();
    expect((await readRanking(processB, userId, field)).hit).toBeUndefined();
  });
});
