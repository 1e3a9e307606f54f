// The HTTP server around GraphQL: transport rules (GET, POST, CSRF, batching, body size), the
// query-complexity limits, rate limits, page-size and cursor checks, health and readiness, request
// ids, and masking of unexpected errors.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { API_LIMITS } from "./graphql/apollo.ts";
import { startTestApi, type GraphQLResponse, type TestApi, type TestUser } from "./test-support/api-harness.ts";

let api: TestApi;
let user: TestUser;
beforeAll(async () => {
  api = await startTestApi({ catalogueSize: 200 });
  user = await api.createUser();
  await api.seedMediaCache(3);
});
afterAll(() => api?.close());

type Body = { data?: Record<string, any> | null; errors?: GraphQLResponse["errors"] };

/** Any HTTP request to the API; the body parsed as JSON (every answer here is JSON). */
async function request(path: string, init: RequestInit = {}): Promise<{ status: number; headers: Headers; body: Body }> {
  const response = await fetch(`${api.url}${path}`, init);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  return { status: response.status, headers: response.headers, body: (await response.json()) as Body };
}

function postRaw(body: string, headers: Record<string, string> = {}) {
  return request("/graphql", { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
}

function onlyError(body: { errors?: GraphQLResponse["errors"] }, code: string) {
  expect(body.errors, JSON.stringify(body)).toHaveLength(1);
  const error = body.errors![0]!;
  expect(error.extensions?.code, error.message).toBe(code);
  return error;
}

const ONBOARD = `mutation { updatePreferences(input: { onboarded: true }) { onboarded } }`;

/** Whether the user has any stored preferences (a refused mutation must not have written any). */
async function preferenceRow(userId: string) {
  return api.services.prisma.preference.findUnique({ where: { userId } });
}

describe("GraphQL over HTTP", () => {
  it("GET runs a query (with a CSRF-preflight header) and answers 200 JSON", async () => {
    const { status, body } = await request(`/graphql?query=${encodeURIComponent("{__typename}")}`, { headers: { "apollo-require-preflight": "true" } });
    expect(status).toBe(200);
    expect(body).toEqual({ data: { __typename: "Query" } });
  });

  it("GET passes variables and the caller's token", async () => {
    const query = encodeURIComponent(`query Me($type: MediaType!) { me { id } genres(type: $type) { id } }`);
    const variables = encodeURIComponent(JSON.stringify({ type: "MOVIE" }));
    const { status, body } = await request(`/graphql?query=${query}&variables=${variables}`, {
      headers: { "x-apollo-operation-name": "Me", authorization: `Bearer ${user.token}` },
    });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data?.me).toEqual({ id: user.id });
    expect(body.data?.genres).toContainEqual({ id: 28 });
  });

  it("a GET without a preflight header is refused as a possible CSRF, saying which header to send", async () => {
    const { status, body } = await request(`/graphql?query=${encodeURIComponent("{__typename}")}`);
    expect(status).toBe(400);
    const error = onlyError(body, "BAD_REQUEST");
    expect(error.message).toMatch(/Cross-Site Request Forgery/);
    expect(error.message).toMatch(/apollo-require-preflight/);
  });

  it("a mutation over GET is refused with 405 and does not run", async () => {
    const { status, headers, body } = await request(`/graphql?query=${encodeURIComponent(ONBOARD)}`, {
      headers: { "apollo-require-preflight": "true", cookie: user.cookie },
    });
    expect(status).toBe(405);
    expect(headers.get("allow")).toBe("POST");
    expect(onlyError(body, "BAD_REQUEST").message).toMatch(/GET requests only support query operations/);
    expect(await preferenceRow(user.id)).toBeNull();
  });

  it("POST with a malformed JSON body is 400 with a JSON error", async () => {
    for (const raw of ["{bad", ""]) {
      const { status, body } = await postRaw(raw);
      expect(status).toBe(400);
      expect(onlyError(body, "BAD_REQUEST").message).toMatch(/not valid JSON/);
    }
  });

  it("POST with a JSON body that is not a GraphQL request is 400", async () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ variables: {} }, /must contain a non-empty `query`/],
      [{ query: 42 }, /GraphQL queries must be strings/],
      ["{ me { id } }", /POST body missing, invalid Content-Type, or JSON object has no keys/],
    ];
    for (const [payload, message] of cases) {
      const { status, body } = await postRaw(JSON.stringify(payload));
      expect(status).toBe(400);
      expect(onlyError(body, "BAD_REQUEST").message).toMatch(message);
    }
  });

  it("a syntax error in the query is 400 GRAPHQL_PARSE_FAILED, not a server error", async () => {
    const { status, body } = await postRaw(JSON.stringify({ query: "{ me { id " }));
    expect(status).toBe(400);
    expect(onlyError(body, "GRAPHQL_PARSE_FAILED").message).toMatch(/Syntax Error: Expected Name, found <EOF>/);
  });

  it("a cross-site form post (text/plain with the session cookie) is refused and changes nothing", async () => {
    const { status, body } = await request("/graphql", {
      method: "POST",
      headers: { "content-type": "text/plain", cookie: user.cookie },
      body: JSON.stringify({ query: ONBOARD }),
    });
    expect(status).toBe(400);
    expect(onlyError(body, "BAD_REQUEST").message).toMatch(/Cross-Site Request Forgery/);
    expect(await preferenceRow(user.id)).toBeNull();
  });

  it("a form-encoded post with the session cookie is refused (415) and changes nothing", async () => {
    const { status, body } = await request("/graphql", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: user.cookie },
      body: new URLSearchParams({ query: ONBOARD }).toString(),
    });
    expect(status).toBe(415);
    expect(onlyError(body, "BAD_REQUEST").message).toMatch(/application\/x-www-form-urlencoded is not supported.*application\/json/);
    expect(await preferenceRow(user.id)).toBeNull();
  });

  it("a batched request (a JSON array) is refused with a clear error and runs nothing", async () => {
    const { status, body } = await postRaw(JSON.stringify([{ query: ONBOARD }, { query: "{ me { id } }" }]), { cookie: user.cookie });
    expect(status).toBe(400);
    expect(onlyError(body, "BAD_REQUEST").message).toBe("Operation batching disabled.");
    expect(await preferenceRow(user.id)).toBeNull();
  });

  it(`a body over ${API_LIMITS.bodyBytes} bytes is 413, saying the limit; one just under it is served`, async () => {
    const padded = (bytes: number) => JSON.stringify({ query: "query($pad: String!) { __type(name: $pad) { name } }", variables: { pad: "x".repeat(bytes) } });
    const over = padded(API_LIMITS.bodyBytes);
    const refused = await postRaw(over);
    expect(refused.status).toBe(413);
    expect(onlyError(refused.body, "BAD_REQUEST").message).toContain(`limit of ${API_LIMITS.bodyBytes} bytes`);

    const under = padded(API_LIMITS.bodyBytes - 200);
    expect(Buffer.byteLength(under)).toBeLessThanOrEqual(API_LIMITS.bodyBytes);
    const served = await postRaw(under);
    expect(served.status).toBe(200);
    expect(served.body).toEqual({ data: { __type: null } });
  });
});

