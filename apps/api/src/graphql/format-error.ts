// Every error a client sees has a code from errors.ts (or GraphQL's own for malformed queries)
// and a message it can act on. Anything unexpected is logged with the request id and masked.
import { unwrapResolverError } from "@apollo/server/errors";
import type { GraphQLFormattedError } from "graphql";
import { ArgumentValidationError } from "type-graphql";
import { AppError } from "../errors.ts";
import type { Logger } from "../logger.ts";

/** Codes Apollo Server and graphql-armor produce for bad requests; they pass through unmasked. */
const CLIENT_CODES = new Set(["GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED", "BAD_USER_INPUT", "BAD_REQUEST", "PERSISTED_QUERY_NOT_FOUND", "PERSISTED_QUERY_NOT_SUPPORTED", "OPERATION_RESOLUTION_FAILURE"]);

interface ValidationIssue {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationIssue[];
}

function flatten(issues: ValidationIssue[], path = ""): Array<{ field: string; problems: string[] }> {
  return issues.flatMap((issue) => {
    const field = path ? `${path}.${issue.property}` : issue.property;
    const own = issue.constraints ? [{ field, problems: Object.values(issue.constraints) }] : [];
    return [...own, ...flatten(issue.children ?? [], field)];
  });
}

export function createFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof AppError) {
      return { message: original.message, path: formatted.path, locations: formatted.locations, extensions: { code: original.code, ...(original.extensions.details ? { details: original.extensions.details } : {}) } };
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
    const code = formatted.extensions?.code;
    if (typeof code === "string" && CLIENT_CODES.has(code)) return { ...formatted, extensions: { code } };
    // Coercion errors of variables/arguments come without a code from graphql-js.
    if (!code && !formatted.path) return { ...formatted, extensions: { code: "GRAPHQL_VALIDATION_FAILED" } };
    logger.error({ err: original, path: formatted.path }, "unexpected error in a GraphQL operation");
    return { message: "Something went wrong on our side. It has been logged; try again shortly.", path: formatted.path, locations: formatted.locations, extensions: { code: "INTERNAL_SERVER_ERROR" } };
  };
}
