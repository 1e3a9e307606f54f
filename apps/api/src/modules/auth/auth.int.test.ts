// Auth over real HTTP: who the caller is (API token, session cookie, nobody), refusals of bad
// credentials, the API-token lifecycle, and the admin-only mutation.
import { randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startTestApi, TEST_AUTH_SECRET, type GraphQLResponse, type TestApi, type TestUser } from "../../test-support/api-harness.ts";
import { MANUAL_RUN_JOB_ID } from "../ingest/ingest-queue.ts";
import { INTERNAL_KEY_HEADER, internalKey } from "./oauth-account.service.ts";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ catalogueSize: 200 });
});
afterAll(() => api?.close());

const ME = `{ me { id email role } }`;
const API_TOKENS = `{ apiTokens { id name prefix createdAt lastUsedAt expiresAt revokedAt } }`;
const CREATE = `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret token { id name prefix createdAt lastUsedAt expiresAt revokedAt } } }`;
const REVOKE = `mutation($id: ID!) { revokeApiToken(id: $id) { id revokedAt } }`;
const REFRESH = `mutation { refreshMediaCache { jobId alreadyQueued } }`;

interface CreatedToken {
  secret: string;
  token: { id: string; name: string; prefix: string; lastUsedAt: string | null; expiresAt: string | null; revokedAt: string | null };
}

/** The one error of a refused request or field, with its code. */
function onlyError(result: GraphQLResponse, code: string) {
  expect(result.errors, JSON.stringify(result)).toHaveLength(1);
  const error = result.errors![0]!;
  expect(error.extensions?.code, error.message).toBe(code);
  return error;
}

async function createToken(user: TestUser, input: { name: string; expiresInDays?: number }): Promise<CreatedToken> {
  const result = await api.graphql<{ createApiToken: CreatedToken }>(CREATE, { input }, { cookie: user.cookie });
  expect(result.errors).toBeUndefined();
  return result.data!.createApiToken;
}

async function listTokens(user: TestUser) {
  const result = await api.graphql<{ apiTokens: CreatedToken["token"][] }>(API_TOKENS, {}, { cookie: user.cookie });
  expect(result.errors).toBeUndefined();
  return result.data!.apiTokens;
}

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
    expect(error.message).toMatch(/API token is not valid/);
    expect(error.message).toMatch(/Create a new one/);
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
    expect(error.message).toContain("Bearer <personal API token>");
  });

  it("a bad bearer token is refused even when a valid session cookie comes with it", async () => {
    const result = await api.graphql(ME, {}, { token: `mr_${randomBytes(32).toString("base64url")}`, cookie: user.cookie });
    expect(result.status).toBe(401);
    onlyError(result, "UNAUTHENTICATED");
  });

  it("refuses a revoked token with HTTP 401", async () => {
    const created = await createToken(user, { name: "soon revoked" });
    expect((await api.graphql(ME, {}, { token: created.secret })).data?.me?.id).toBe(user.id);
    const revoked = await api.graphql(REVOKE, { id: created.token.id }, { cookie: user.cookie });
    expect(revoked.errors).toBeUndefined();

    const result = await api.graphql(ME, {}, { token: created.secret });
    expect(result.status).toBe(401);
    expect(onlyError(result, "UNAUTHENTICATED").message).toMatch(/revoked or have expired/);
  });

  it("refuses an expired token with HTTP 401", async () => {
    const created = await createToken(user, { name: "short-lived", expiresInDays: 1 });
    expect((await api.graphql(ME, {}, { token: created.secret })).data?.me?.id).toBe(user.id);
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
        expect(result.status).toBe(200);
        expect(onlyError(result, "UNAUTHENTICATED").message).toMatch(/Sign in, or send a personal API token/);
        expect(result.data).toBeNull();
      }
    });
  });
});