describe("query complexity limits (QUERY_TOO_COMPLEX, refused before anything runs)", () => {
  /** `__type` (unlike `__schema`) counts towards depth: __type, fields, type, k × ofType, name. */
  const nested = (ofTypes: number) => `{ __type(name: "Query") { fields { type { ${"ofType { ".repeat(ofTypes)}name${" }".repeat(ofTypes)} } } } }`;

  async function refused(query: string) {
    const before = api.sqlQueries.count;
    const result = await api.graphql(query);
    expect(result.status).toBe(400);
    expect(result.data).toBeUndefined();
    const error = onlyError(result, "QUERY_TOO_COMPLEX");
    // No resolver ran (an anonymous request makes no other SQL).
    expect(api.sqlQueries.count).toBe(before);
    return error;
  }

  it(`a query nested deeper than ${API_LIMITS.maxDepth} levels is refused; one at the limit is served`, async () => {
    const error = await refused(nested(API_LIMITS.maxDepth - 3));
    expect(error.message).toBe(
      `The query is nested ${API_LIMITS.maxDepth + 1} levels deep; the limit is ${API_LIMITS.maxDepth}. Ask for less nested data, or split it into several queries.`,
    );
    expect(error.extensions?.details).toEqual({ limit: API_LIMITS.maxDepth, found: API_LIMITS.maxDepth + 1 });

    const atLimit = await api.graphql(nested(API_LIMITS.maxDepth - 4));
    expect(atLimit.errors).toBeUndefined();
    expect(atLimit.data?.__type?.fields?.length).toBeGreaterThan(0);
  });

  it(`more than ${API_LIMITS.maxAliases} aliases are refused; ${API_LIMITS.maxAliases} are served`, async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: me { id }`).join(" ")} }`;
    // Aliases of __typename are not counted (graphql-armor's allow list).
    const error = await refused(aliases(API_LIMITS.maxAliases + 1));
    expect(error.message).toMatch(new RegExp(`uses ${API_LIMITS.maxAliases + 1} aliases; the limit is ${API_LIMITS.maxAliases}\\.`));

    const atLimit = await api.graphql(aliases(API_LIMITS.maxAliases), {}, { token: user.token });
    expect(atLimit.errors).toBeUndefined();
    expect(atLimit.data?.[`a${API_LIMITS.maxAliases - 1}`]).toEqual({ id: user.id });
  });

  it(`a query of more than ${API_LIMITS.maxTokens} tokens is refused; one of ${API_LIMITS.maxTokens} is served`, async () => {
    // "{", "}" and n - 2 more: "tK: __typename" is 3 tokens (distinct names, so no overlap to check).
    const tokens = (n: number) => {
      const inner = n - 2;
      const aliased = Array.from({ length: Math.floor(inner / 3) }, (_, i) => `t${i}: __typename`);
      return `{ ${[...aliased, ...Array.from({ length: inner % 3 }, () => "__typename")].join(" ")} }`;
    };
    const error = await refused(tokens(API_LIMITS.maxTokens + 1));
    expect(error.message).toMatch(new RegExp(`more than ${API_LIMITS.maxTokens} tokens .*the limit is ${API_LIMITS.maxTokens}\\.`));
    expect(error.extensions?.details).toEqual({ limit: API_LIMITS.maxTokens });
    // A long query of one repeated token is refused the same way.
    await refused(`{ ${"__typename ".repeat(API_LIMITS.maxTokens * 3)}}`);

    const atLimit = await api.graphql(tokens(API_LIMITS.maxTokens));
    expect(atLimit.errors).toBeUndefined();
    expect(Object.keys(atLimit.data ?? {})).toHaveLength(Math.floor((API_LIMITS.maxTokens - 2) / 3) + ((API_LIMITS.maxTokens - 2) % 3 ? 1 : 0));
  });

  it("a query repeating one field too often to be checked is refused", async () => {
    const error = await refused(`{ ${"__typename ".repeat(1_500)}}`);
    expect(error.message).toMatch(/repeats the same fields too many times/);
  });

  it(`a query whose estimated cost is over ${API_LIMITS.maxCost} is refused; a modest page is served`, async () => {
    const error = await refused(`{ browse(filter: { type: MOVIE }, first: 50) { edges { node { cast(first: 50) { id name profileUrl } } } } }`);
    expect(error.message).toMatch(new RegExp(`estimated cost is \\d+; the limit is ${API_LIMITS.maxCost}\\. Ask for fewer items`));
    expect((error.extensions!.details as { found: number }).found).toBeGreaterThan(API_LIMITS.maxCost);

    const modest = await api.graphql(`{ browse(filter: { type: MOVIE }, first: 50) { edges { node { id title } } } }`);
    expect(modest.errors).toBeUndefined();
    expect(modest.data?.browse.edges.length).toBeGreaterThan(0);
  });

  it(`more than ${API_LIMITS.maxDirectives} directives are refused`, async () => {
    const directives = (n: number) => `{ ${Array.from({ length: n }, () => "__typename @include(if: true)").join(" ")} }`;
    const error = await refused(directives(API_LIMITS.maxDirectives + 1));
    expect(error.message).toBe(`The query uses ${API_LIMITS.maxDirectives + 1} directives; the limit is ${API_LIMITS.maxDirectives}.`);
    expect((await api.graphql(directives(API_LIMITS.maxDirectives))).errors).toBeUndefined();
  });

  it("ordinary validation errors keep their own code and message", async () => {
    const result = await api.graphql(`{ me { nope } }`);
    expect(result.status).toBe(400);
    expect(onlyError(result, "GRAPHQL_VALIDATION_FAILED").message).toMatch(/Cannot query field "nope" on type "User"/);
  });
});

