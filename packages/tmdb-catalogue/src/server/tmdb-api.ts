// The TMDB API under /3 as the server runs it (counting, rate limit, injected faults, routes) and
// the generated images under /t/p.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Catalogue } from "../catalogue.ts";
import { type FaultInjector, type SlidingWindowRateLimiter, serverErrorBody, TMDB_ERRORS, WRONG_SHAPE_BODY } from "../faults.ts";
import { dimensionsOf, type ImageCache, shapeOf } from "../images.ts";
import { renderKeyArt } from "../key-art.ts";
import { RASTER_SHAPES, type Rasterizer } from "../raster.ts";
import * as T from "../tmdb.ts";
import type { Json } from "../tmdb.ts";
import type { RequestLog } from "./request-log.ts";
import { NOT_FOUND, type RouteResult, sendJson, tmdbError } from "./responses.ts";
import { tmdbRoute } from "./tmdb-routes.ts";

export interface TmdbApiDeps {
  catalogue: Catalogue;
  requests: RequestLog;
  limiter: SlidingWindowRateLimiter;
  faults: FaultInjector;
  /** Latency timers still pending (cleared when the server closes). */
  timers: Set<NodeJS.Timeout>;
  apiToken: string | undefined;
  /** The image base URL /configuration gives for this request. */
  imageBase(req: IncomingMessage): string;
}

/** With an API token set, a /3 request needs it as a bearer token or ?api_key=. */
function authorised(token: string | undefined, req: IncomingMessage, params: URLSearchParams): boolean {
  if (token === undefined) return true;
  const header = req.headers.authorization;
  if (header) {
    const m = /^Bearer\s+(.+)$/i.exec(header.trim());
    if (m && m[1] === token) return true;
  }
  return params.get("api_key") === token;
}

/** Answers one /3 request: counted, then the rate limit, then any fault injected for its path, then the route. */
export function handleTmdbApi(deps: TmdbApiDeps, req: IncomingMessage, res: ServerResponse, path: string, query: string): void {
  const { requests, limiter, faults, timers } = deps;
  requests.begin(path, query, res);

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
        sendJson(res, e.http, { success: false, status_code: e.status, status_message: e.message }, { "retry-after": String(action.retryAfterSeconds) }, head);
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
    else if (!authorised(deps.apiToken, req, params)) result = tmdbError(TMDB_ERRORS.invalidApiKey);
    else {
      const segs = path.replace(/\/+$/, "").split("/").slice(2);
      try {
        result = tmdbRoute(deps.catalogue, segs, params, () => deps.imageBase(req));
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
}

/**
 * A generated image under /t/p/<size>/<file>.<ext>: key art (key-art.ts) of the size asked, made once
 * per size, file and format. `.svg` is the drawing itself; any other ending (TMDB's are `.jpg`) is a
 * poster's or logo's drawing as a WebP image when sharp can make one (raster.ts), else the SVG.
 */
export function handleImage(
  deps: { catalogue: Catalogue; images: ImageCache<Promise<Buffer>>; raster: Rasterizer | null; requests: RequestLog },
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): void {
  const { catalogue, images, raster } = deps;
  deps.requests.imageRequests++;
  const m = /^\/t\/p\/(w\d{1,4}|h\d{1,4}|original)\/([A-Za-z0-9_-]{1,100})\.(jpg|jpeg|png|svg)$/.exec(path);
  if (!m || (req.method !== "GET" && req.method !== "HEAD")) {
    const r = NOT_FOUND();
    sendJson(res, r.status, r.body);
    return;
  }
  const size = m[1] as string;
  const file = m[2] as string;
  const shape = shapeOf(file);
  const rasterizer = m[3] === "svg" || !RASTER_SHAPES.has(shape) ? null : raster;
  const key = `${size}/${file}.${rasterizer ? "raster" : "svg"}`;
  const made = images.get(key, () => {
    const { width, height } = dimensionsOf(size, shape);
    const svg = Buffer.from(renderKeyArt({ shape, width, height, key: file, subject: T.imageSubject(catalogue, file) }));
    return rasterizer ? rasterizer.render(svg) : Promise.resolve(svg);
  });
  made.then(
    (body) => {
      res.writeHead(200, {
        // The body is what the content type says, whatever the path's ending; browsers go by the type.
        "content-type": rasterizer ? rasterizer.contentType : "image/svg+xml",
        "content-length": String(body.length),
        "cache-control": "public, max-age=31536000, immutable",
        etag: `"${file}-${size}${rasterizer ? "" : "-svg"}"`,
      });
      res.end(req.method === "HEAD" ? undefined : body);
    },
    (error: Error) => {
      images.delete(key);
      sendJson(res, 500, { status_code: 11, status_message: `Internal error: the image could not be made (${error.message}).`, success: false });
    },
  );
}
