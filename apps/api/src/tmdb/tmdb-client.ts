// The one module that talks to TMDB (or to the offline catalogue server, which speaks the same
// API). Every call: shares the Redis-backed rate limit, is bounded by a timeout, retries 5xx,
// time-outs and broken bodies with backoff, honours Retry-After on 429, and validates the body.
import { setTimeout as sleep } from "node:timers/promises";
import type { Logger } from "pino";
import type { z } from "zod";
import { TmdbError, type TmdbErrorCode } from "./tmdb-errors.ts";
import type { TmdbRateLimiter } from "./tmdb-rate-limiter.ts";
import {
  configurationSchema,
  genreListSchema,
  mixedListItemSchema,
  movieDetailsSchema,
  findSchema,
  movieListItemSchema,
  pagedListSchema,
  tmdbErrorBodySchema,
  tvDetailsSchema,
  tvListItemSchema,
  watchProviderListSchema,
} from "./tmdb-schemas.ts";
import type { TmdbCredential } from "../config.ts";
import type { MediaKind } from "../media-kind.ts";

export type TmdbListName = "popular" | "top_rated";
export type Query = Record<string, string | number | boolean | undefined>;

export interface TmdbClientOptions {
  baseUrl: string;
  /** TMDB's credential (config.ts): a bearer token or a v3 key; absent or "none" for the offline catalogue. */
  credential?: TmdbCredential;
  rateLimiter: TmdbRateLimiter;
  timeoutMs: number;
  maxRetries: number;
  /**
   * 429s are TMDB pacing us, not failing: they are waited out (Retry-After) this many times
   * before giving up, separately from maxRetries.
   */
  maxRateLimitRetries?: number;
  logger?: Logger;
  /** Backoff before retry n (0-based) in ms; defaults to full-jitter exponential from 250 ms. */
  backoffMs?: (retry: number) => number;
  /** The longest Retry-After honoured; longer answers fail as TMDB_RATE_LIMITED. */
  maxRetryAfterMs?: number;
}

/** TMDB caps paging at page 500 whatever total_pages says. */
export const TMDB_MAX_PAGE = 500;
export const MAX_APPEND_TO_RESPONSE = 20;

const defaultBackoff = (retry: number) => Math.random() * Math.min(8_000, 250 * 2 ** retry);

interface AttemptFailure {
  code: TmdbErrorCode;
  message: string;
  retryable: boolean;
  status?: number;
  tmdbStatusCode?: number;
  retryAfterMs?: number;
  cause?: unknown;
}

type AttemptOutcome<T> = { ok: true; value: T } | { ok: false; failure: AttemptFailure };

export class TmdbClient {
  constructor(private readonly options: TmdbClientOptions) {}

  /** The same client (credential, shared rate limiter) with other patience: what a request waiting on TMDB can afford. */
  withLimits(limits: Partial<Pick<TmdbClientOptions, "maxRetries" | "maxRateLimitRetries" | "maxRetryAfterMs">>): TmdbClient {
    return new TmdbClient({ ...this.options, ...limits });
  }

