// The HTTP server: TMDB v3 routes under /3, generated images under /t/p, and the
// fault / counting control API under /__control. Plain node:http, no framework.
import { createServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { buildCatalogue } from "./catalogue.ts";
import type { Catalogue, SearchKind, TrendingMedia, TrendingWindow } from "./catalogue.ts";
import { FaultInjector, FaultValidationError, SlidingWindowRateLimiter, TMDB_ERRORS, WRONG_SHAPE_BODY, parseFaults, serverErrorBody } from "./faults.ts";
import type { Faults } from "./faults.ts";
import { ImageCache, dimensionsOf, renderPng, shapeOf } from "./images.ts";
import type { CatalogueTitle, MediaType } from "./model.ts";
import * as T from "./tmdb.ts";
import type { Json, JsonObject } from "./tmdb.ts";

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
  /** enforce at most N /3 requests per sliding second (429 + Retry-After: 1 beyond); default off */
  rateLimitPerSecond?: number;
  /** append the opt-in hostile titles (hostile.ts; ignored when `catalogue` is given); default false */
  hostileTitles?: boolean;
  /** reuse an already built catalogue (e.g. shared by several test servers) */
  catalogue?: Catalogue;
  /** keep at most this many request-log entries (oldest dropped); default 100000. Counts stay exact. */
  logLimit?: number;
}

export interface RequestLogEntry {
  /** request path without the query, e.g. "/3/movie/550" */
  path: string;
  /** raw query string without "?" ("" if none) */
  query: string;
  /** ms since the epoch, sub-millisecond resolution (performance.timeOrigin + performance.now()) */
  startedAt: number;
  /** HTTP status sent; 0 while unanswered or if never answered (hang, client gone) */
  status: number;
}

export interface RequestStats {
  total: number;
  counts: Record<string, number>;
  maxInFlight: number;
  inFlight: number;
  imageRequests: number;
  log: RequestLogEntry[];
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
  /** resets counts, log, maxInFlight and the image counter (not faults) */
  resetCounts(): void;
  /** stops listening and ends every connection, hung ones included */
  close(): Promise<void>;
}

interface RouteResult {
  status: number;
  body: Json;
  headers?: Record<string, string>;
}

const JSON_TYPE = "application/json;charset=utf-8";
const ID_RE = /^(\d+)(?:-[A-Za-z0-9-]*)?$/;
const MAX_APPENDS = 20;

function tmdbError(e: { status: number; http: number; message: string }): RouteResult {
  return { status: e.http, body: { success: false, status_code: e.status, status_message: e.message } };
}

const NOT_FOUND = (): RouteResult => tmdbError(TMDB_ERRORS.notFound);

function ok(body: Json): RouteResult {
  return { status: 200, body };
}

/** `page` must be an integer 1..500; absent = 1. */
export function parsePage(params: URLSearchParams): number | undefined {
  const raw = params.get("page");
  if (raw === null) return 1;
  if (!/^\d{1,6}$/.test(raw)) return undefined;
  const n = Number(raw);
  return n >= 1 && n <= 500 ? n : undefined;
}

function hostForUrl(host: string): string {
  if (host === "0.0.0.0" || host === "") return "127.0.0.1";
  if (host === "::") return "[::1]";
  return host.includes(":") ? `[${host}]` : host;
}

