// Personal API tokens over real HTTP: created (secret shown once), listed, used, revoked, kept to
// their owner, validated, capped at 25 active, and only for a signed-in caller.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TestApi, TestUser } from "../../test-support/api-harness.ts";
import { API_TOKENS, CREATE, type CreatedToken, createToken, ME, onlyError, REVOKE, startAuthTestApi } from "./auth.test-support.ts";

let api: TestApi;
beforeAll(async () => {
  api = await startAuthTestApi();
});
afterAll(() => api?.close());

async function listTokens(user: TestUser) {
  const result = await api.graphql<{ apiTokens: CreatedToken["token"][] }>(API_TOKENS, {}, { cookie: user.cookie });
  expect(result.errors).toBeUndefined();
  return result.data!.apiTokens;
}

describe("personal API tokens", () => {
  let owner: TestUser;
  let other: TestUser;
  beforeAll(async () => {
    [owner, other] = await Promise.all([api.createUser(), api.createUser()]);
  });

  it("createApiToken returns the secret once; apiTokens shows only its prefix", async () => {
    const created = await createToken(api, owner, { name: "  Home server  " });
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
    const created = await createToken(api, owner, { name: "a month", expiresInDays: 30 });
    const expiresAt = Date.parse(created.token.expiresAt!);
    expect(expiresAt).toBeGreaterThanOrEqual(before + 30 * 86_400_000 - 1_000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 30 * 86_400_000 + 1_000);
  });

  it("a token made with an expiring token expires no later than its maker; one made in a session as asked", async () => {
    const maker = await createToken(api, owner, { name: "a week", expiresInDays: 7 });
    const make = async (input: { name: string; expiresInDays?: number }) => {
      const result = await api.graphql<{ createApiToken: CreatedToken }>(CREATE, { input }, { token: maker.secret });
      expect(result.errors).toBeUndefined();
      return result.data!.createApiToken.token.expiresAt;
    };
    // Asked for longer, or for no end at all: the maker's end.
    expect(await make({ name: "forever" })).toBe(maker.token.expiresAt);
    expect(await make({ name: "a year", expiresInDays: 365 })).toBe(maker.token.expiresAt);
    // Asked for shorter: as asked.
    expect(Date.parse((await make({ name: "a day", expiresInDays: 1 }))!)).toBeLessThan(Date.parse(maker.token.expiresAt!) - 5 * 86_400_000);
    // A token that does not expire makes tokens as asked.
    const lasting = await createToken(api, owner, { name: "lasting" });
    const result = await api.graphql<{ createApiToken: CreatedToken }>(CREATE, { input: { name: "from lasting" } }, { token: lasting.secret });
    expect(result.data?.createApiToken.token.expiresAt).toBeNull();
  });

  it("the new token works as a bearer and lastUsedAt is set after it is used", async () => {
    const created = await createToken(api, owner, { name: "cli" });
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
    const created = await createToken(api, owner, { name: "to revoke" });
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
    const created = await createToken(api, owner, { name: "self-revoking" });
    const result = await api.graphql(REVOKE, { id: created.token.id }, { token: created.secret });
    expect(result.errors).toBeUndefined();
    expect((await api.graphql(ME, {}, { token: created.secret })).status).toBe(401);
  });

  it("apiTokens lists active tokens before revoked ones", async () => {
    const user = await api.createUser();
    const revoked = await createToken(api, user, { name: "old" });
    await api.graphql(REVOKE, { id: revoked.token.id }, { cookie: user.cookie });
    const active = await createToken(api, user, { name: "new" });
    const names = (await listTokens(user)).map((token) => token.name);
    expect(names.indexOf("new")).toBeLessThan(names.indexOf("old"));
    expect(names).toContain(active.token.name);
  });

  it("user B neither sees nor revokes user A's token, and A's token keeps working", async () => {
    const created = await createToken(api, owner, { name: "private" });

    const listed = await listTokens(other);
    expect(listed.map((token) => token.id)).not.toContain(created.token.id);
    expect(listed.every((token) => token.name !== "private")).toBe(true);

    for (const auth of [{ token: other.token }, { cookie: other.cookie }]) {
      const result = await api.graphql(REVOKE, { id: created.token.id }, auth);
      expect(result.status).toBe(404);
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
    expect(result.status).toBe(400);
    expect(onlyError(result, "BAD_USER_INPUT").message).toMatch(message);
    expect(result.data).toBeNull();
    expect(await api.services.prisma.apiToken.count({ where: { userId: other.id } })).toBe(before);
  });

  it("a READ-only token reads but is refused on every mutation (403, insufficient_scope); READ + WRITE is the default", async () => {
    const SCOPED = `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret token { id scopes } } }`;
    const readOnly = await api.graphql(SCOPED, { input: { name: "reader", scopes: ["READ"] } }, { cookie: owner.cookie });
    expect(readOnly.data!.createApiToken.token.scopes).toEqual(["READ"]);
    const secret = readOnly.data!.createApiToken.secret;
    expect((await api.graphql(ME, {}, { token: secret })).data?.me?.id).toBe(owner.id);
    expect((await api.graphql(`{ favourites { totalCount } }`, {}, { token: secret })).errors).toBeUndefined();
    for (const mutation of [
      `mutation { updatePreferences(input: { onboarded: true }) { onboarded } }`,
      `mutation { addFavourite(media: { id: "movie:11" }) { id } }`,
      `mutation { revokeApiToken(id: "${readOnly.data!.createApiToken.token.id}") { id } }`,
    ]) {
      const refused = await api.graphql(mutation, {}, { token: secret });
      expect(refused.status, mutation).toBe(403);
      expect(onlyError(refused, "FORBIDDEN").message).toMatch(/may only read.*WRITE scope/);
      expect(refused.headers.get("www-authenticate")).toBe('Bearer realm="movierec", error="insufficient_scope", scope="write"');
    }
    // Nothing of the refused mutations happened.
    expect(await api.services.prisma.preference.findUnique({ where: { userId: owner.id } })).toBeNull();
    expect((await api.services.prisma.apiToken.findUniqueOrThrow({ where: { id: readOnly.data!.createApiToken.token.id } })).revokedAt).toBeNull();

    const full = await api.graphql(SCOPED, { input: { name: "writer" } }, { cookie: owner.cookie });
    expect(full.data!.createApiToken.token.scopes).toEqual(["READ", "WRITE"]);
    const writes = await api.graphql(
      `mutation { updatePreferences(input: { onboarded: true }) { onboarded } }`,
      {},
      { token: full.data!.createApiToken.secret },
    );
    expect(writes.errors).toBeUndefined();
    const withoutRead = await api.graphql(SCOPED, { input: { name: "odd", scopes: ["WRITE"] } }, { cookie: owner.cookie });
    expect(onlyError(withoutRead, "BAD_USER_INPUT").message).toMatch(/scopes must include READ/);
  });

  it("a 60-character name and expiresInDays 3650 are accepted", async () => {
    const created = await createToken(api, other, { name: "n".repeat(60), expiresInDays: 3650 });
    expect(created.token.name).toHaveLength(60);
  });

  it("refuses a 26th active token, saying to revoke one", async () => {
    const user = await api.createUser(); // has 1 token from the harness
    for (let i = 0; i < 24; i++) await createToken(api, user, { name: `token ${i}` });
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
    expect(result.status).toBe(401);
    expect(onlyError(result, "UNAUTHENTICATED").message).toMatch(/Sign in, or send a personal API token as `Authorization: Bearer <token>`/);
    expect(result.data).toBeNull();
    expect(await api.services.prisma.apiToken.count()).toBe(before);
  });
});