  /** GET `path` (relative to the base URL, e.g. "/movie/popular") and validate it with `schema`. */
  async get<Schema extends z.ZodType>(path: string, query: Query, schema: Schema, signal?: AbortSignal): Promise<z.output<Schema>> {
    const url = new URL(this.options.baseUrl + path);
    for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, String(value));
    // Never logged: failures name the path only.
    if (this.options.credential?.kind === "api-key") url.searchParams.set("api_key", this.options.credential.value);
    let failures = 0;
    let rateLimited = 0;
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.options.rateLimiter.schedule(() => this.attempt(url, schema, signal), signal);
      if (outcome.ok) return outcome.value;
      const problem = outcome.failure;
      const isRateLimit = problem.code === "TMDB_RATE_LIMITED";
      if (isRateLimit) rateLimited++;
      else failures++;
      const exhausted = isRateLimit ? rateLimited > (this.options.maxRateLimitRetries ?? 20) : failures > this.options.maxRetries;
      if (!problem.retryable || exhausted) {
        throw new TmdbError({ ...problem, path, attempts: attempt, transient: problem.retryable });
      }
      const waitMs = problem.retryAfterMs ?? (this.options.backoffMs ?? defaultBackoff)(attempt - 1);
      if (problem.retryAfterMs !== undefined && problem.retryAfterMs > (this.options.maxRetryAfterMs ?? 60_000)) {
        throw new TmdbError({
          ...problem,
          message: `${problem.message}; Retry-After is ${problem.retryAfterMs / 1000} s, longer than we wait`,
          path,
          attempts: attempt,
        });
      }
      this.options.logger?.warn({ path, attempt, status: problem.status, code: problem.code, waitMs: Math.round(waitMs) }, "TMDB request failed; retrying");
      await sleep(waitMs, undefined, { signal });
    }
  }

  private async attempt<Schema extends z.ZodType>(url: URL, schema: Schema, signal?: AbortSignal): Promise<AttemptOutcome<z.output<Schema>>> {
    const fail = (failure: AttemptFailure) => ({ ok: false as const, failure });
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        headers: {
          accept: "application/json",
          ...(this.options.credential?.kind === "read-access-token" ? { authorization: `Bearer ${this.options.credential.value}` } : {}),
        },
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      text = await response.text();
    } catch (error) {
      signal?.throwIfAborted();
      if (timeout.aborted) {
        return fail({ code: "TMDB_TIMEOUT", message: `TMDB did not answer within ${this.options.timeoutMs} ms`, retryable: true, cause: error });
      }
      return fail({ code: "TMDB_UNAVAILABLE", message: `could not reach TMDB: ${(error as Error).message}`, retryable: true, cause: error });
    }

    if (!response.ok) {
      const body = tmdbErrorBodySchema.safeParse(safeJson(text));
      const detail = body.success ? `: ${body.data.status_message}` : "";
      const tmdbStatusCode = body.success ? body.data.status_code : undefined;
      const base = { status: response.status, tmdbStatusCode };
      if (response.status === 429) {
        return fail({
          ...base,
          code: "TMDB_RATE_LIMITED",
          message: `TMDB rate limit hit${detail}`,
          retryable: true,
          retryAfterMs: parseRetryAfter(response.headers.get("retry-after")),
        });
      }
      if (response.status >= 500) return fail({ ...base, code: "TMDB_UNAVAILABLE", message: `TMDB answered ${response.status}${detail}`, retryable: true });
      if (response.status === 401) {
        return fail({
          ...base,
          code: "TMDB_UNAUTHORIZED",
          message: `TMDB refused the credential${detail}. Check TMDB_API_TOKEN (the API Read Access Token) or TMDB_API_KEY (the v3 API key)`,
          retryable: false,
        });
      }
      if (response.status === 404) return fail({ ...base, code: "TMDB_NOT_FOUND", message: `TMDB has no such resource${detail}`, retryable: false });
      return fail({ ...base, code: "TMDB_BAD_REQUEST", message: `TMDB refused the request (${response.status})${detail}`, retryable: false });
    }

    const json = safeJson(text);
    if (json === undefined) {
      // A cut-off body is a transport fault: the next attempt may well get the whole of it.
      return fail({
        code: "TMDB_BAD_RESPONSE",
        message: `TMDB sent a body that is not JSON (${text.length} bytes: ${JSON.stringify(text.slice(0, 60))})`,
        retryable: true,
        status: response.status,
      });
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return fail({
        code: "TMDB_BAD_RESPONSE",
        message: `TMDB's answer does not have the expected shape: ${issue?.path.join(".") || "(root)"} ${issue?.message ?? ""}`.trim(),
        retryable: false,
        status: response.status,
        cause: parsed.error,
      });
    }
    return { ok: true, value: parsed.data };
  }

  // ---- typed endpoints -------------------------------------------------------------------

  async list(options: { mediaType: MediaKind; list: TmdbListName; page: number }, signal?: AbortSignal) {
    assertPage(options.page);
    const item = options.mediaType === "movie" ? movieListItemSchema : tvListItemSchema;
    return this.get(`/${options.mediaType}/${options.list}`, { page: options.page }, pagedListSchema(item), signal);
  }

  async trending(options: { mediaType: MediaKind | "all"; window: "day" | "week"; page: number }, signal?: AbortSignal) {
    assertPage(options.page);
    return this.get(`/trending/${options.mediaType}/${options.window}`, { page: options.page }, pagedListSchema(mixedListItemSchema), signal);
  }

  async discover(options: { mediaType: MediaKind; query: Query; page: number }, signal?: AbortSignal) {
    assertPage(options.page);
    const item = options.mediaType === "movie" ? movieListItemSchema : tvListItemSchema;
    return this.get(`/discover/${options.mediaType}`, { ...options.query, page: options.page }, pagedListSchema(item), signal);
  }

  async movieDetails(id: number, append: string[] = [], signal?: AbortSignal) {
    return this.get(`/movie/${id}`, appendQuery(append), movieDetailsSchema, signal);
  }

  async tvDetails(id: number, append: string[] = [], signal?: AbortSignal) {
    return this.get(`/tv/${id}`, appendQuery(append), tvDetailsSchema, signal);
  }

  /** TMDB's genres for films or series, named in `language` ("fr-FR"; TMDB's default is en-US). */
  async genres(mediaType: MediaKind, options: { language?: string } = {}, signal?: AbortSignal) {
    return this.get(`/genre/${mediaType}/list`, options.language ? { language: options.language } : {}, genreListSchema, signal);
  }

  /** Every watch provider TMDB lists for films or series, with its display priority per region. */
  async watchProviders(mediaType: MediaKind, signal?: AbortSignal) {
    return this.get(`/watch/providers/${mediaType}`, {}, watchProviderListSchema, signal);
  }

  async configuration(signal?: AbortSignal) {
    return this.get("/configuration", {}, configurationSchema, signal);
  }

  /** Films (`year`: released that year anywhere) or series (`year`: first aired that year) by title. */
  async searchTitles(options: { mediaType: MediaKind; query: string; year?: number | null; page?: number }, signal?: AbortSignal) {
    const page = options.page ?? 1;
    assertPage(page);
    const item = options.mediaType === "movie" ? movieListItemSchema : tvListItemSchema;
    const year = options.year ?? undefined;
    const query = options.mediaType === "movie" ? { query: options.query, page, year } : { query: options.query, page, first_air_date_year: year };
    return this.get(`/search/${options.mediaType}`, query, pagedListSchema(item), signal);
  }

  /** The film or series with this IMDb id ("tt0113277"). */
  async findByImdbId(imdbId: string, signal?: AbortSignal) {
    return this.get(`/find/${encodeURIComponent(imdbId)}`, { external_source: "imdb_id" }, findSchema, signal);
  }

  async searchMulti(options: { query: string; page: number }, signal?: AbortSignal) {
    assertPage(options.page);
    return this.get("/search/multi", { query: options.query, page: options.page }, pagedListSchema(mixedListItemSchema), signal);
  }
}

function assertPage(page: number) {
  if (!Number.isInteger(page) || page < 1 || page > TMDB_MAX_PAGE) {
    throw new RangeError(`TMDB pages run from 1 to ${TMDB_MAX_PAGE}; got ${page}`);
  }
}

function appendQuery(append: string[]): Query {
  if (append.length > MAX_APPEND_TO_RESPONSE) throw new RangeError(`TMDB accepts at most ${MAX_APPEND_TO_RESPONSE} append_to_response names`);
  return append.length ? { append_to_response: append.join(",") } : {};
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Retry-After is either seconds or an HTTP date. */
export function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
