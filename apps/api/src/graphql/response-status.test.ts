import { describe, expect, it } from "vitest";
import { responseMediaType, statusOfResponse } from "./response-status.ts";

const MODERN = "application/graphql-response+json; charset=utf-8";
const LEGACY = "application/json; charset=utf-8";
const error = (code: string) => ({ message: code, extensions: { code } });

describe("responseMediaType", () => {
  it("picks what the Accept header prefers, application/json without one, nothing when neither is accepted", () => {
    expect(responseMediaType(undefined)).toBe(LEGACY);
    expect(responseMediaType("application/graphql-response+json, application/json;q=0.9")).toBe(MODERN);
    expect(responseMediaType("application/json, application/graphql-response+json;q=0.5")).toBe(LEGACY);
    expect(responseMediaType("*/*")).toBe(LEGACY);
    expect(responseMediaType("text/html")).toBeUndefined();
  });
});

describe("statusOfResponse", () => {
  it("application/graphql-response+json: 200 with data even with field errors; without data the first error's status", () => {
    expect(statusOfResponse(MODERN, { data: { a: 1, b: null }, errors: [error("NOT_FOUND")] })).toBe(200);
    expect(statusOfResponse(MODERN, { data: null, errors: [error("NOT_FOUND")] })).toBe(404);
    expect(statusOfResponse(MODERN, { errors: [error("GRAPHQL_VALIDATION_FAILED")] })).toBe(400);
    expect(statusOfResponse(MODERN, { data: null, errors: [error("UNAUTHENTICATED"), error("NOT_FOUND")] })).toBe(401);
    expect(statusOfResponse(MODERN, { data: null, errors: [error("FORBIDDEN")] })).toBe(403);
    expect(statusOfResponse(MODERN, { data: null, errors: [error("RATE_LIMITED")] })).toBe(429);
    expect(statusOfResponse(MODERN, { data: null, errors: [error("SERVICE_UNAVAILABLE")] })).toBe(503);
    expect(statusOfResponse(MODERN, { data: null, errors: [error("SOMETHING_NEW")] })).toBe(500);
  });

  it("application/json: 200 for every GraphQL answer, 400 when the request was not a GraphQL request", () => {
    expect(statusOfResponse(LEGACY, { data: null, errors: [error("NOT_FOUND")] })).toBe(200);
    expect(statusOfResponse(LEGACY, { errors: [error("GRAPHQL_PARSE_FAILED")] })).toBe(200);
    expect(statusOfResponse(LEGACY, { errors: [error("BAD_REQUEST")] })).toBe(400);
  });

  it("keeps the status Apollo gave a problem of the HTTP request itself", () => {
    expect(statusOfResponse(MODERN, { errors: [error("BAD_REQUEST")] }, 405)).toBe(405);
    expect(statusOfResponse(LEGACY, { errors: [error("BAD_REQUEST")] }, 405)).toBe(405);
  });
});