export async function startCatalogueServer(options: CatalogueServerOptions = {}): Promise<CatalogueServer> {
  const catalogue = options.catalogue ?? buildCatalogue({ size: options.size, seed: options.seed, hostileTitles: options.hostileTitles });
  const host = options.host ?? "127.0.0.1";
  const logLimit = options.logLimit ?? 100_000;
  const faults = new FaultInjector();
  const limiter = new SlidingWindowRateLimiter(options.rateLimitPerSecond);
  const images = new ImageCache();
  const timers = new Set<NodeJS.Timeout>();

  let counts = new Map<string, number>();
  let total = 0;
  let log: RequestLogEntry[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let imageRequests = 0;
  let origin = "";

  const resetCounts = () => {
    counts = new Map();
    total = 0;
    log = [];
    maxInFlight = inFlight;
    imageRequests = 0;
  };

  // ---------------------------------------------------------------- responses

  const sendJson = (res: ServerResponse, status: number, body: Json | string, headers: Record<string, string> = {}, head = false) => {
    if (res.destroyed || res.headersSent) return;
    const text = typeof body === "string" ? body : JSON.stringify(body);
    res.writeHead(status, { "content-type": JSON_TYPE, "content-length": String(Buffer.byteLength(text)), ...headers });
    res.end(head ? undefined : text);
  };

  // ---------------------------------------------------------------- TMDB routes

  const paged = <E>(items: readonly E[], params: URLSearchParams, serialise: (e: E) => JsonObject, emptyPages = 1): RouteResult => {
    const page = parsePage(params);
    if (page === undefined) return tmdbError(TMDB_ERRORS.invalidPage);
    return ok(T.pageOf(items, page, serialise, emptyPages) as unknown as JsonObject);
  };

  const subListPage = (t: CatalogueTitle, kind: "similar" | "recommendations", page: number): JsonObject => {
    const items = kind === "similar" ? catalogue.similar(t) : catalogue.recommendations(t);
    return T.pageOf(items, page, (x) => T.titleListItem(catalogue, x, kind === "recommendations"), 0) as unknown as JsonObject;
  };

  /** Body of a title sub-resource, without `id` (as appended); undefined if unsupported. */
  const subResource = (t: CatalogueTitle, name: string): JsonObject | undefined => {
    switch (name) {
      case "credits":
        return T.creditsOf(catalogue, t) as unknown as JsonObject;
      case "aggregate_credits":
        return t.mediaType === "tv" ? (T.aggregateCreditsOf(catalogue, t) as unknown as JsonObject) : undefined;
      case "keywords":
        return T.keywordsBody(catalogue, t);
      case "videos":
        return T.videosBody(catalogue, t);
      case "similar":
      case "recommendations":
        return subListPage(t, name, 1);
      case "watch/providers":
        return T.watchProvidersBody(catalogue, t);
      case "external_ids":
        return T.externalIdsBody(catalogue, t);
      case "release_dates":
        return t.mediaType === "movie" ? T.releaseDatesBody(catalogue, t) : undefined;
      case "content_ratings":
        return t.mediaType === "tv" ? T.contentRatingsBody(t) : undefined;
      default:
        return undefined;
    }
  };

  const parseAppends = (params: URLSearchParams): string[] | "tooMany" => {
    const raw = params.get("append_to_response");
    if (raw === null) return [];
    const names = raw
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    if (names.length > MAX_APPENDS) return "tooMany";
    return [...new Set(names)];
  };

  const titleRoute = (type: MediaType, rest: string[], params: URLSearchParams): RouteResult => {
    const [first, ...sub] = rest;
    if (first === undefined) return NOT_FOUND();
    if (sub.length === 0 && first === "popular") return paged(catalogue.popular(type), params, (t) => T.titleListItem(catalogue, t, false));
    if (sub.length === 0 && first === "top_rated") return paged(catalogue.topRated(type), params, (t) => T.titleListItem(catalogue, t, false));
    const m = ID_RE.exec(first);
    if (!m) return NOT_FOUND();
    const t = catalogue.title(type, Number(m[1]));
    if (!t) return NOT_FOUND();
    if (sub.length === 0) {
      const appends = parseAppends(params);
      if (appends === "tooMany") return tmdbError(TMDB_ERRORS.tooManyAppends);
      const body = t.mediaType === "movie" ? T.movieDetails(catalogue, t) : T.tvDetails(catalogue, t);
      for (const name of appends) {
        const extra = subResource(t, name);
        if (extra !== undefined) body[name] = extra;
      }
      return ok(body);
    }
    const name = sub.join("/");
    if (name === "similar" || name === "recommendations") {
      const page = parsePage(params);
      if (page === undefined) return tmdbError(TMDB_ERRORS.invalidPage);
      return ok(subListPage(t, name, page));
    }
    const body = subResource(t, name);
    if (body === undefined) return NOT_FOUND();
    return ok({ id: t.id, ...body });
  };

  const personRoute = (rest: string[], params: URLSearchParams): RouteResult => {
    const [first, ...sub] = rest;
    if (first === undefined) return NOT_FOUND();
    if (first === "popular" && sub.length === 0) return paged(catalogue.popularPeople(), params, (p) => T.personListItem(catalogue, p, false));
    const m = ID_RE.exec(first);
    const p = m ? catalogue.person(Number(m[1])) : undefined;
    if (!p) return NOT_FOUND();
    const credits: Record<string, MediaType | "all"> = { combined_credits: "all", movie_credits: "movie", tv_credits: "tv" };
    if (sub.length === 0) {
      const appends = parseAppends(params);
      if (appends === "tooMany") return tmdbError(TMDB_ERRORS.tooManyAppends);
      const body = T.personDetails(catalogue, p);
      for (const name of appends) {
        const media = credits[name];
        if (media) body[name] = T.personCreditsBody(catalogue, p, media);
      }
      return ok(body);
    }
    const media = sub.length === 1 ? credits[sub[0] as string] : undefined;
    if (!media) return NOT_FOUND();
    return ok({ ...T.personCreditsBody(catalogue, p, media), id: p.id });
  };

  const searchRoute = (kind: SearchKind, params: URLSearchParams): RouteResult => {
    const page = parsePage(params);
    if (page === undefined) return tmdbError(TMDB_ERRORS.invalidPage);
    const query = params.get("query") ?? "";
    const year = (name: string) => {
      const v = params.get(name);
      return v !== null && /^\d{4}$/.test(v) ? Number(v) : undefined;
    };
    if (query.trim() === "") return ok({ page: 1, results: [], total_pages: 1, total_results: 0 });
    const hits = catalogue.search(kind, query, {
      includeAdult: params.get("include_adult") === "true",
      year: year("year"),
      primaryReleaseYear: year("primary_release_year"),
      firstAirDateYear: year("first_air_date_year"),
    });
    return ok(T.pageOf(hits, page, (h) => T.anyListItem(catalogue, h, kind === "multi"), 1) as unknown as JsonObject);
  };

  const apiRoute = (segs: string[], params: URLSearchParams, req: IncomingMessage): RouteResult => {
    const [a, b, c, ...more] = segs;
    switch (a) {
      case "configuration": {
        if (segs.length !== 1) return NOT_FOUND();
        let base = options.imageBaseUrl;
        if (base === undefined) {
          const hostHeader = req.headers.host;
          base = hostHeader && /^[A-Za-z0-9.\-[\]:]+$/.test(hostHeader) ? `http://${hostHeader}/t/p/` : `${origin}/t/p/`;
        }
        return ok(T.configurationBody(base));
      }
      case "genre":
        if ((b === "movie" || b === "tv") && c === "list" && more.length === 0) return ok(T.genreListBody(catalogue, b));
        return NOT_FOUND();
      case "movie":
      case "tv":
        return titleRoute(a, segs.slice(1), params);
      case "trending": {
        if (more.length > 0 || !(b === "all" || b === "movie" || b === "tv" || b === "person") || !(c === "day" || c === "week")) return NOT_FOUND();
        return paged(catalogue.trending(b as TrendingMedia, c as TrendingWindow), params, (e) => T.anyListItem(catalogue, e, true));
      }
      case "discover":
        if ((b === "movie" || b === "tv") && c === undefined) {
          const page = parsePage(params);
          if (page === undefined) return tmdbError(TMDB_ERRORS.invalidPage);
          return ok(T.pageOf(catalogue.discover(b, params), page, (t) => T.titleListItem(catalogue, t, false), 1) as unknown as JsonObject);
        }
        return NOT_FOUND();
      case "search":
        if ((b === "multi" || b === "movie" || b === "tv" || b === "person") && c === undefined) return searchRoute(b, params);
        return NOT_FOUND();
      case "person":
        return personRoute(segs.slice(1), params);
      default:
        return NOT_FOUND();
    }
  };

  const authorised = (req: IncomingMessage, params: URLSearchParams): boolean => {
    const token = options.apiToken;
    if (token === undefined) return true;
    const header = req.headers.authorization;
    if (header) {
      const m = /^Bearer\s+(.+)$/i.exec(header.trim());
      if (m && m[1] === token) return true;
    }
    return params.get("api_key") === token;
  };

  const handleApi = (req: IncomingMessage, res: ServerResponse, path: string, query: string) => {
    const entry: RequestLogEntry = { path, query, startedAt: performance.timeOrigin + performance.now(), status: 0 };
    counts.set(path, (counts.get(path) ?? 0) + 1);
    total++;
    log.push(entry);
    if (log.length > logLimit * 1.1) log = log.slice(log.length - logLimit);
    inFlight++;
    if (inFlight > maxInFlight) maxInFlight = inFlight;
    res.on("finish", () => {
      entry.status = res.statusCode;
    });
    res.on("close", () => {
      inFlight--;
    });

    const head = req.method === "HEAD";
    if (!limiter.allow(performance.now())) {
      const e = TMDB_ERRORS.rateLimited;
      sendJson(res, e.http, { success: false, status_code: e.status, status_message: e.message }, { "retry-after": "1" }, head);
      return;
    }
    const decision = faults.take(path);
    const respond = () => {
      if (res.destroyed) return;
      const action = decision.action;
      switch (action.kind) {
        case "rateLimit": {
          const e = TMDB_ERRORS.rateLimited;
          sendJson(
            res,
            e.http,
            { success: false, status_code: e.status, status_message: e.message },
            { "retry-after": String(action.retryAfterSeconds) },
            head,
          );
          return;
        }
        case "serverError":
          sendJson(res, action.status, serverErrorBody(action.status), {}, head);
          return;
        case "hang":
          return; // never answered; close() or the client ends the socket
        case "wrongShape":
          sendJson(res, 200, WRONG_SHAPE_BODY as unknown as Json, {}, head);
          return;
        default:
          break;
      }
      const params = new URLSearchParams(query);
      let result: RouteResult;
      if (req.method !== "GET" && req.method !== "HEAD") result = NOT_FOUND();
      else if (!authorised(req, params)) result = tmdbError(TMDB_ERRORS.invalidApiKey);
      else {
        const segs = path.replace(/\/+$/, "").split("/").slice(2);
        try {
          result = apiRoute(segs, params, req);
        } catch (err) {
          process.stderr.write(`tmdb-catalogue: error serving ${path}?${query}: ${(err as Error).stack ?? String(err)}\n`);
          result = tmdbError(TMDB_ERRORS.internalError);
        }
      }
      if (action.kind === "malformedJson") {
        const text = JSON.stringify(result.body);
        sendJson(res, 200, text.slice(0, Math.max(1, Math.floor(text.length / 2))), {}, head);
        return;
      }
      sendJson(res, result.status, result.body, result.headers ?? {}, head);
    };
    if (decision.latencyMs > 0) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        respond();
      }, decision.latencyMs);
      timers.add(timer);
    } else {
      respond();
    }
  };

  // ---------------------------------------------------------------- images

  const handleImage = (req: IncomingMessage, res: ServerResponse, path: string) => {
    imageRequests++;
    const m = /^\/t\/p\/(w\d{1,4}|h\d{1,4}|original)\/([A-Za-z0-9_-]{1,100})\.(jpg|jpeg|png)$/.exec(path);
    if (!m || (req.method !== "GET" && req.method !== "HEAD")) {
      const r = NOT_FOUND();
      sendJson(res, r.status, r.body);
      return;
    }
    const size = m[1] as string;
    const file = m[2] as string;
    const png = images.get(`${size}/${file}`, () => {
      const { width, height } = dimensionsOf(size, shapeOf(file));
      return renderPng(width, height, file, T.imageLabel(catalogue, file));
    });
    res.writeHead(200, {
      "content-type": "image/png",
      "content-length": String(png.length),
      "cache-control": "public, max-age=31536000, immutable",
      etag: `"${file}-${size}"`,
    });
    res.end(req.method === "HEAD" ? undefined : png);
  };

  // ---------------------------------------------------------------- control API

  const readBody = (req: IncomingMessage): Promise<string> =>
    new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on("data", (c: Buffer) => {
        size += c.length;
        if (size > 1_000_000) {
          reject(new Error("body too large"));
          req.destroy();
        } else chunks.push(c);
      });
      req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
      req.on("error", reject);
    });

  const stats = (withLog: boolean): RequestStats => ({
    total,
    counts: Object.fromEntries(counts),
    maxInFlight,
    inFlight,
    imageRequests,
    log: withLog ? log.map((e) => ({ ...e })) : [],
  });

  const handleControl = async (req: IncomingMessage, res: ServerResponse, path: string, query: string) => {
    const method = req.method ?? "GET";
    const params = new URLSearchParams(query);
    const route = `${method} ${path.replace(/\/+$/, "")}`;
    const parseJson = async (): Promise<unknown> => {
      const text = await readBody(req);
      return text.trim() === "" ? {} : (JSON.parse(text) as unknown);
    };
    try {
      switch (route) {
        case "GET /__control/health":
          return sendJson(res, 200, {
            ok: true,
            titles: catalogue.size,
            movies: catalogue.movies.length,
            tv: catalogue.tv.length,
            people: catalogue.people.length,
            seed: catalogue.seed,
          });
        case "GET /__control/faults":
          return sendJson(res, 200, { faults: faults.current() as unknown as JsonObject });
        case "POST /__control/faults": {
          const f = parseFaults(await parseJson());
          faults.set(f);
          return sendJson(res, 200, { ok: true, faults: faults.current() as unknown as JsonObject });
        }
        case "DELETE /__control/faults":
          faults.clear();
          return sendJson(res, 200, { ok: true });
        case "GET /__control/requests":
          return sendJson(res, 200, stats(params.get("log") !== "0") as unknown as JsonObject);
        case "POST /__control/reset":
          resetCounts();
          faults.clear();
          limiter.reset();
          return sendJson(res, 200, { ok: true });
        case "GET /__control/rate-limit":
          return sendJson(res, 200, { perSecond: limiter.perSecond ?? null });
        case "POST /__control/rate-limit": {
          const body = (await parseJson()) as { perSecond?: unknown };
          const v = body?.perSecond;
          if (v !== null && v !== undefined && (typeof v !== "number" || !Number.isFinite(v) || v < 0))
            throw new FaultValidationError("perSecond must be a non-negative number or null");
          limiter.setLimit(typeof v === "number" ? v : undefined);
          return sendJson(res, 200, { ok: true, perSecond: limiter.perSecond ?? null });
        }
        case "GET /__control/lacking-fields":
          return sendJson(res, 200, {
            movie: catalogue.lackingFields("movie") as unknown as JsonObject,
            tv: catalogue.lackingFields("tv") as unknown as JsonObject,
          });
        default:
          return sendJson(res, 404, { ok: false, error: `unknown control route ${route}` });
      }
    } catch (err) {
      const message = err instanceof FaultValidationError || err instanceof SyntaxError ? err.message : String(err);
      return sendJson(res, 400, { ok: false, error: message });
    }
  };

  // ---------------------------------------------------------------- server

  const server = createServer((req, res) => {
    const rawUrl = req.url ?? "/";
    const q = rawUrl.indexOf("?");
    const path = q >= 0 ? rawUrl.slice(0, q) : rawUrl;
    const query = q >= 0 ? rawUrl.slice(q + 1) : "";
    res.setHeader("access-control-allow-origin", "*");
    if (req.method === "OPTIONS") {
      res.writeHead(204, {
        "access-control-allow-methods": "GET, HEAD, POST, DELETE, OPTIONS",
        "access-control-allow-headers": "authorization, content-type",
        "access-control-max-age": "86400",
      });
      res.end();
      return;
    }
    if (path.startsWith("/__control/")) {
      void handleControl(req, res, path, query);
      return;
    }
    if (path.startsWith("/t/p/")) {
      handleImage(req, res, path);
      return;
    }
    if (path === "/3" || path.startsWith("/3/")) {
      handleApi(req, res, path, query);
      return;
    }
    const r = NOT_FOUND();
    sendJson(res, r.status, r.body);
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
    requestCounts: () => Object.fromEntries(counts),
    totalRequests: () => total,
    requestLog: () => log.map((e) => ({ ...e })),
    maxInFlight: () => maxInFlight,
    inFlight: () => inFlight,
    imageRequests: () => imageRequests,
    resetCounts,
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
