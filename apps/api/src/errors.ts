// One error type for everything a client may see. Each code has an HTTP status and a message a
// person can act on; anything else is masked as INTERNAL_SERVER_ERROR and logged with the
// request id (formatError in graphql/format-error.ts).
import { GraphQLError } from "graphql";

export const ERROR_STATUS = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
  QUERY_TOO_COMPLEX: 400,
  TMDB_UNAVAILABLE: 503,
  // Postgres cannot be reached (restarting, down): retry after a few seconds (graphql/format-error.ts).
  SERVICE_UNAVAILABLE: 503,
  INTERNAL_SERVER_ERROR: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends GraphQLError {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message, { extensions: { code, ...(details ? { details } : {}) } });
    this.code = code;
  }

  /**
   * For errors that refuse the whole request (thrown while building the context, e.g. a revoked
   * token): Apollo answers with this HTTP status. Field errors keep 200, as GraphQL over HTTP says.
   */
  withHttpStatus(): this {
    this.extensions.http = { status: ERROR_STATUS[this.code] };
    return this;
  }
}

export const unauthenticated = (message = "Sign in, or send a personal API token as `Authorization: Bearer <token>`.") =>
  new AppError("UNAUTHENTICATED", message);
export const forbidden = (message: string) => new AppError("FORBIDDEN", message);
export const badInput = (message: string, details?: Record<string, unknown>) => new AppError("BAD_USER_INPUT", message, details);
export const notFound = (message: string) => new AppError("NOT_FOUND", message);
/** Too many of something: wait `seconds`, said as `extensions.retryAfterSeconds` as the API's rate limit says it (docs/api.md). */
export function rateLimited(message: string, seconds: number): AppError {
  const error = new AppError("RATE_LIMITED", message);
  error.extensions.retryAfterSeconds = seconds;
  return error;
}
