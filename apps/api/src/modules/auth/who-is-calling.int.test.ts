// Who is calling, over real HTTP: an API token, a session cookie (whole or in chunks), or nobody;
// refusals of bad, revoked, expired or orphaned credentials; cookies that are not ours are anonymous.
import { randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_AUTH_SECRET, type TestApi, type TestUser } from "../../test-support/api-harness.ts";
import { API_TOKENS, createToken, ME, onlyError, REVOKE, startAuthTestApi } from "./auth.test-support.ts";

let api: TestApi;
beforeAll(async () => {
  api = await startAuthTestApi();
});
afterAll(() => api?.close());

describe("who is calling", () => {
  let user: TestUser;
  beforeAll(async () => {
    user = await api.createUser();
  });

  it("me is null for an anonymous caller", async () => {
    const result = await api.graphql(ME);
    expect(result.status).toBe(200);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ me: null });
  });

  it("me is the user of a personal API token", async () => {
    const result = await api.graphql(ME, {}, { token: user.token });
    expect(result.status).toBe(200);
    expect(result.errors).toBeUndefined();
    expect(result.data?.me).toEqual({ id: user.id, email: user.email, role: "USER" });
  });

  it("me is the user of a next-auth session cookie", async () => {
    const result = await api.graphql(ME, {}, { cookie: user.cookie });
    expect(result.errors).toBeUndefined();
    expect(result.data?.me).toEqual({ id: user.id, email: user.email, role: "USER" });
  });

  it("a session cookie split into chunks (name.0, name.1) still signs in", async () => {
    const value = user.cookie.slice(user.cookie.indexOf("=") + 1);
    const half = Math.floor(value.length / 2);
    const cookie = `next-auth.session-token.1=${value.slice(half)}; next-auth.session-token.0=${value.slice(0, half)}`;
    const result = await api.graphql(ME, {}, { cookie });
    expect(result.data?.me?.id).toBe(user.id);
  });

  it.each([
    ["an unknown token with the mr_ prefix", `mr_${randomBytes(32).toString("base64url")}`],
    ["a token without the mr_ prefix", randomBytes(24).toString("hex")],
    ["a token that differs from a real one in one character", "flip"],
  ])("refuses %s with HTTP 401 UNAUTHENTICATED", async (_label, forged) => {
    const token = forged === "flip" ? `${user.token.slice(0, -1)}${user.token.endsWith("A") ? "B" : "A"}` : forged;
    const result = await api.graphql(ME, {}, { token });
    expect(result.status).toBe(401);
    expect(result.data).toBeUndefined();
    const error = onlyError(result, "UNAUTHENTICATED");
    expect(error.message).toMatch(/token is not valid/);
    expect(error.message).toMatch(/create a new one/i);
  });

  it.each([
    ["Basic credentials", "Basic dXNlcjpwYXNz"],
    ["Bearer without a token", "Bearer"],
    ["a bare token without Bearer", "mr_abcdef"],
    ["Bearer with two words", "Bearer mr_one mr_two"],
  ])("refuses a malformed Authorization header (%s) with HTTP 401 saying the expected form", async (_label, authorization) => {
    const result = await api.graphql(ME, {}, { headers: { authorization } });
    expect(result.status).toBe(401);
    const error = onlyError(result, "UNAUTHENTICATED");
    expect(error.message).toContain("Bearer <API token or OAuth access token>");
  });

  it("a bad bearer token is refused even when a valid session cookie comes with it", async () => {
    const result = await api.graphql(ME, {}, { token: `mr_${randomBytes(32).toString("base64url")}`, cookie: user.cookie });
    expect(result.status).toBe(401);
    onlyError(result, "UNAUTHENTICATED");
  });

  it("refuses a revoked token with HTTP 401", async () => {
    const created = await createToken(api, user, { name: "soon revoked" });
    expect((await api.graphql(ME, {}, { token: created.secret })).data?.me?.id).toBe(user.id);
    const revoked = await api.graphql(REVOKE, { id: created.token.id }, { cookie: user.cookie });
    expect(revoked.errors).toBeUndefined();

    const result = await api.graphql(ME, {}, { token: created.secret });
    expect(result.status).toBe(401);
    expect(onlyError(result, "UNAUTHENTICATED").message).toMatch(/revoked or have expired/);
  });

  it("refuses an expired token with HTTP 401", async () => {
    // (A token in use is kept per process until its expiry at the latest: caller-cache.test.ts.)
    const created = await createToken(api, user, { name: "short-lived", expiresInDays: 1 });
    await api.services.prisma.apiToken.update({ where: { id: created.token.id }, data: { expiresAt: new Date(Date.now() - 1_000) } });

    const result = await api.graphql(ME, {}, { token: created.secret });
    expect(result.status).toBe(401);
    expect(onlyError(result, "UNAUTHENTICATED").message).toMatch(/revoked or have expired/);
  });

  it("refuses the token of a deleted user", async () => {
    const gone = await api.createUser();
    await api.services.prisma.user.delete({ where: { id: gone.id } });
    const result = await api.graphql(ME, {}, { token: gone.token });
    expect(result.status).toBe(401);
    onlyError(result, "UNAUTHENTICATED");
  });

  describe("a session cookie that is not ours is anonymous", () => {
    let foreignCookie: string;
    beforeAll(async () => {
      const session = await encode({ token: { sub: user.id, email: user.email }, secret: "some-other-secret-0123456789-abcdefgh" });
      foreignCookie = `next-auth.session-token=${session}`;
    });

    it("me is null with a cookie signed with another secret", async () => {
      const result = await api.graphql(ME, {}, { cookie: foreignCookie });
      expect(result.status).toBe(200);
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ me: null });
    });

    it("me is null with a garbage cookie or one for a user that does not exist", async () => {
      const unknownUser = await encode({ token: { sub: "00000000-0000-7000-8000-000000000000" }, secret: TEST_AUTH_SECRET });
      for (const cookie of ["next-auth.session-token=not-a-jwt", `next-auth.session-token=${unknownUser}`]) {
        const result = await api.graphql(ME, {}, { cookie });
        expect(result.errors).toBeUndefined();
        expect(result.data).toEqual({ me: null });
      }
    });

    it("a cookie that is not valid %-encoding (another app's, on the same host) is ignored, not a 500", async () => {
      // Found by bench/security-probe.ts: decodeURIComponent threw on it and every request failed.
      for (const stray of ["theme=%E0%A4%A", "next-auth.session-token=%zz", "x=100%"]) {
        const anonymous = await api.graphql(ME, {}, { cookie: stray });
        expect(anonymous.status, stray).toBe(200);
        expect(anonymous.errors).toBeUndefined();
        expect(anonymous.data).toEqual({ me: null });
      }
      const signedIn = await api.graphql(ME, {}, { cookie: `theme=%E0%A4%A; ${user.cookie}; x=100%` });
      expect(signedIn.status).toBe(200);
      expect(signedIn.data?.me?.id).toBe(user.id);
    });

    it("user data is UNAUTHENTICATED with a cookie signed with another secret", async () => {
      for (const query of [API_TOKENS, `{ preferences { onboarded } }`]) {
        const result = await api.graphql(query, {}, { cookie: foreignCookie });
        expect(result.status).toBe(401);
        expect(onlyError(result, "UNAUTHENTICATED").message).toMatch(/Sign in, or send a personal API token/);
        expect(result.data).toBeNull();
      }
    });
  });
});
