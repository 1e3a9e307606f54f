export type TmdbErrorCode =
  | "TMDB_UNAUTHORIZED" // 401: missing or invalid TMDB_API_TOKEN
  | "TMDB_NOT_FOUND" // 404: unknown path or id
  | "TMDB_BAD_REQUEST" // 400/422: a request TMDB refuses (bad page, too many appended names…)
  | "TMDB_RATE_LIMITED" // 429 that outlasted every retry
  | "TMDB_UNAVAILABLE" // 5xx or connection failures that outlasted every retry
  | "TMDB_TIMEOUT" // no answer within TMDB_TIMEOUT_MS, on every attempt
  | "TMDB_BAD_RESPONSE"; // an answer that is not the JSON shape TMDB documents

export class TmdbError extends Error {
  override name = "TmdbError";
  readonly code: TmdbErrorCode;
  readonly path: string;
  readonly status?: number;
  /** TMDB's own `status_code` from its error body, when it sent one. */
  readonly tmdbStatusCode?: number;
  readonly attempts: number;
  /** A failure the next call may well not meet (one the client retries: 5xx, a timeout, a cut-off body), not an answer TMDB will give again. */
  readonly transient: boolean;

  constructor(options: {
    code: TmdbErrorCode;
    message: string;
    path: string;
    status?: number;
    tmdbStatusCode?: number;
    attempts: number;
    cause?: unknown;
    transient?: boolean;
  }) {
    super(`${options.message} (${options.path}${options.attempts > 1 ? `, ${options.attempts} attempts` : ""})`, { cause: options.cause });
    this.code = options.code;
    this.path = options.path;
    this.status = options.status;
    this.tmdbStatusCode = options.tmdbStatusCode;
    this.attempts = options.attempts;
    this.transient = options.transient ?? false;
  }
}
