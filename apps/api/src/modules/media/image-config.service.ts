// Image URLs are TMDB's configuration base URL + size + path. The configuration is read once and
// read again after a day, in the background; offline, the catalogue server's configuration points
// at its own image route.
import { setTimeout as delay } from "node:timers/promises";
import type { Logger } from "../../logger.ts";
import type { TmdbClient, TmdbConfiguration } from "../../tmdb/index.ts";

/**
 * The image base URL while TMDB's configuration cannot be read: TMDB's own image server online,
 * and offline the catalogue's image route (the web app's Content-Security-Policy allows only that
 * server's images then: TMDB's URLs would be refused, and without a network unreachable anyway).
 */
export function fallbackImageBaseUrl(config: { tmdbMode: "online" | "offline"; TMDB_API_BASE_URL: string }): string {
  return config.tmdbMode === "offline" ? new URL("/t/p/", config.TMDB_API_BASE_URL).href : "https://image.tmdb.org/t/p/";
}

/** How long a read configuration is used before it is read again (in the background). */
const REFRESH_MS = 24 * 60 * 60 * 1000;
/** After a failed read, how long before the next try: meanwhile URLs use the last read, or the fallback. */
export const RETRY_AFTER_FAILURE_MS = 5 * 60_000;
/** How long a process that has read nothing yet waits for its first read before answering with the fallback. */
export const FIRST_READ_WAIT_MS = 1_000;

/**
 * A request never waits on TMDB for an image URL beyond a process's first read (FIRST_READ_WAIT_MS):
 * a configuration past its day is used while it is read again in the background, and a failed read
 * (TMDB down or hanging, which with the client's retries takes about a minute) is not tried again
 * for RETRY_AFTER_FAILURE_MS. TMDB's image base URL practically never changes.
 */
export class ImageConfigService {
  private cached: { value: TmdbConfiguration["images"]; fetchedAt: number } | undefined;
  private pending: Promise<void> | undefined;
  private failedAt = Number.NEGATIVE_INFINITY;
  private readonly refreshMs: number;

  constructor(private readonly deps: { tmdb: TmdbClient; logger: Logger; fallbackBaseUrl: string; refreshMs?: number }) {
    this.refreshMs = deps.refreshMs ?? REFRESH_MS;
  }

  async baseUrl(): Promise<string> {
    const now = Date.now();
    const due = !this.cached || now - this.cached.fetchedAt >= this.refreshMs;
    if (due && !this.pending && now - this.failedAt >= RETRY_AFTER_FAILURE_MS) this.pending = this.read();
    if (!this.cached && this.pending) await Promise.race([this.pending, delay(FIRST_READ_WAIT_MS, undefined, { ref: false })]);
    return this.cached?.value.secure_base_url ?? this.deps.fallbackBaseUrl;
  }

  async url(path: string | null, size: string): Promise<string | null> {
    return path ? `${await this.baseUrl()}${size}${path}` : null;
  }

  private read(): Promise<void> {
    return this.deps.tmdb
      .configuration()
      .then((configuration) => {
        this.cached = { value: configuration.images, fetchedAt: Date.now() };
      })
      .catch((error: Error) => {
        this.failedAt = Date.now();
        this.deps.logger.warn(
          { err: error.message },
          this.cached ? "TMDB configuration unavailable; keeping the one read before" : "TMDB configuration unavailable; using the default image base URL",
        );
      })
      .finally(() => {
        this.pending = undefined;
      });
  }
}
