import { GraphQLError } from "graphql";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { createFormatError } from "./format-error.ts";

const formatError = createFormatError(pino({ level: "silent" }));
const armor = (message: string) =>
  formatError({ message: `Syntax Error: ${message}`, extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }, new GraphQLError(message));

describe("formatError: graphql-armor's refusals", () => {
  it("reads an astronomical cost whole (a query 201 levels deep was reported as costing 8)", () => {
    const refusal = armor("Query Cost limit of 20000 exceeded, found 8.123456789e+35.");
    expect(refusal.message).toBe(
      "The query's estimated cost is over 10^12; the limit is 20000. Ask for fewer items (a smaller `first`) or fewer nested fields, or split it into several queries.",
    );
    expect(refusal.extensions).toEqual({ code: "QUERY_TOO_COMPLEX", details: { limit: 20000, found: Number.MAX_SAFE_INTEGER } });
    expect(armor("Query Cost limit of 20000 exceeded, found Infinity.").message).toMatch(/^The query's estimated cost is over 10\^12;/);
  });

  it("reports an ordinary cost as it is", () => {
    const refusal = armor("Query Cost limit of 20000 exceeded, found 25387.5.");
    expect(refusal.message).toMatch(/^The query's estimated cost is 25388; the limit is 20000\./);
    expect(refusal.extensions?.details).toEqual({ limit: 20000, found: 25388 });
  });
});