describe("personal API tokens", () => {
  let owner: TestUser;
  let other: TestUser;
  beforeAll(async () => {
    [owner, other] = await Promise.all([api.createUser(), api.createUser()]);
  });

  it("createApiToken returns the secret once; apiTokens shows only its prefix", async () => {
    const created = await createToken(owner, { name: "  Home server  " });
    expect(created.secret).toMatch(/^mr_[A-Za-z0-9_-]{40,}$/);
    expect(created.token).toMatchObject({ name: "Home server", prefix: created.secret.slice(0, 10), lastUsedAt: null, expiresAt: null, revokedAt: null });
    expect(created.secret.length).toBeGreaterThan(created.token.prefix.length);

    const listed = await api.graphql(API_TOKENS, {}, { cookie: owner.cookie });
    expect(listed.errors).toBeUndefined();
    const entry = (listed.data!.apiTokens as CreatedToken["token"][]).find((token) => token.id === created.token.id);
    expect(entry).toMatchObject({ name: "Home server", prefix: created.secret.slice(0, 10) });
    expect(JSON.stringify(listed.data)).not.toContain(created.secret);

    // There is no way to ask for it again, and the database holds only a hash.
    const asked = await api.graphql(`{ apiTokens { id secret } }`, {}, { cookie: owner.cookie });
    expect(asked.status).toBe(400);
    onlyError(asked, "GRAPHQL_VALIDATION_FAILED");
    const row = await api.services.prisma.apiToken.findUniqueOrThrow({ where: { id: created.token.id } });
    expect(JSON.stringify(row)).not.toContain(created.secret);
  });

  it("an expiring token says when it expires", async () => {
    const before = Date.now();
    const created = await createToken(owner, { name: "a month", expiresInDays: 30 });
    const expiresAt = Date.parse(created.token.expiresAt!);
    expect(expiresAt).toBeGreaterThanOrEqual(before + 30 * 86_400_000 - 1_000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 30 * 86_400_000 + 1_000);
  });

  it("the new token works as a bearer and lastUsedAt is set after it is used", async () => {
    const created = await createToken(owner, { name: "cli" });
    const me = await api.graphql(ME, {}, { token: created.secret });
    expect(me.status).toBe(200);
    expect(me.data?.me?.id).toBe(owner.id);

    // Recorded in the background, right after the request.
    await vi.waitFor(
      async () => {
        const entry = (await listTokens(owner)).find((token) => token.id === created.token.id);
        expect(entry?.lastUsedAt).not.toBeNull();
      },
      { timeout: 3_000, interval: 50 },
    );
    const entry = (await listTokens(owner)).find((token) => token.id === created.token.id)!;
    expect(Math.abs(Date.parse(entry.lastUsedAt!) - Date.now())).toBeLessThan(60_000);
  });

  it("revokeApiToken stops the token at once; revoking twice is fine", async () => {
    const created = await createToken(owner, { name: "to revoke" });
    expect((await api.graphql(ME, {}, { token: created.secret })).status).toBe(200);

    const first = await api.graphql(REVOKE, { id: created.token.id }, { token: owner.token });
    expect(first.errors).toBeUndefined();
    expect(first.data?.revokeApiToken).toMatchObject({ id: created.token.id, revokedAt: expect.any(String) });
    expect((await api.graphql(ME, {}, { token: created.secret })).status).toBe(401);

    const second = await api.graphql(REVOKE, { id: created.token.id }, { cookie: owner.cookie });
    expect(second.errors).toBeUndefined();
    expect(second.data?.revokeApiToken).toEqual(first.data?.revokeApiToken);

    const entry = (await listTokens(owner)).find((token) => token.id === created.token.id);
    expect(entry?.revokedAt).toBe(first.data?.revokeApiToken.revokedAt);
  });

  it("a token can revoke itself; the next request with it is refused", async () => {
    const created = await createToken(owner, { name: "self-revoking" });
    const result = await api.graphql(REVOKE, { id: created.token.id }, { token: created.secret });
    expect(result.errors).toBeUndefined();
    expect((await api.graphql(ME, {}, { token: created.secret })).status).toBe(401);
  });

  it("apiTokens lists active tokens before revoked ones", async () => {
    const user = await api.createUser();
    const revoked = await createToken(user, { name: "old" });
    await api.graphql(REVOKE, { id: revoked.token.id }, { cookie: user.cookie });
    const active = await createToken(user, { name: "new" });
    const names = (await listTokens(user)).map((token) => token.name);
    expect(names.indexOf("new")).toBeLessThan(names.indexOf("old"));
    expect(names).toContain(active.token.name);
  });

  it("user B neither sees nor revokes user A's token, and A's token keeps working", async () => {
    const created = await createToken(owner, { name: "private" });

    const listed = await listTokens(other);
    expect(listed.map((token) => token.id)).not.toContain(created.token.id);
    expect(listed.every((token) => token.name !== "private")).toBe(true);

    for (const auth of [{ token: other.token }, { cookie: other.cookie }]) {
      const result = await api.graphql(REVOKE, { id: created.token.id }, auth);
      expect(result.status).toBe(200);
      expect(onlyError(result, "NOT_FOUND").message).toBe("No API token with that id.");
    }
    const me = await api.graphql(ME, {}, { token: created.secret });
    expect(me.status).toBe(200);
    expect(me.data?.me?.id).toBe(owner.id);
    const row = await api.services.prisma.apiToken.findUniqueOrThrow({ where: { id: created.token.id } });
    expect(row.revokedAt).toBeNull();
  });

  it.each([
    ["an unknown id", "00000000-0000-7000-8000-000000000000"],
    ["an id that is not a UUID", "not-a-uuid"],
  ])("revoking %s is NOT_FOUND", async (_label, id) => {
    const result = await api.graphql(REVOKE, { id }, { cookie: owner.cookie });
    expect(onlyError(result, "NOT_FOUND").message).toBe("No API token with that id.");
  });

  it.each([
    ["an empty name", { name: "" }, /name must be longer than or equal to 1 characters/],
    ["a blank name", { name: "   " }, /name must not be blank/],
    ["a 61-character name", { name: "n".repeat(61) }, /name must be shorter than or equal to 60 characters/],
    ["expiresInDays 0", { name: "ok", expiresInDays: 0 }, /expiresInDays must not be less than 1/],
    ["expiresInDays 5000", { name: "ok", expiresInDays: 5000 }, /expiresInDays must not be greater than 3650/],
  ])("createApiToken with %s is BAD_USER_INPUT naming the problem, and creates nothing", async (_label, input, message) => {
    const before = await api.services.prisma.apiToken.count({ where: { userId: other.id } });
    const result = await api.graphql(CREATE, { input }, { cookie: other.cookie });
    expect(result.status).toBe(200);
    expect(onlyError(result, "BAD_USER_INPUT").message).toMatch(message);
    expect(result.data).toBeNull();
    expect(await api.services.prisma.apiToken.count({ where: { userId: other.id } })).toBe(before);
  });

  it("a 60-character name and expiresInDays 3650 are accepted", async () => {
    const created = await createToken(other, { name: "n".repeat(60), expiresInDays: 3650 });
    expect(created.token.name).toHaveLength(60);
  });

  it("refuses a 26th active token, saying to revoke one", async () => {
    const user = await api.createUser(); // has 1 token from the harness
    for (let i = 0; i < 24; i++) await createToken(user, { name: `token ${i}` });
    const result = await api.graphql(CREATE, { input: { name: "one too many" } }, { cookie: user.cookie });
    expect(onlyError(result, "BAD_USER_INPUT").message).toMatch(/already have 25 active API tokens. Revoke one/);
  });

  it.each([
    ["apiTokens", API_TOKENS, {}],
    ["createApiToken", CREATE, { input: { name: "anon" } }],
    ["revokeApiToken", REVOKE, { id: "00000000-0000-7000-8000-000000000000" }],
  ])("%s needs a signed-in caller (UNAUTHENTICATED)", async (_label, query, variables) => {
    const before = await api.services.prisma.apiToken.count();
    const result = await api.graphql(query, variables);
    expect(result.status).toBe(200);
    expect(onlyError(result, "UNAUTHENTICATED").message).toMatch(/Sign in, or send a personal API token as `Authorization: Bearer <token>`/);
    expect(result.data).toBeNull();
    expect(await api.services.prisma.apiToken.count()).toBe(before);
  });
});

