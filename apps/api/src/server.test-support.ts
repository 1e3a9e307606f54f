// Shared by the server integration tests (server-http, server-limits, server-health, server-errors):
// the API they start, and small helpers for requests and their errors.
import { expect } from "vitest";
import { startTestApi, type GraphQLResponse, type TestApi, type TestUser } from "./test-support/api-harness.ts";

export type Body = { data?: Record<string, any> | null; errors?: GraphQLResponse["errors"]; extensions?: Record<string, any> };

/** The API every server test file starts for itself (its own database): one user, and a seeded media cache. */
export async function startServerTestApi(): Promise<{ api: TestApi; user: TestUser }> {
  const api = await startTestApi({ catalogueSize: 200 });
  const user = await api.createUser();
  await api.seedMediaCache(3);
  return { api, user };
}

/** What current GraphQL clients (Apollo Client 4, graphql-request) send as Accept. */
export const MODERN_ACCEPT = "application/graphql-response+json, application/json;q=0.9";

/**
 * Any HTTP request to the API, accepting what current clients accept unless `init` says otherwise;
 * the body parsed as JSON (every answer here is JSON).
 */
export async function request(api: TestApi, path: string, init: RequestInit = {}): Promise<{ status: number; headers: Headers; body: Body }> {
  const headers = new Headers(init.headers);
  if (!headers.has("accept")) headers.set("accept", MODERN_ACCEPT);
  const response = await fetch(`${api.url}${path}`, { ...init, headers });
  expect(response.headers.get("content-type")).toMatch(/^application\/(graphql-response\+)?json/);
  return { status: response.status, headers: response.headers, body: (await response.json()) as Body };
}

export function onlyError(body: { errors?: GraphQLResponse["errors"] }, code: string) {
  expect(body.errors, JSON.stringify(body)).toHaveLength(1);
  const error = body.errors![0]!;
  expect(error.extensions?.code, error.message).toBe(code);
  return error;
}
