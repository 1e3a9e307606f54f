// Creating and signing into accounts over real HTTP: email + password (signUp, signIn), and OAuth
// accounts linked by the web server's next-auth sign-in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_AUTH_SECRET, type TestApi } from "../../test-support/api-harness.ts";
import { startAuthTestApi } from "./auth.test-support.ts";
import { INTERNAL_KEY_HEADER, internalKey } from "./oauth-account.service.ts";

let api: TestApi;
beforeAll(async () => {
  api = await startAuthTestApi();
});
afterAll(() => api?.close());

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
      // Not in the schema anyone else sees (graphql/audiences.ts).
      const result = await api.graphql(LINK, { input }, auth);
      expect(result.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
      expect(result.errors?.map((error) => error.message).join(" ")).toMatch(/Cannot query field "linkOAuthAccount"/);
    }
    expect(await api.services.prisma.account.count({ where: { providerAccountId: input.providerAccountId } })).toBe(0);
  });
});