describe("refreshMediaCache (admin only)", () => {
  let admin: TestUser;
  let user: TestUser;
  beforeAll(async () => {
    [admin, user] = await Promise.all([api.createUser({ role: "ADMIN" }), api.createUser()]);
  });

  it("is FORBIDDEN for a normal user and UNAUTHENTICATED for anonymous callers; nothing is queued", async () => {
    for (const auth of [{ token: user.token }, { cookie: user.cookie }]) {
      const result = await api.graphql(REFRESH, {}, auth);
      expect(onlyError(result, "FORBIDDEN").message).toBe("This needs the ADMIN role.");
      expect(result.data).toBeNull();
    }
    const anonymous = await api.graphql(REFRESH);
    expect(onlyError(anonymous, "UNAUTHENTICATED").message).toMatch(/Sign in/);
    expect(await api.services.queues.ingest.getJob(MANUAL_RUN_JOB_ID)).toBeUndefined();
  });

  it("me says ADMIN for an admin", async () => {
    const result = await api.graphql(ME, {}, { token: admin.token });
    expect(result.data?.me).toMatchObject({ id: admin.id, role: "ADMIN" });
  });

  it("queues one ingest run for an admin; asking again while it waits queues nothing new", async () => {
    const first = await api.graphql(REFRESH, {}, { token: admin.token });
    expect(first.errors).toBeUndefined();
    expect(first.data?.refreshMediaCache).toEqual({ jobId: MANUAL_RUN_JOB_ID, alreadyQueued: false });

    const job = await api.services.queues.ingest.getJob(first.data!.refreshMediaCache.jobId);
    expect(job).toBeDefined();
    expect(job!.name).toBe("ingest-run");
    expect(job!.data).toEqual({ reason: "admin", requestedBy: admin.id });
    expect(await job!.getState()).toBe("waiting");

    const second = await api.graphql(REFRESH, {}, { cookie: admin.cookie });
    expect(second.errors).toBeUndefined();
    expect(second.data?.refreshMediaCache).toEqual({ jobId: MANUAL_RUN_JOB_ID, alreadyQueued: true });
    expect(await api.services.queues.ingest.getJobCounts("waiting")).toEqual({ waiting: 1 });
  });
});