describe("rate limits", () => {
  let limited: TestApi;
  let first: TestUser;
  let second: TestUser;
  beforeAll(async () => {
    limited = await startTestApi({ env: { API_RATE_LIMIT_PER_MINUTE_TOKEN: "5", API_RATE_LIMIT_PER_MINUTE_IP: "5" }, catalogue: api.catalogue });
    [first, second] = await Promise.all([limited.createUser(), limited.createUser()]);
  });
  afterAll(() => limited?.close());

  function expectRateLimited(result: GraphQLResponse) {
    expect(result.status).toBe(429);
    expect(result.data).toBeUndefined();
    const error = onlyError(result, "RATE_LIMITED");
    const retryAfter = error.extensions?.retryAfterSeconds as number;
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(error.message).toBe(`Too many requests: the limit is 5 a minute. Try again in ${retryAfter} s.`);
    expect(Number(result.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(result.headers.get("x-request-id")).toBeTruthy();
  }

  it("the 6th request in a minute from one token is 429 RATE_LIMITED with a retry hint; another token is still served", async () => {
    for (let i = 1; i <= 5; i++) {
      const result = await limited.graphql(`{ me { id } }`, {}, { token: first.token });
      expect(result.status, `request ${i}`).toBe(200);
      expect(result.data?.me?.id).toBe(first.id);
    }
    expectRateLimited(await limited.graphql(`{ me { id } }`, {}, { token: first.token }));

    const other = await limited.graphql(`{ me { id } }`, {}, { token: second.token });
    expect(other.status).toBe(200);
    expect(other.data?.me?.id).toBe(second.id);
  });

  it("the 6th anonymous request in a minute from one IP is 429; signed-in users and /healthz are still served", async () => {
    for (let i = 1; i <= 5; i++) {
      const result = await limited.graphql(`{ __typename }`);
      expect(result.status, `request ${i}`).toBe(200);
    }
    expectRateLimited(await limited.graphql(`{ __typename }`));
    // Made-up tokens count against the IP, so spraying them cannot mint fresh budgets.
    expectRateLimited(await limited.graphql(`{ __typename }`, {}, { token: `mr_${"x".repeat(43)}` }));
    // A signed-in user has a budget of their own, by cookie as by token.
    expect((await limited.graphql(`{ me { id } }`, {}, { cookie: second.cookie })).data?.me?.id).toBe(second.id);

    const withToken = await limited.graphql(`{ me { id } }`, {}, { token: second.token });
    expect(withToken.status).toBe(200);
    expect(withToken.data?.me?.id).toBe(second.id);
    expect((await fetch(`${limited.url}/healthz`)).status).toBe(200);
  });

  it("X-Forwarded-For names the client only when TRUST_PROXY names the proxy sending it", async () => {
    const behindWeb = await startTestApi({
      env: { API_RATE_LIMIT_PER_MINUTE_IP: "3", TRUST_PROXY: "127.0.0.1,::1,::ffff:127.0.0.1" },
      catalogue: api.catalogue,
    });
    const open = await startTestApi({ env: { API_RATE_LIMIT_PER_MINUTE_IP: "3" }, catalogue: api.catalogue });
    try {
      const from = (server: TestApi, ip: string) => server.graphql(`{ __typename }`, {}, { headers: { "x-forwarded-for": ip } });
      // Relayed by a trusted proxy (here: loopback), each browser address has its own budget.
      for (let i = 0; i < 3; i++) expect((await from(behindWeb, "203.0.113.7")).status).toBe(200);
      expect((await from(behindWeb, "203.0.113.7")).status).toBe(429);
      expect((await from(behindWeb, "203.0.113.8")).status).toBe(200);
      // Without TRUST_PROXY the header is the caller's say-so and is ignored: one budget for the socket's address.
      for (let i = 0; i < 3; i++) expect((await from(open, `198.51.100.${i}`)).status).toBe(200);
      expect((await from(open, "198.51.100.99")).status).toBe(429);
    } finally {
      await Promise.all([behindWeb.close(), open.close()]);
    }
  });
});

describe("page size and cursors", () => {
  const BROWSE = `query($first: Int, $after: String) { browse(filter: { type: MOVIE }, first: $first, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`;

  it("first: 51 is BAD_USER_INPUT naming the maximum; 1 and 50 are served", async () => {
    const result = await api.graphql(BROWSE, { first: 51 });
    expect(result.status).toBe(200);
    expect(result.data).toBeNull();
    const error = onlyError(result, "BAD_USER_INPUT");
    expect(error.message).toBe("first must be between 1 and 50; got 51.");
    expect(error.extensions?.details).toEqual({ argument: "first", max: 50 });
    expect(onlyError(await api.graphql(BROWSE, { first: 0 }), "BAD_USER_INPUT").message).toMatch(/between 1 and 50; got 0/);

    expect((await api.graphql(BROWSE, { first: 50 })).data?.browse.edges).toHaveLength(50);
    expect((await api.graphql(BROWSE, { first: 1 })).data?.browse.edges).toHaveLength(1);
  });

  it("a garbage or foreign after cursor is BAD_USER_INPUT; the endCursor of a page leads to the next", async () => {
    const foreign = Buffer.from(JSON.stringify({ id: "movie:1" })).toString("base64url");
    for (const after of ["garbage!!", "", foreign, Buffer.from(JSON.stringify({ o: -5 })).toString("base64url")]) {
      const result = await api.graphql(BROWSE, { first: 5, after });
      const error = onlyError(result, "BAD_USER_INPUT");
      expect(error.message).toBe("after is not a cursor from this list; pass the endCursor of the previous page.");
      expect(error.extensions?.details).toEqual({ argument: "after" });
    }

    const page1 = await api.graphql(BROWSE, { first: 5 });
    expect(page1.data?.browse.pageInfo.hasNextPage).toBe(true);
    const page2 = await api.graphql(BROWSE, { first: 5, after: page1.data?.browse.pageInfo.endCursor });
    expect(page2.errors).toBeUndefined();
    const ids1 = page1.data?.browse.edges.map((edge: { node: { id: string } }) => edge.node.id);
    const ids2 = page2.data?.browse.edges.map((edge: { node: { id: string } }) => edge.node.id);
    expect(ids2).toHaveLength(5);
    expect(ids2.filter((id: string) => ids1.includes(id))).toEqual([]);
  });
});

describe("health, readiness and request ids", () => {
  it("/healthz is 200", async () => {
    const { status, body } = await request("/healthz");
    expect(status).toBe(200);
    expect(body).toEqual({ status: "ok" });
  });

  it("/readyz is 200 with postgres and redis ok and TMDB offline (the catalogue server)", async () => {
    const { status, body } = await request("/readyz");
    expect(status).toBe(200);
    expect(body).toEqual({ status: "ready", postgres: "ok", redis: "ok", tmdb: "offline" });
  });

  it("every response carries its own x-request-id and a Server-Timing figure, refusals and errors included", async () => {
    const responses = await Promise.all([
      fetch(`${api.url}/healthz`),
      fetch(`${api.url}/readyz`),
      fetch(`${api.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ __typename }" }) }),
      fetch(`${api.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: "{bad" }),
      fetch(`${api.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: "Bearer mr_forged" },
        body: JSON.stringify({ query: "{ __typename }" }),
      }),
      fetch(`${api.url}/no-such-route`),
    ]);
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 400, 401, 404]);
    const ids = responses.map((response) => response.headers.get("x-request-id"));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(ids).size).toBe(ids.length);
    for (const response of responses) expect(response.headers.get("server-timing")).toMatch(/^app;dur=\d+\.\d\d$/);
    await Promise.all(responses.map((response) => response.body?.cancel()));
  });

  it("a client-sent x-request-id is echoed", async () => {
    const result = await api.graphql(`{ __typename }`, {}, { headers: { "x-request-id": "client-trace-1234" } });
    expect(result.headers.get("x-request-id")).toBe("client-trace-1234");
    const ready = await fetch(`${api.url}/readyz`, { headers: { "x-request-id": "probe-42" } });
    expect(ready.headers.get("x-request-id")).toBe("probe-42");
    await ready.body?.cancel();
  });

  it("a client x-request-id that is not a plain token is replaced by one of ours", async () => {
    for (const sent of ["a".repeat(129), "<script>alert(1)</script>", "two words", "line\u00e9"]) {
      const result = await fetch(`${api.url}/readyz`, { headers: { "x-request-id": sent } });
      await result.body?.cancel();
      expect(result.headers.get("x-request-id")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
  });

  it("a JSON body declared in a charset other than UTF-8 is refused (415) naming the charset; UTF-8 in any spelling is served", async () => {
    const latin1 = Buffer.from(JSON.stringify({ query: `{ searchMedia(query: "Amélie") { edges { node { id } } } }` }), "latin1");
    const refused = await request("/graphql", { method: "POST", headers: { "content-type": "application/json; charset=ISO-8859-1" }, body: latin1 });
    expect(refused.status).toBe(415);
    expect(onlyError(refused.body, "BAD_REQUEST").message).toMatch(/Charset iso-8859-1 is not supported.*UTF-8/);
    for (const contentType of ["application/json; charset=UTF-8", 'application/json;charset="utf-8"', "application/json; charset=utf8"]) {
      const served = await request("/graphql", { method: "POST", headers: { "content-type": contentType }, body: JSON.stringify({ query: "{ __typename }" }) });
      expect(served.status).toBe(200);
      expect(served.body).toEqual({ data: { __typename: "Query" } });
    }
  });
});

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
      expect(result.status).toBe(200);
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
