// Fills the MediaCache fields TMDB lists do not carry (runtime, cast, directors, keywords, and a
// poster or votes a list item lacked) by fetching details, then writes them back so the next
// request needs no TMDB call. Calls for the same title are shared while in flight, across every
// request this process serves; TMDB calls run with bounded concurrency under the shared limit.
import pLimit from "p-limit";
import type { PrismaClient } from "../../db.ts";
import type { MediaCache } from "../../generated/prisma/client.ts";
import type { Logger } from "../../logger.ts";
import { TmdbError, type TmdbClient } from "../../tmdb/index.ts";
import { parseMediaKey } from "./media-key.ts";
import { toMediaKind } from "../../media-kind.ts";
import { detailsIntoCache } from "./tmdb-into-cache.ts";

export class EnrichmentService {
  private readonly inFlight = new Map<string, Promise<MediaCache | null>>();
  private readonly concurrency: ReturnType<typeof pLimit>;

  constructor(private readonly deps: { prisma: PrismaClient; tmdb: TmdbClient; logger: Logger; concurrency?: number }) {
    this.concurrency = pLimit(deps.concurrency ?? 8);
  }

  /** Details for `key`, fetched once however many callers ask at the same time. Null when TMDB cannot say. */
  fetchDetails(key: string): Promise<MediaCache | null> {
    const running = this.inFlight.get(key);
    if (running) return running;
    const task = this.concurrency(() => this.fetchAndStore(key)).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, task);
    return task;
  }

  private async fetchAndStore(key: string): Promise<MediaCache | null> {
    const { mediaType, tmdbId } = parseMediaKey(key);
    try {
      // Details once fetched serve pages however old (the worker refreshes them by age).
      return (await detailsIntoCache(this.deps, { kind: toMediaKind(mediaType), tmdbId }, Number.POSITIVE_INFINITY)).row;
    } catch (error) {
      if (!(error instanceof TmdbError)) throw error;
      // Pages keep working on what the cache has; the fields stay null until TMDB answers.
      this.deps.logger.warn({ key, code: error.code, err: error.message }, "enrichment: TMDB details unavailable");
      return this.deps.prisma.mediaCache.findUnique({ where: { mediaType_tmdbId: { mediaType, tmdbId } } });
    }
  }
}