describe("email + password accounts", () => {
  const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { id email name role } }`;
  const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { id email } }`;

  it("signs up, then signs in with the same (case-insensitive) email and password", async () => {
    const email = `Person-${Date.now()}@Example.test`;
    const created = await api.graphql(SIGN_UP, { input: { email, password: "correct horse battery", name: "Pat" } });
    expect(created.errors).toBeUndefined();
    expect(created.data?.signUp).toMatchObject({ email: email.toLowerCase(), name: "Pat", role: "USER" });
    const stored = await api.services.prisma.user.findUniqueOrThrow({ where: { email: email.toLowerCase() } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored.passwordHash).not.toContain("correct horse");

    const signedIn = await api.graphql(SIGN_IN, { input: { email: email.toUpperCase(), password: "correct horse battery" } });
    expect(signedIn.data?.signIn.id).toBe(created.data?.signUp.id);
  });

  it("says the same for a wrong password and an unknown email", async () => {
    const email = `known-${Date.now()}@example.test`;
    await api.graphql(SIGN_UP, { input: { email, password: "a long enough password" } });
    const wrongPassword = await api.graphql(SIGN_IN, { input: { email, password: "not the password" } });
    const unknownEmail = await api.graphql(SIGN_IN, { input: { email: `nobody-${Date.now()}@example.test`, password: "a long enough password" } });
    for (const result of [wrongPassword, unknownEmail]) {
      expect(result.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      expect(result.errors?.[0]?.message).toBe("Wrong email or password.");
    }
  });

  it("refuses a taken email, a malformed email and a short password", async () => {
    const email = `taken-${Date.now()}@example.test`;
    await api.graphql(SIGN_UP, { input: { email, password: "a long enough password" } });
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ email, password: "another long password" }, /already exists/],
      [{ email: "not-an-email", password: "a long enough password" }, /email address/],
      [{ email: `short-${Date.now()}@example.test`, password: "short" }, /8 to 200 characters/],
    ];
    for (const [input, message] of cases) {
      const result = await api.graphql(SIGN_UP, { input });
      expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(result.errors?.[0]?.message).toMatch(message);
    }
  });
});

