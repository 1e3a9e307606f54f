// Every error a client sees has a code from errors.ts (or GraphQL's own for malformed queries)
// and a message it can act on. Anything unexpected is logged with the request id and masked.
import "reflect-metadata";
import { unwrapResolverError } from "@apollo/server/errors";
import type { GraphQLFormattedError } from "graphql";
import { ArgumentValidationError } from "type-graphql";
import { isDatabaseUnavailable, isMissingUserReference } from "../db.ts";
import { AppError, unauthenticated } from "../errors.ts";
import { currentRequestId, type Logger } from "../logger.ts";

/** Codes Apollo Server and graphql-armor produce for bad requests; they pass through unmasked. */
const CLIENT_CODES = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_USER_INPUT",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
]);

interface ValidationIssue {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationIssue[];
}

/**
 * graphql-armor's refusals (validation rules; their messages start with "Syntax Error: ") and
 * graphql-js's token limit (a parse error): each becomes QUERY_TOO_COMPLEX with a message that
 * states the limit and what to do.
 */
const COMPLEXITY_REFUSALS: Array<{ pattern: RegExp; message: (limit: number, found: number | undefined) => string }> = [
  {
    pattern: /Query depth limit of (\d+) exceeded, found (\d+)/,
    message: (limit, found) => `The query is nested ${found} levels deep; the limit is ${limit}. Ask for less nested data, or split it into several queries.`,
  },
  {
    // A deeply nested query's cost is astronomical (each level multiplies it by 1.5): JavaScript
    // prints it as 1.2e+35 or Infinity, which must be read whole, not as "1".
    pattern: /Query Cost limit of (\d+) exceeded, found (\d+(?:\.\d+)?(?:e\+\d+)?|Infinity)/,
    message: (limit, found) =>
      `The query's estimated cost is ${found !== undefined && found > 1e12 ? "over 10^12" : found}; the limit is ${limit}. Ask for fewer items (a smaller \`first\`) or fewer nested fields, or split it into several queries.`,
  },
  {
    pattern: /Aliases limit of (\d+) exceeded, found (\d+)/,
    message: (limit, found) => `The query uses ${found} aliases; the limit is ${limit}. Split it into several queries.`,
  },
  { pattern: /Directives limit of (\d+) exceeded, found (\d+)/, message: (limit, found) => `The query uses ${found} directives; the limit is ${limit}.` },
  {
    pattern: /Document contains more tha[nt] (\d+) tokens/,
    message: (limit) =>
      `The query has more than ${limit} tokens (names, punctuation, values); the limit is ${limit}. Send a shorter query, and pass values as variables.`,
  },
  {
    pattern: /Token limit of (\d+) exceeded/,
    message: (limit) =>
      `The query has more than ${limit} tokens (names, punctuation, values); the limit is ${limit}. Send a shorter query, and pass values as variables.`,
  },
];

function complexityRefusal(formatted: GraphQLFormattedError): GraphQLFormattedError | undefined {
  const code = formatted.extensions?.code;
  if (code !== "GRAPHQL_VALIDATION_FAILED" && code !== "GRAPHQL_PARSE_FAILED") return undefined;
  // graphql-js gives up when checking that same-named fields can be merged takes too long.
  if (formatted.message === "Validation aborted.") {
    return {
      message: "The query repeats the same fields too many times to be checked. Ask for each field once per selection.",
      extensions: { code: "QUERY_TOO_COMPLEX" },
    };
  }
  for (const refusal of COMPLEXITY_REFUSALS) {
    const match = refusal.pattern.exec(formatted.message);
    if (!match) continue;
    const limit = Number(match[1]);
    const found = match[2] === undefined ? undefined : Math.min(Math.round(Number(match[2])), Number.MAX_SAFE_INTEGER);
    return {
      message: refusal.message(limit, found),
      locations: formatted.locations,
      extensions: { code: "QUERY_TOO_COMPLEX", details: { limit, ...(found === undefined ? {} : { found }) } },
    };
  }
  return undefined;
}

function flatten(issues: ValidationIssue[], path = ""): Array<{ field: string; problems: string[] }> {
  return issues.flatMap((issue) => {
    const field = path ? `${path}.${issue.property}` : issue.property;
    const own = issue.constraints ? [{ field, problems: Object.values(issue.constraints) }] : [];
    return [...own, ...flatten(issue.children ?? [], field)];
  });
}

export const DATABASE_UNAVAILABLE_MESSAGE = "The database cannot be reached right now (it may be restarting). Try again in a few seconds.";
export const RETRY_AFTER_SECONDS = 5;

export function createFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const unwrapped = unwrapResolverError(error);
    // The person was deleted while this request ran (another tab, another device): said as such.
    const original = isMissingUserReference(unwrapped)
      ? unauthenticated("Your account no longer exists: it was deleted while this request was on its way. Sign up again to start afresh.")
      : unwrapped;
    if (original instanceof AppError) {
      return {
        message: original.message,
        path: formatted.path,
        locations: formatted.locations,
        extensions: {
          code: original.code,
          ...(original.extensions.details ? { details: original.extensions.details } : {}),
          // RATE_LIMITED's wait, where every refusal of the API says it (errors.ts's rateLimited).
          ...(typeof original.extensions.retryAfterSeconds === "number" ? { retryAfterSeconds: original.extensions.retryAfterSeconds } : {}),
        },
      };
    }
    if (original instanceof ArgumentValidationError) {
      const fields = flatten(original.extensions.validationErrors as ValidationIssue[]);
      return {
        message: `Invalid input: ${fields.map((field) => field.problems.join("; ")).join("; ")}.`,
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: "BAD_USER_INPUT", details: { fields } },
      };
    }
    // Postgres down or restarting: a clear code a client can retry on, and one log line, not a stack.
    if (formatted.extensions?.code === "SERVICE_UNAVAILABLE" || isDatabaseUnavailable(original)) {
      logger.warn(
        { path: formatted.path, err: original instanceof Error ? original.message.replace(/\s+/g, " ").trim().slice(0, 300) : String(original) },
        "database unavailable",
      );
      return {
        message: DATABASE_UNAVAILABLE_MESSAGE,
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: "SERVICE_UNAVAILABLE", retryAfterSeconds: RETRY_AFTER_SECONDS, requestId: currentRequestId() },
      };
    }
    const tooComplex = complexityRefusal(formatted);
    if (tooComplex) return tooComplex;
    const code = formatted.extensions?.code;
    if (typeof code === "string" && CLIENT_CODES.has(code)) return { ...formatted, extensions: { code } };
    // Coercion errors of variables/arguments come without a code from graphql-js.
    if (!code && !formatted.path) return { ...formatted, extensions: { code: "GRAPHQL_VALIDATION_FAILED" } };
    logger.error({ err: original, path: formatted.path }, "unexpected error in a GraphQL operation");
    const requestId = currentRequestId();
    return {
      message: `Something went wrong on our side. It has been logged${requestId ? ` with request id ${requestId}` : ""}; try again shortly.`,
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: "INTERNAL_SERVER_ERROR", requestId },
    };
  };
}
