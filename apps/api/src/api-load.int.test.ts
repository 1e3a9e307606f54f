// The API's load as the worker sees it (api-load.ts), on a real Redis: an API process that is busy
// reads as busy, a quiet one as quiet, reports of stopped processes stop counting, and background
// work runs one job at a time, each after a pause, only while the API is busy.
import { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { testRedisUrl, uniqueName } from "@movierec/dev-stack/testing";
import { ApiLoadGauge, reportApiLoad, YieldToApi } from "./api-load.ts";

let redis: Redis;
const config = { REDIS_KEY_PREFIX: `${uniqueName("api-load")}:` };
const key = `${config.REDIS_KEY_PREFIX}api-load`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Keeps this process's event loop busy for `ms` of every `ms + 5` for `totalMs`. */
async function keepBusy(ms: number, totalMs: number) {
  const end = Date.now() + totalMs;
  while (Date.now() < end) {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      // busy: the event loop runs this and nothing else
    }
    await sleep(5);
  }
}

beforeAll(() => {
  redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
});
beforeEach(async () => {
  await redis.del(key);
});
afterAll(async () => {
  await redis.quit();
});

describe("the API's load in Redis", () => {
  it("reads as busy while an API process's event loop is busy and as quiet once it idles", async () => {
    const stop = reportApiLoad({ redis, config }, 50);
    const gauge = new ApiLoadGauge({ redis, config }, 0);
    try {
      await keepBusy(80, 400);
      expect(await gauge.load()).toBeGreaterThan(0.7);
      await sleep(300);
      expect(await gauge.load()).toBeLessThan(0.3);
    } finally {
      stop();
    }
    // A stopped process takes its report with it.
    await sleep(50);
    expect(await redis.hlen(key)).toBe(0);
  });

  it("ignores reports more than a few seconds old and removes those of processes long gone", async () => {
    await redis.hset(key, "gone:1", `0.950 ${Date.now() - 10_000}`, "gone:2", `0.990 ${Date.now() - 120_000}`, "live:3", `0.200 ${Date.now()}`);
    expect(await new ApiLoadGauge({ redis, config }, 0).load()).toBe(0.2);
    expect((await redis.hkeys(key)).sort()).toEqual(["gone:1", "live:3"]);
  });

  it("reads as quiet when Redis does not answer, so ingest is never stopped by an outage", async () => {
    const away = new Redis("redis://127.0.0.1:1", { maxRetriesPerRequest: 0, enableOfflineQueue: false, lazyConnect: true });
    away.on("error", () => {});
    expect(await new ApiLoadGauge({ redis: away, config }, 0).load()).toBe(0);
    away.disconnect();
  });
});

describe("background work while the API is busy", () => {
  /** Runs `count` jobs at once through `gate`; how many ran at the same time at most, and how long it took. */
  async function runJobs(gate: YieldToApi, count: number) {
    let running = 0;
    let most = 0;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: count }, () =>
        gate.run(async () => {
          most = Math.max(most, ++running);
          await sleep(20);
          running--;
        }),
      ),
    );
    return { most, ms: Date.now() - started };
  }

  it("runs one job at a time, each after the pause, only while the API reads as busy", async () => {
    const gate = new YieldToApi(new ApiLoadGauge({ redis, config }, 0), { busyAbove: 0.5, pauseMs: 100 });

    await redis.hset(key, "api:1", `0.100 ${Date.now()}`);
    const quiet = await runJobs(gate, 4);
    expect(quiet.most).toBe(4);
    expect(gate.yielded).toBe(0);

    await redis.hset(key, "api:1", `0.800 ${Date.now()}`);
    const busy = await runJobs(gate, 4);
    expect(busy.most).toBe(1);
    expect(busy.ms).toBeGreaterThanOrEqual(4 * (100 + 20) - 10);
    expect(gate.yielded).toBe(4);
  });

  it("never waits when yielding is turned off (WORKER_YIELD_ABOVE_ELU=0)", async () => {
    const gate = new YieldToApi({ load: async () => 1 }, { busyAbove: 0, pauseMs: 100 });
    const { most } = await runJobs(gate, 3);
    expect(most).toBe(3);
    expect(gate.yielded).toBe(0);
  });
});
