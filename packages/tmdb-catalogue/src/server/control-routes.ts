// The control API under /__control, for tests and benchmarks: faults to inject, what was asked,
// resets, the rate limit, which fields the catalogue leaves out, a title's videos.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Catalogue } from "../catalogue.ts";
import { type FaultInjector, FaultValidationError, parseFaults, type SlidingWindowRateLimiter } from "../faults.ts";
import type { MediaType, TitleVideo } from "../model.ts";
import type { JsonObject } from "../tmdb.ts";
import type { RequestLog } from "./request-log.ts";
import { sendJson } from "./responses.ts";

export interface ControlDeps {
  catalogue: Catalogue;
  faults: FaultInjector;
  limiter: SlidingWindowRateLimiter;
  requests: RequestLog;
}

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

/**
 * POST /__control/videos' body: `{mediaType: "movie"|"tv", id, results: [{key, name, site, type, …}]}`,
 * each video completed to TMDB's shape (official, published_at, id…) where the body leaves it out.
 */
function parseVideos(body: unknown): { mediaType: MediaType; id: number; results: TitleVideo[] } {
  const { mediaType, id, results } = (body ?? {}) as { mediaType?: unknown; id?: unknown; results?: unknown };
  if (mediaType !== "movie" && mediaType !== "tv") throw new FaultValidationError('mediaType must be "movie" or "tv"');
  if (typeof id !== "number" || !Number.isInteger(id)) throw new FaultValidationError("id must be a title's TMDB id");
  if (!Array.isArray(results)) throw new FaultValidationError("results must be a list of videos");
  const videos = results.map((video: Record<string, unknown>, index): TitleVideo => {
    for (const field of ["key", "name", "site", "type"])
      if (typeof video[field] !== "string" || video[field] === "") throw new FaultValidationError(`results[${index}].${field} must be a non-empty string`);
    return {
      iso_639_1: "en",
      iso_3166_1: "US",
      size: 1080,
      official: true,
      published_at: "2024-01-01T16:00:00.000Z",
      id: `${String(id).padStart(12, "0")}${String(index).padStart(12, "0")}`,
      ...(video as Partial<TitleVideo>),
    } as TitleVideo;
  });
  return { mediaType, id, results: videos };
}

/** The control API under /__control: health, faults, request counts and log, reset, rate limit, lacking fields. */
export async function handleControl(deps: ControlDeps, req: IncomingMessage, res: ServerResponse, path: string, query: string): Promise<void> {
  const { catalogue, faults, limiter, requests } = deps;
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
        return sendJson(res, 200, requests.stats(params.get("log") !== "0") as unknown as JsonObject);
      case "POST /__control/reset":
        requests.reset();
        faults.clear();
        limiter.reset();
        catalogue.clearVideos();
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
      case "POST /__control/videos": {
        const { mediaType, id, results } = parseVideos(await parseJson());
        catalogue.setVideos(mediaType, id, results);
        return sendJson(res, 200, { ok: true });
      }
      case "DELETE /__control/videos":
        catalogue.clearVideos();
        return sendJson(res, 200, { ok: true });
      case "GET /__control/lacking-fields":
        return sendJson(res, 200, {
          movie: catalogue.lackingFields("movie") as unknown as JsonObject,
          tv: catalogue.lackingFields("tv") as unknown as JsonObject,
        });
      default:
        return sendJson(res, 404, { ok: false, error: `unknown control route ${route}` });
    }
  } catch (err) {
    const message = err instanceof FaultValidationError || err instanceof SyntaxError || err instanceof RangeError ? err.message : String(err);
    return sendJson(res, 400, { ok: false, error: message });
  }
}
