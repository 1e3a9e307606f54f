// Shared by the auth integration tests (who-is-calling, api-tokens, admin-role, accounts): the
// operations they send, and small helpers over a test API.
import { expect } from "vitest";
import { startTestApi, type GraphQLResponse, type TestApi, type TestUser } from "../../test-support/api-harness.ts";

export const ME = `{ me { id email role } }`;
export const API_TOKENS = `{ apiTokens { id name prefix createdAt lastUsedAt expiresAt revokedAt } }`;
export const CREATE = `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret token { id name prefix createdAt lastUsedAt expiresAt revokedAt } } }`;
export const REVOKE = `mutation($id: ID!) { revokeApiToken(id: $id) { id revokedAt } }`;

export interface CreatedToken {
  secret: string;
  token: { id: string; name: string; prefix: string; lastUsedAt: string | null; expiresAt: string | null; revokedAt: string | null };
}

/** The API every auth test file starts for itself (its own database). */
export function startAuthTestApi(): Promise<TestApi> {
  return startTestApi({ catalogueSize: 200 });
}

/** The one error of a refused request or field, with its code. */
export function onlyError(result: GraphQLResponse, code: string) {
  expect(result.errors, JSON.stringify(result)).toHaveLength(1);
  const error = result.errors![0]!;
  expect(error.extensions?.code, error.message).toBe(code);
  return error;
}

export async function createToken(api: TestApi, user: TestUser, input: { name: string; expiresInDays?: number }): Promise<CreatedToken> {
  const result = await api.graphql<{ createApiToken: CreatedToken }>(CREATE, { input }, { cookie: user.cookie });
  expect(result.errors).toBeUndefined();
  return result.data!.createApiToken;
}