describe("OAuth accounts (the web server's next-auth sign-in)", () => {
  const LINK = `mutation($input: LinkOAuthAccountInput!) { linkOAuthAccount(input: $input) { id email name } }`;
  const internal = () => ({ headers: { [INTERNAL_KEY_HEADER]: internalKey(TEST_AUTH_SECRET) } });

  it("creates the user on first sign-in and finds the same user after", async () => {
    const providerAccountId = `gh-${Date.now()}`;
    const input = { provider: "github", providerAccountId, email: `octo-${providerAccountId}@example.test`, name: "Octo" };
    const first = await api.graphql(LINK, { input }, internal());
    expect(first.errors).toBeUndefined();
    const again = await api.graphql(LINK, { input: { ...input, email: null } }, internal());
    expect(again.data?.linkOAuthAccount.id).toBe(first.data?.linkOAuthAccount.id);
    expect(await api.services.prisma.account.count({ where: { providerAccountId } })).toBe(1);
  });

  it("keeps the provider's avatar only as an https URL", async () => {
    const base = { provider: "github", name: "Octo" };
    const kept = await api.graphql(
      LINK,
      {
        input: {
          ...base,
          providerAccountId: `gh-img-${Date.now()}`,
          email: `img-${Date.now()}@example.test`,
          image: "https://avatars.githubusercontent.com/u/583231?v=4",
        },
      },
      internal(),
    );
    expect(kept.errors, JSON.stringify(kept.errors)).toBeUndefined();
    for (const image of [
      "javascript:alert(document.cookie)",
      "data:text/html,<script>alert(1)</script>",
      "http://example.test/a.png",
      `https://example.test/${"a".repeat(2_100)}`,
    ]) {
      const providerAccountId = `gh-img-bad-${Date.now()}`;
      const result = await api.graphql(LINK, { input: { ...base, providerAccountId, email: `${providerAccountId}@example.test`, image } }, internal());
      expect(result.errors?.[0]?.extensions?.code, image.slice(0, 40)).toBe("BAD_USER_INPUT");
      expect(result.errors?.[0]?.message).toMatch(/image/);
      expect(await api.services.prisma.account.count({ where: { providerAccountId } })).toBe(0);
    }
  });

  it("never takes over an existing account by its email", async () => {
    const existing = await api.createUser();
    const result = await api.graphql(LINK, { input: { provider: "github", providerAccountId: `gh-x-${Date.now()}`, email: existing.email } }, internal());
    expect(result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(result.errors?.[0]?.message).toContain("Sign in with your email and password");
  });

  it("is refused to anyone but the web server", async () => {
    const user = await api.createUser();
    const input = { provider: "github", providerAccountId: `gh-y-${Date.now()}`, email: `y-${Date.now()}@example.test` };
    for (const auth of [{}, { token: user.token }, { headers: { [INTERNAL_KEY_HEADER]: "0".repeat(64) } }]) {
      const result = await api.graphql(LINK, { input }, auth);
      expect(result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
    expect(await api.services.prisma.account.count({ where: { providerAccountId: input.providerAccountId } })).toBe(0);
  });
});
