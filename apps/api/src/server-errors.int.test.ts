// Errors: unexpected failures reach the client masked (with a request id) and are logged in full;
// text inputs Postgres cannot store (NUL) are BAD_USER_INPUT rather than internal errors.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { onlyError, startServerTestApi } from "./server.test-support.ts";
import type { TestApi, TestUser } from "./test-support/api-harness.ts";

let api: TestApi;
let user: TestUser;
beforeAll(async () => {
  ({ api, user } = await startServerTestApi());
});
afterAll(() => api?.close());

describe("unexpected errors are masked and logged", () => {
  const SECRET_BITS = /preference|api_token|table|relation|prisma|select|postgres|sql|\bat\s|\.ts\b|context creation/i;

  /** Renames a table for the length of `run`, so queries on it fail inside Postgres. */
  async function withoutTable<T>(table: "preference" | "api_token", run: () => Promise<T>): Promise<T> {
    await api.services.prisma.$executeRawUnsafe(`ALTER TABLE "${table}" RENAME TO "${table}_away"`);
    try {
      return await run();
    } finally {
      await api.services.prisma.$executeRawUnsafe(`ALTER TABLE "${table}_away" RENAME TO "${table}"`);
    }
  }

  it("a database failure in a resolver reaches the client as INTERNAL_SERVER_ERROR without SQL or a stack", async () => {
    const logged = vi.spyOn(api.services.logger, "error");
    try {
      const result = await withoutTable("preference", () =>
        api.graphql(`{ me { id } preferences { onboarded } }`, {}, { cookie: user.cookie, headers: { "x-request-id": "masked-1" } }),
      );
      expect(result.status).toBe(500);
      // The rest of the query still answers; only the failed field is null.
      expect(result.data).toBeNull();
      const error = onlyError(result, "INTERNAL_SERVER_ERROR");
      // The request id ties what the client saw to the log line.
      expect(error.message).toBe("Something went wrong on our side. It has been logged with request id masked-1; try again shortly.");
      expect(error.message).not.toMatch(SECRET_BITS);
      expect(error.path).toEqual(["preferences"]);
      expect(error.extensions).toEqual({ code: "INTERNAL_SERVER_ERROR", requestId: "masked-1" });
      expect(JSON.stringify(result)).not.toMatch(/preference_|does not exist|stacktrace/i);
      // …and the real cause is logged for us.
      expect(logged).toHaveBeenCalledWith(
        expect.objectContaining({ err: expect.objectContaining({ message: expect.stringMatching(/preference/) }) }),
        "unexpected error in a GraphQL operation",
      );
    } finally {
      logged.mockRestore();
    }
    // Nothing stays broken.
    const after = await api.graphql(`{ preferences { onboarded } }`, {}, { cookie: user.cookie });
    expect(after.errors).toBeUndefined();
  });

  it("a database failure while reading the caller's token is a masked 500", async () => {
    const result = await withoutTable("api_token", () => api.graphql(`{ me { id } }`, {}, { token: user.token, headers: { "x-request-id": "masked-2" } }));
    expect(result.status).toBe(500);
    const error = onlyError(result, "INTERNAL_SERVER_ERROR");
    expect(error.message).toBe("Something went wrong on our side. It has been logged with request id masked-2; try again shortly.");
    expect(JSON.stringify(result)).not.toMatch(SECRET_BITS);
    expect((await api.graphql(`{ me { id } }`, {}, { token: user.token })).data?.me?.id).toBe(user.id);
  });
});

describe("text inputs", () => {
  // Found by bench/security-probe.ts: Postgres text cannot hold U+0000, so these were INTERNAL_SERVER_ERROR.
  const SEARCH = `query($q: String!) { searchMedia(query: $q) { edges { node { id } } } }`;
  const CREATE_TOKEN = `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token { id } } }`;
  const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { id } }`;

  it("a NUL character in a variable or a string literal is BAD_USER_INPUT (400), and nothing is stored", async () => {
    const email = `nul-${Date.now()}@example.test`;
    const attempts: Array<[string, Record<string, unknown>, { token?: string }]> = [
      [SEARCH, { q: "dark\u0000knight" }, {}],
      [`{ searchMedia(query: "dark\\u0000") { edges { node { id } } } }`, {}, {}],
      [CREATE_TOKEN, { input: { name: "home\u0000server" } }, { token: user.token }],
      [SIGN_UP, { input: { email, password: "long-enough-1", name: "a\u0000b" } }, {}],
      [SIGN_UP, { input: { email: `x\u0000${email}`, password: "long-enough-1" } }, {}],
      [`mutation($input: SignInInput!) { signIn(input: $input) { id } }`, { input: { email: "a@b.test\u0000", password: "whatever-1" } }, {}],
    ];
    for (const [query, variables, auth] of attempts) {
      const result = await api.graphql(query, variables, auth);
      expect(result.status, query).toBe(400);
      expect(onlyError(result, "BAD_USER_INPUT").message).toMatch(/NUL characters \(U\+0000\)/);
    }
    expect(await api.services.prisma.user.count({ where: { email: { contains: email } } })).toBe(0);
    expect(await api.services.prisma.apiToken.count({ where: { name: { startsWith: "home" } } })).toBe(0);
  });

  it("other control characters and a backslash-u text are served as usual", async () => {
    const search = await api.graphql(SEARCH, { q: "dark\tknight \\u0000" });
    expect(search.errors).toBeUndefined();
    const created = await api.graphql<{ createApiToken: { token: { id: string } } }>(
      CREATE_TOKEN,
      { input: { name: "line1\r\nline2 \\u0000" } },
      { token: user.token },
    );
    expect(created.errors).toBeUndefined();
    const row = await api.services.prisma.apiToken.findUniqueOrThrow({ where: { id: created.data!.createApiToken.token.id } });
    expect(row.name).toBe("line1\r\nline2 \\u0000");
  });
});

describe("a request racing its account's deletion", () => {
  it("is UNAUTHENTICATED, not a masked error, when the person is deleted while this process still trusts their credential", async () => {
    const doomed = await api.createUser();
    const change = `mutation { updatePreferences(input: { includeAdult: false }) { includeAdult } }`;
    expect((await api.graphql(change, {}, { token: doomed.token })).errors).toBeUndefined();
    // Deleted between this process checking the token (it trusts it for CREDENTIAL_CACHE_MS) and the write.
    await api.services.prisma.user.delete({ where: { id: doomed.id } });
    const logged = vi.spyOn(api.services.logger, "error");
    try {
      const result = await api.graphql(change, {}, { token: doomed.token });
      expect(result.status).toBe(401);
      const error = onlyError(result, "UNAUTHENTICATED");
      expect(error.message).toMatch(/account no longer exists/);
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
  });
});
