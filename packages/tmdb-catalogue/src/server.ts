// The HTTP server: TMDB v3 routes under /3, generated images under /t/p, and the fault / counting
// control API under /__control. Plain node:http, no framework. The parts, one concern per file:
//   server/tmdb-routes.ts     TMDB's routes over the catalogue
//   server/tmdb-api.ts        how a /3 request is served (counting, rate limit, faults) and images
//   server/control-routes.ts  the /__control API
//   server/request-log.ts     what was asked (counts, in flight, log)
//   server/responses.ts       TMDB error bodies, JSON responses, the page parameter
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { buildCatalogue } from "./catalogue.ts";
import type { Catalogue } from "./catalogue.ts";
import { FaultInjector, SlidingWindowRateLimiter } from "./faults.ts";
import type { Faults } from "./faults.ts";
import { ImageCache } from "./images.ts";
import { loadRasterizer } from "./raster.ts";
import { handleControl } from "./server/control-routes.ts";
import { RequestLog, type RequestLogEntry } from "./server/request-log.ts";
import { NOT_FOUND, sendJson } from "./server/responses.ts";
import { handleImage, handleTmdbApi } from "./server/tmdb-api.ts";

export type { RequestLogEntry, RequestStats } from "./server/request-log.ts";
export { parsePage } from "./server/responses.ts";

export interface CatalogueServerOptions {
  /** 0 (default) = any free port */
  port?: number;
  /** default "127.0.0.1" */
  host?: string;
  /** total titles, default 5000 (ignored when `catalogue` is given) */
  size?: number;
  /** default 42 (ignored when `catalogue` is given) */
  seed?: number;
  /** when set, /3 requests need `Authorization: Bearer <token>` or `?api_key=<token>` */
  apiToken?: string;
  /** configuration's image base URL; default: this server's origin + "/t/p/" */
  imageBaseUrl?: string;
  /** false: every image is the SVG drawing; default: WebP where sharp can set the text (raster.ts) */
  rasterImages?: boolean;
  /** enforce at most N /3 requests per sliding second (429 + Retry-After: 1 beyond); default off */
  rateLimitPerSecond?: number;
  /** append the opt-in hostile titles (hostile.ts; ignored when `catalogue` is given); default false */
  hostileTitles?: boolean;
  /** at most this many real films (ignored when `catalogue` is given); default: as many as fit */
  realFilms?: number;
  /** reuse an already built catalogue (e.g. shared by several test servers) */
  catalogue?: Catalogue;
  /** keep at most this many request-log entries (oldest dropped); default 100000. Counts stay exact. */
  logLimit?: number;
}

export interface CatalogueServer {
  /** API base, e.g. "http://127.0.0.1:4010/3" (a TMDB client's TMDB_API_BASE_URL) */
  url: string;
  /** e.g. "http://127.0.0.1:4010" */
  origin: string;
  port: number;
  catalogue: Catalogue;
  setFaults(faults: Faults): void;
  clearFaults(): void;
  /** faults still pending (counts decrease as requests consume them) */
  faults(): Faults;
  /** enforced sliding-window limit; undefined/0 switches it off */
  setRateLimitPerSecond(perSecond: number | undefined): void;
  /** /3 requests served, keyed by path without query */
  requestCounts(): Record<string, number>;
  totalRequests(): number;
  requestLog(): RequestLogEntry[];
  /** most /3 requests handled at the same time since the last reset */
  maxInFlight(): number;
  /** /3 requests being handled right now */
  inFlight(): number;
  /** requests for /t/p images (not counted as TMDB requests) */
  imageRequests(): number;
  /** what TMDB's .jpg image paths are answered with: WebP, or the SVG drawing (raster.ts says when) */
  imageFormat: "webp" | "svg";
  /** resets counts, log, maxInFlight and the image counter (not faults) */
  resetCounts(): void;
  /** stops listening and ends every connection, hung ones included */
  close(): Promise<void>;
}

function hostForUrl(host: string): string {
  if (host === "0.0.0.0" || host === "") return "127.0.0.1";
  if (host === "::") return "[::1]";
  return host.includes(":") ? `[${host}]` : host;
}

/** The image base URL /configuration gives: the one configured, else this server as the request reached it. */
function imageBaseFor(options: CatalogueServerOptions, origin: () => string) {
  return (req: IncomingMessage): string => {
    if (options.imageBaseUrl !== undefined) return options.imageBaseUrl;
    const hostHeader = req.headers.host;
    return hostHeader && /^[A-Za-z0-9.\-[\]:]+$/.test(hostHeader) ? `http://${hostHeader}/t/p/` : `${origin()}/t/p/`;
  };
}

const CORS_PREFLIGHT = {
  "access-control-allow-methods": "GET, HEAD, POST, DELETE, OPTIONS",
  "access-control-allow-headers": "authorization, content-type",
  "access-control-max-age": "86400",
};

export async function startCatalogueServer(options: CatalogueServerOptions = {}): Promise<CatalogueServer> {
  const catalogue =
    options.catalogue ?? buildCatalogue({ size: options.size, seed: options.seed, hostileTitles: options.hostileTitles, realFilms: options.realFilms });
  const host = options.host ?? "127.0.0.1";
  const faults = new FaultInjector();
  const limiter = new SlidingWindowRateLimiter(options.rateLimitPerSecond);
  const requests = new RequestLog(options.logLimit ?? 100_000);
  const images = new ImageCache<Promise<Buffer>>();
  const raster = options.rasterImages === false ? null : await loadRasterizer();
  const timers = new Set<NodeJS.Timeout>();
  let origin = "";
  const api = { catalogue, requests, limiter, faults, timers, apiToken: options.apiToken, imageBase: imageBaseFor(options, () => origin) };

  const server = createServer((req, res) => {
    const rawUrl = req.url ?? "/";
    const q = rawUrl.indexOf("?");
    const path = q >= 0 ? rawUrl.slice(0, q) : rawUrl;
    const query = q >= 0 ? rawUrl.slice(q + 1) : "";
    res.setHeader("access-control-allow-origin", "*");
    if (req.method === "OPTIONS") {
      res.writeHead(204, CORS_PREFLIGHT);
      res.end();
    } else if (path.startsWith("/__control/")) void handleControl({ catalogue, faults, limiter, requests }, req, res, path, query);
    else if (path.startsWith("/t/p/")) handleImage({ catalogue, images, raster, requests }, req, res, path);
    else if (path === "/3" || path.startsWith("/3/")) handleTmdbApi(api, req, res, path, query);
    else {
      const r = NOT_FOUND();
      sendJson(res, r.status, r.body);
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://${hostForUrl(host)}:${port}`;

  let closing: Promise<void> | undefined;
  return {
    url: `${origin}/3`,
    origin,
    port,
    catalogue,
    setFaults: (f) => faults.set(f),
    clearFaults: () => faults.clear(),
    faults: () => faults.current(),
    setRateLimitPerSecond: (n) => limiter.setLimit(n),
    requestCounts: () => requests.countsByPath(),
    totalRequests: () => requests.total,
    requestLog: () => requests.log(),
    maxInFlight: () => requests.maxInFlight,
    inFlight: () => requests.inFlight,
    imageRequests: () => requests.imageRequests,
    imageFormat: raster ? "webp" : "svg",
    resetCounts: () => requests.reset(),
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
