// Limits on what one caller may ask: query complexity (refused before anything runs), rate limits
// per token and per IP (and X-Forwarded-For behind a trusted proxy), and page sizes and cursors.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_LIMITS } from "./graphql/apollo.ts";
import { createApiToken } from "./modules/auth/api-token.service.ts";
import { INTERNAL_KEY_HEADER, internalKey } from "./modules/auth/oauth-account.service.ts";
import { onlyError, startServerTestApi } from "./server.test-support.ts";
import { startTestApi, TEST_AUTH_SECRET, type GraphQLResponse, type TestApi, type TestUser } from "./test-support/api-harness.ts";

let api: TestApi;
let user: TestUser;
beforeAll(async () => {
  ({ api, user } = await startServerTestApi());
});
afterAll(() => api?.close());

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

  it("the 6th request in a minute from a person's apps is 429 RATE_LIMITED with a retry hint; their web session and other people are still served", async () => {
    for (let i = 1; i <= 5; i++) {
      const result = await limited.graphql(`{ me { id } }`, {}, { token: first.token });
      expect(result.status, `request ${i}`).toBe(200);
      expect(result.data?.me?.id).toBe(first.id);
    }
    expectRateLimited(await limited.graphql(`{ me { id } }`, {}, { token: first.token }));
    // Another token of theirs shares their apps' budget; their web session has its own, so a busy
    // app cannot lock them out of the site.
    const { secret: another } = await createApiToken(limited.services, { userId: first.id, name: "another" });
    expectRateLimited(await limited.graphql(`{ me { id } }`, {}, { token: another }));
    const web = await limited.graphql(`{ me { id } }`, {}, { cookie: first.cookie });
    expect(web.status).toBe(200);
    expect(web.data?.me?.id).toBe(first.id);

    const other = await limited.graphql(`{ me { id } }`, {}, { token: second.token });
    expect(other.status).toBe(200);
    expect(other.data?.me?.id).toBe(second.id);
  });

  it("the 6th anonymous request in a minute from one IP is 429; signed-in users, the web server's own calls and /healthz are still served", async () => {
    for (let i = 1; i <= 5; i++) {
      const result = await limited.graphql(`{ __typename }`);
      expect(result.status, `request ${i}`).toBe(200);
    }
    expectRateLimited(await limited.graphql(`{ __typename }`));
    // The web server's own calls come from an address too, and are not counted against it: with the
    // address's budget spent, it still starts, checks and ends a person's web session.
    const webServer = { headers: { [INTERNAL_KEY_HEADER]: internalKey(TEST_AUTH_SECRET) } };
    const started = await limited.graphql("mutation($userId: ID!) { startWebSession(userId: $userId) }", { userId: second.id }, webServer);
    expect(started.status).toBe(200);
    const sid = started.data?.startWebSession as string;
    const active = "query($sid: String!, $userId: ID!) { webSessionActive(sessionId: $sid, userId: $userId) }";
    expect((await limited.graphql(active, { sid, userId: second.id }, webServer)).data?.webSessionActive).toBe(true);
    expect((await limited.graphql("mutation($sid: String!) { endWebSession(sessionId: $sid) }", { sid }, webServer)).data?.endWebSession).toBe(true);
    expect((await limited.graphql(active, { sid, userId: second.id }, webServer)).data?.webSessionActive).toBe(false);
    // Made-up tokens count against the IP, so spraying them cannot mint fresh budgets.
    expectRateLimited(await limited.graphql(`{ __typename }`, {}, { token: `mr_${"x".repeat(43)}` }));
    // A signed-in user has a budget of their own, by cookie as by token.
    expect((await limited.graphql(`{ me { id } }`, {}, { cookie: second.cookie })).data?.me?.id).toBe(second.id);

    const withToken = await limited.graphql(`{ me { id } }`, {}, { token: second.token });
    expect(withToken.status).toBe(200);
    expect(withToken.data?.me?.id).toBe(second.id);
    expect((await fetch(`${limited.url}/healthz`)).status).toBe(200);
    // The pages share the address's budget; the probes /healthz and /readyz do not, and 20 readiness
    // probes at once share one check of Postgres.
    const before = limited.sqlQueries.count;
    const probes = await Promise.all(Array.from({ length: 20 }, () => fetch(`${limited.url}/readyz`)));
    expect(probes.map((probe) => probe.status)).toEqual(Array(20).fill(200));
    expect(limited.sqlQueries.count - before).toBeLessThan(10); // (one check, and room for other work of the process)
    for (const page of ["/playground", "/docs", "/admin/queues"]) {
      const refused = await fetch(`${limited.url}${page}`);
      expect(refused.status, page).toBe(429);
      expect(Number(refused.headers.get("retry-after")), page).toBeGreaterThan(0);
    }
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
    expect(result.status).toBe(400);
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

describe("TMDB fallbacks: a budget per signed-out address, and ids TMDB does not know remembered", () => {
  let budgeted: TestApi;
  let person: TestUser;
  beforeAll(async () => {
    // Its own database: every title is one the cache lacks.
    budgeted = await startTestApi({ env: { ANONYMOUS_TMDB_FALLBACKS_PER_MINUTE: "2" }, catalogue: api.catalogue });
    person = await budgeted.createUser();
  });
  afterAll(() => budgeted?.close());

  const calls = (prefix: string) =>
    Object.entries(budgeted.catalogue.requestCounts())
      .filter(([path]) => path.startsWith(prefix))
      .reduce((sum, [, count]) => sum + count, 0);
  const title = (id: number, auth: { token?: string } = {}) => budgeted.graphql(`query($id: Int!) { media(type: MOVIE, tmdbId: $id) { title } }`, { id }, auth);

  it("a signed-out address asks TMDB for 2 titles a minute, then RATE_LIMITED with a wait; cached titles and signed-in callers are served", async () => {
    const movies = budgeted.catalogue.catalogue.movies;
    const [a, b, c, d] = [movies[100]!, movies[101]!, movies[102]!, movies[103]!];
    expect((await title(a.id)).data?.media.title).toBe(a.title);
    expect((await title(b.id)).data?.media.title).toBe(b.title);

    const refused = await title(c.id);
    const error = onlyError(refused, "RATE_LIMITED");
    const wait = error.extensions?.retryAfterSeconds as number;
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    // Said in HTTP too, for clients that retry by it.
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe(String(wait));
    expect(error.message).toBe(
      `Too many titles movierec has not stored yet were asked for from this address this minute (TMDB's limit is shared by everyone; signed in, the limit is your own): try again in ${wait} s.`,
    );
    expect(calls(`/3/movie/${c.id}`)).toBe(0);

    // What is cached needs no TMDB, so no budget.
    expect((await title(a.id)).data?.media.title).toBe(a.title);
    // A signed-in caller is held by their own rate limit, not the address's.
    expect((await title(c.id, { token: person.token })).data?.media.title).toBe(c.title);
    // A search past the budget serves what the cache has, without asking TMDB.
    const searches = calls("/3/search/");
    const search = await budgeted.graphql(`query($q: String!) { searchMedia(query: $q, first: 5) { edges { node { title } } } }`, { q: d.title });
    expect(search.errors).toBeUndefined();
    expect(calls("/3/search/")).toBe(searches);
  });

  it("an id TMDB answered 404 for is not asked again, and stays NOT_FOUND past the budget", async () => {
    const missing = (auth: { token?: string } = {}) => budgeted.graphql(`{ media(type: TV, tmdbId: 987654000) { title } }`, {}, auth);
    expect(onlyError(await missing({ token: person.token }), "NOT_FOUND").message).toBe("No TV series with TMDB id 987654000.");
    expect(calls("/3/tv/987654000")).toBe(1);
    expect(onlyError(await missing({ token: person.token }), "NOT_FOUND").message).toBe("No TV series with TMDB id 987654000.");
    // Anonymous, with this address's budget spent above: still the plain answer.
    expect(onlyError(await missing(), "NOT_FOUND").message).toBe("No TV series with TMDB id 987654000.");
    expect(calls("/3/tv/987654000")).toBe(1);
  });
});
