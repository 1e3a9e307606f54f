// Fills the MediaCache fields TMDB lists do not carry (runtime, cast, directors, keywords, and a
// poster or votes a list item lacked) by fetching details, then writes them back so the next
// request needs no TMDB call. Calls for the same title are shared while in flight, across every
// request this process serves, and across the API's processes through a short claim in Redis (the
// others wait for it and then read what it wrote); TMDB calls run with bounded concurrency under the
// shared limit.
import { setTimeout as sleep } from "node:timers/promises";
import type { Redis } from "ioredis";
import pLimit from "p-limit";
import type { PrismaClient } from "../../db.ts";
import type { MediaCache } from "../../generated/prisma/client.ts";
import type { Logger } from "../../logger.ts";
import { TmdbError, type TmdbClient, type TmdbErrorCode } from "../../tmdb/index.ts";
import { parseMediaKey } from "./media-key.ts";
import { toMediaKind } from "../../media-kind.ts";
import { withinMs } from "../../redis.ts";
import { detailsIntoCache } from "./tmdb-into-cache.ts";

/** How long a process's claim on fetching one title's details holds if it never lets go (it crashed). */
const CLAIM_MS = 15_000;
/** How often a process waiting on another's claim looks whether it is done. */
const CLAIM_POLL_MS = 25;
/** Longest a claim or a look at it may take before this process goes on without it (Redis away). */
const REDIS_BUDGET_MS = 250;
/** TMDB's failures that asking again later may get past. */
const WAIT_AND_RETRY = new Set<TmdbErrorCode>(["TMDB_UNAVAILABLE", "TMDB_TIMEOUT", "TMDB_RATE_LIMITED", "TMDB_UNAUTHORIZED"]);
/** How long an id TMDB answered 404 for is not asked again (a new title may take a freed id later). */
const MISSING_SECONDS = 24 * 3600;
/** How long a title not stored, whose details TMDB answered in a shape we cannot read, is not asked again. */
export const UNREADABLE_SECONDS = 10 * 60;

/** An answer TMDB would give again (JSON of another shape, a refused request), as opposed to one it did not give (down, slow, cut off). */
export const givenAgain = (error: TmdbError) => !error.transient && !WAIT_AND_RETRY.has(error.code);

export class EnrichmentService {
  private readonly inFlight = new Map<string, Promise<MediaCache | null>>();
  private readonly concurrency: ReturnType<typeof pLimit>;

  constructor(
    private readonly deps: {
      prisma: PrismaClient;
      tmdb: TmdbClient;
      logger: Logger;
      /** Shared by every API process; without it each process fetches on its own. */
      redis?: Redis;
      keyPrefix?: string;
      concurrency?: number;
    },
  ) {
    this.concurrency = pLimit(deps.concurrency ?? 8);
  }

  /**
   * What this and every other API process have learnt about `key`, a title not stored, in one look
   * at Redis: whether TMDB answered 404 for it within the last day (asking again would spend a call
   * on the same answer), and for how many more seconds its answer is known to be unreadable (JSON of
   * another shape, kept UNREADABLE_SECONDS: TMDB would give it again). Nothing known when Redis does
   * not answer in time.
   */
  async knownOutcome(key: string): Promise<{ missing: boolean; unreadableForSeconds: number }> {
    const nothing = { missing: false, unreadableForSeconds: 0 };
    if (!this.deps.redis) return nothing;
    const replies = await withinMs(this.deps.redis.multi().exists(this.missingKey(key)).ttl(this.unreadableKey(key)).exec(), REDIS_BUDGET_MS).catch(
      () => undefined,
    );
    if (!replies) return nothing;
    const [[, missing], [, ttl]] = replies as [[Error | null, number], [Error | null, number]];
    // TTL answers -2 for no key and -1 for one without an expiry (never set so here).
    return { missing: missing === 1, unreadableForSeconds: ttl > 0 ? ttl : 0 };
  }

  private missingKey(key: string): string {
    return `${this.deps.keyPrefix ?? ""}tmdb-missing:${key}`;
  }

