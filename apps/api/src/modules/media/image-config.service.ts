// Image URLs are TMDB's configuration base URL + size + path. The configuration is read once and
// kept for a day; offline, the catalogue server's configuration points at its own image route.
import type { Logger } from "../../logger.ts";
import type { TmdbClient, TmdbConfiguration } from "../../tmdb/index.ts";

const REFRESH_MS = 24 * 60 * 60 * 1000;

/**
 * The image base URL while TMDB's configuration cannot be read: TMDB's own image server online,
 * and offline the catalogue's image route (the web app's Content-Security-Policy allows only that
 * server's images then: TMDB's URLs would be refused, and without a network unreachable anyway).
 */
export function fallbackImageBaseUrl(config: { tmdbMode: "online" | "offline"; TMDB_API_BASE_URL: string }): string {
  return config.tmdbMode === "offline" ? new URL("/t/p/", config.TMDB_API_BASE_URL).href : "https://image.tmdb.org/t/p/";
}

export class ImageConfigService {
  private cached: { value: TmdbConfiguration["images"]; fetchedAt: number } | undefined;
  private pending: Promise<TmdbConfiguration["images"] | undefined> | undefined;

  constructor(private readonly deps: { tmdb: TmdbClient; logger: Logger; fallbackBaseUrl: string }) {}

  async baseUrl(): Promise<string> {
    if (!this.cached || Date.now() - this.cached.fetchedAt > REFRESH_MS) {
      this.pending ??= this.deps.tmdb
        .configuration()
        .then((configuration) => {
          this.cached = { value: configuration.images, fetchedAt: Date.now() };
          return configuration.images;
        })
        .catch((error: Error) => {
          this.deps.logger.warn({ err: error.message }, "TMDB configuration unavailable; using the default image base URL");
          return undefined;
        })
        .finally(() => (this.pending = undefined));
      await this.pending;
    }
    return this.cached?.value.secure_base_url ?? this.deps.fallbackBaseUrl;
  }

  async url(path: string | null, size: string): Promise<string | null> {
    return path ? `${await this.baseUrl()}${size}${path}` : null;
  }
}