  private unreadableKey(key: string): string {
    return `${this.deps.keyPrefix ?? ""}tmdb-unreadable:${key}`;
  }

  /**
   * Details for `key`, fetched once however many callers ask at the same time. Null when TMDB does
   * not know the title; the cached row when TMDB did not answer usably; TMDB's error (TmdbError) when
   * it did not and the title is not stored.
   */
  fetchDetails(key: string): Promise<MediaCache | null> {
    const running = this.inFlight.get(key);
    if (running) return running;
    const task = this.fetchOnceAcrossProcesses(key).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, task);
    return task;
  }

  /**
   * The first process to claim `key` fetches; the others wait until its claim is gone and then
   * read the row it wrote (detailsIntoCache finds it fresh). If Redis does not answer in time, or
   * the claim outlives CLAIM_MS, this process fetches by itself: a duplicate call, never a wait.
   */
  private async fetchOnceAcrossProcesses(key: string): Promise<MediaCache | null> {
    const { redis } = this.deps;
    // Waiting on another process's claim takes none of this process's TMDB slots.
    const fetch = () => this.concurrency(() => this.fetchAndStore(key));
    if (!redis) return fetch();
    const claimKey = `${this.deps.keyPrefix ?? ""}enrichment-claim:${key}`;
    const claim = redis.set(claimKey, String(process.pid), "PX", CLAIM_MS, "NX").catch(() => undefined);
    const claimed = await withinMs(claim, REDIS_BUDGET_MS);
    if (claimed === null) {
      // Another process holds it: wait until it lets go, then read what it wrote.
      const deadline = Date.now() + CLAIM_MS;
      while (Date.now() < deadline) {
        await sleep(CLAIM_POLL_MS);
        const held = await withinMs(redis.exists(claimKey), REDIS_BUDGET_MS).catch(() => undefined);
        if (held !== 1) break;
      }
      return fetch();
    }
    // Ours, or Redis did not answer in time: then a claim that lands late is let go all the same.
    try {
      return await fetch();
    } finally {
      await withinMs(
        claim.then((reply) => (reply === "OK" ? redis.del(claimKey) : 0)),
        REDIS_BUDGET_MS,
      ).catch(() => undefined);
    }
  }

  private async fetchAndStore(key: string): Promise<MediaCache | null> {
    const { mediaType, tmdbId } = parseMediaKey(key);
    try {
      // Details once fetched serve pages however old (the worker refreshes them by age).
      const details = await detailsIntoCache(this.deps, { kind: toMediaKind(mediaType), tmdbId }, Number.POSITIVE_INFINITY);
      // TMDB does not know it and the cache never had it: remembered, so asking again costs no call.
      if (details.outcome === "gone" && !details.row && this.deps.redis)
        await withinMs(this.deps.redis.set(this.missingKey(key), "1", "EX", MISSING_SECONDS), REDIS_BUDGET_MS).catch(() => undefined);
      return details.row;
    } catch (error) {
      if (!(error instanceof TmdbError)) throw error;
      // Pages keep working on what the cache has; the fields stay null until TMDB answers.
      this.deps.logger.warn({ key, code: error.code, err: error.message }, "enrichment: TMDB details unavailable");
      const cached = await this.deps.prisma.mediaCache.findUnique({ where: { mediaType_tmdbId: { mediaType, tmdbId } } });
      if (cached) return cached;
      // Not stored, and TMDB did not answer (down, slow, out of budget, our token refused, a body cut
      // off on every attempt): the caller must not take it for a title TMDB does not know (null means
      // that), so TMDB's error goes on (getMedia answers TMDB_UNAVAILABLE; an import retries the row).
      // An answer TMDB will give again (JSON of another shape) goes on too, and is remembered for a
      // while so that every view of the title does not ask again (getMedia checks knownOutcome).
      if (givenAgain(error) && this.deps.redis)
        await withinMs(this.deps.redis.set(this.unreadableKey(key), "1", "EX", UNREADABLE_SECONDS), REDIS_BUDGET_MS).catch(() => undefined);
      throw error;
    }
  }
}
