// What a third-party client can rely on over HTTP (docs/api.md): one rule for statuses under each
// media type, RateLimit headers, the query's cost, Cache-Control on public data over GET, automatic
// persisted queries shared by every API process, and CORS for pages on the allowed origins.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_LIMITS } from "./graphql/apollo.ts";
import { MAX_PERSISTED_QUERY_BYTES } from "./graphql/persisted-queries.ts";
import { MODERN_ACCEPT, onlyError, request } from "./server.test-support.ts";
import { startTestApi, type TestApi, type TestUser } from "./test-support/api-harness.ts";

const APP_ORIGIN = "https://app.example.test";
const TOKEN_LIMIT = 500;
let api: TestApi;
let user: TestUser;
let tmdbId: number;

beforeAll(async () => {
  api = await startTestApi({
    catalogueSize: 200,
    env: { CORS_ALLOWED_ORIGINS: `${APP_ORIGIN},http://localhost:5173`, API_RATE_LIMIT_PER_MINUTE_TOKEN: String(TOKEN_LIMIT) },
  });
  user = await api.createUser();
  await api.seedMediaCache(1);
  tmdbId = (await api.services.prisma.mediaCache.findFirstOrThrow({ where: { mediaType: "MOVIE" } })).tmdbId;
});
afterAll(() => api?.close());

const post = (query: string, headers: Record<string, string> = {}) =>
  request(api, "/graphql", { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query }) });
const get = (query: string, headers: Record<string, string> = {}) => request(api, `/graphql?query=${encodeURIComponent(query)}`, { headers });
const LEGACY = { accept: "application/json" };

describe("HTTP statuses: one rule per media type", () => {
  it("application/graphql-response+json: 200 with data (field errors included), else the status of the first error's code", async () => {
    const missing = await post(`{ media(type: MOVIE, tmdbId: 987654321) { id } }`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toMatch(/^application\/graphql-response\+json/);
    expect(onlyError(missing.body, "NOT_FOUND").message).toMatch(/No movie with TMDB id 987654321/);

    const badInput = await post(`{ media(type: MOVIE, tmdbId: -4) { id } }`);
    expect(badInput.status).toBe(400);
    const parse = await post(`{ media(`);
    expect(parse.status).toBe(400);
    const anonymous = await post(`{ favourites { pageInfo { hasNextPage } } }`);
    expect(anonymous.status).toBe(401);
    expect(onlyError(anonymous.body, "UNAUTHENTICATED"));
    expect(anonymous.headers.get("www-authenticate")).toBe('Bearer realm="movierec"');

    // (A response with data and field errors is 200: statusOfResponse in response-status.test.ts.)
  });

  it("application/json (and no Accept header): 200 for every well-formed request, 400 for one that is not", async () => {
    const query = JSON.stringify({ query: `{ media(type: MOVIE, tmdbId: 987654321) { id } }` });
    const legacy = await post(`{ media(type: MOVIE, tmdbId: 987654321) { id } }`, LEGACY);
    expect(legacy.status).toBe(200);
    expect(legacy.headers.get("content-type")).toMatch(/^application\/json/);
    expect(onlyError(legacy.body, "NOT_FOUND"));
    // No Accept header at all (curl, scripts): as application/json.
    const bare = await fetch(`${api.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: query });
    expect(bare.status).toBe(200);
    expect(bare.headers.get("content-type")).toMatch(/^application\/json/);
    expect((await post(`{ media(`, LEGACY)).status).toBe(200);
    expect((await post(`{ favourites { pageInfo { hasNextPage } } }`, LEGACY)).status).toBe(200);
    const notGraphQL = await request(api, "/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", ...LEGACY },
      body: '{"qeury":"{ me { id } }"}',
    });
    expect(notGraphQL.status).toBe(400);
    expect(onlyError(notGraphQL.body, "BAD_REQUEST"));
  });

  it("an invalid token is refused before GraphQL with 401 under both media types, in the media type asked for", async () => {
    for (const accept of [MODERN_ACCEPT, "application/json"]) {
      const refused = await post(`{ me { id } }`, { accept, authorization: "Bearer mr_not-a-real-token" });
      expect(refused.status).toBe(401);
      expect(refused.headers.get("content-type")).toMatch(accept === MODERN_ACCEPT ? /^application\/graphql-response\+json/ : /^application\/json/);
      expect(refused.headers.get("www-authenticate")).toBe('Bearer realm="movierec", error="invalid_token"');
      expect(onlyError(refused.body, "UNAUTHENTICATED"));
    }
  });
});

describe("rate limit and cost", () => {
  it("every answer says the caller's limit, what remains and when it resets, and the operation's cost", async () => {
    const token = { authorization: `Bearer ${user.token}` };
    const first = await post(`{ me { id } }`, token);
    const second = await post(`{ me { id } genres(type: TV) { id name } }`, token);
    expect(first.headers.get("ratelimit-limit")).toBe(String(TOKEN_LIMIT));
    expect(Number(second.headers.get("ratelimit-remaining"))).toBe(Number(first.headers.get("ratelimit-remaining")) - 1);
    expect(Number(first.headers.get("ratelimit-reset"))).toBeGreaterThan(0);
    expect(Number(first.headers.get("ratelimit-reset"))).toBeLessThanOrEqual(60);
    expect(first.body.extensions?.cost).toMatchObject({ maximum: API_LIMITS.maxCost });
    expect(first.body.extensions?.cost.requested).toBeGreaterThan(0);
    expect(second.body.extensions?.cost.requested).toBeGreaterThan(first.body.extensions?.cost.requested);
  });
});

describe("HTTP caching of public data", () => {
  const publicQuery = () => `{ genres(type: MOVIE) { id name } media(type: MOVIE, tmdbId: ${tmdbId}) { title } }`;

  it("an anonymous GET of public fields is public for as long as its least durable field; anything else is no-store", async () => {
    const anonymous = await get(publicQuery());
    expect(anonymous.status).toBe(200);
    expect(anonymous.headers.get("cache-control")).toBe("public, max-age=3600, stale-while-revalidate=3600");
    expect(anonymous.headers.get("vary")).toMatch(/Authorization/);
    expect((await get(`{ genres(type: TV) { id } }`)).headers.get("cache-control")).toBe("public, max-age=86400, stale-while-revalidate=86400");

    // With a token, over POST, with a private field, or with an error: not stored.
    expect((await get(publicQuery(), { authorization: `Bearer ${user.token}` })).headers.get("cache-control")).toBe("no-store");
    expect((await post(publicQuery())).headers.get("cache-control")).toBe("no-store");
    expect((await get(`{ genres(type: MOVIE) { id } me { id } }`)).headers.get("cache-control")).toBe("no-store");
    expect((await get(`{ media(type: MOVIE, tmdbId: 987654321) { id } }`)).headers.get("cache-control")).toBe("no-store");
  });
});

describe("automatic persisted queries", () => {
  it("a hash the server does not know asks for the query; once sent, any API process answers the hash alone over GET", async () => {
    const query = `{ media(type: MOVIE, tmdbId: ${tmdbId}) { id title } }`;
    const sha256Hash = createHash("sha256").update(query).digest("hex");
    const extensions = encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash } }));
    const unknown = await request(api, `/graphql?extensions=${extensions}`);
    expect(onlyError(unknown.body, "PERSISTED_QUERY_NOT_FOUND"));

    const registered = await request(api, "/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query, extensions: { persistedQuery: { version: 1, sha256Hash } } }),
    });
    expect(registered.body.data?.media.id).toBe(`movie:${tmdbId}`);

    // A second API process of the same deployment (own memory, same Redis) knows it.
    const peer = await startTestApi({ sameDeploymentAs: { config: api.config, catalogue: api.catalogue } });
    try {
      const response = await fetch(`${peer.url}/graphql?extensions=${extensions}`, { headers: { accept: MODERN_ACCEPT } });
      const body = (await response.json()) as { data?: { media: { id: string } } };
      expect(response.status).toBe(200);
      expect(body.data?.media.id).toBe(`movie:${tmdbId}`);
      expect(response.headers.get("cache-control")).toMatch(/^public, max-age=3600/);
    } finally {
      await peer.close();
    }
  });

  it("a query text longer than any real one runs, but is not kept: nobody can park the body limit in Redis for a week", async () => {
    const query = `{ media(type: MOVIE, tmdbId: ${tmdbId}) { id } } # ${"x".repeat(MAX_PERSISTED_QUERY_BYTES)}`;
    const sha256Hash = createHash("sha256").update(query).digest("hex");
    const registered = await request(api, "/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query, extensions: { persistedQuery: { version: 1, sha256Hash } } }),
    });
    expect(registered.body.data?.media.id).toBe(`movie:${tmdbId}`);
    const extensions = encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash } }));
    expect(onlyError((await request(api, `/graphql?extensions=${extensions}`)).body, "PERSISTED_QUERY_NOT_FOUND"));
  });
});

describe("CORS for third-party web apps", () => {
  const preflight = (origin: string) =>
    fetch(`${api.url}/graphql`, {
      method: "OPTIONS",
      headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "authorization, content-type" },
    });

  it("a page on an allowed origin may call with a token, never with cookies; other origins get no CORS headers", async () => {
    const allowed = await preflight(APP_ORIGIN);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get("access-control-allow-origin")).toBe(APP_ORIGIN);
    expect(allowed.headers.get("access-control-allow-headers")).toMatch(/authorization/);
    expect(allowed.headers.get("access-control-allow-methods")).toMatch(/POST/);
    expect(allowed.headers.get("access-control-allow-credentials")).toBeNull();

    const call = await post(`{ me { id } }`, { origin: APP_ORIGIN, authorization: `Bearer ${user.token}` });
    expect(call.body.data?.me).toEqual({ id: user.id });
    expect(call.headers.get("access-control-allow-origin")).toBe(APP_ORIGIN);
    expect(call.headers.get("access-control-expose-headers")).toMatch(/ratelimit-remaining/);
    expect(call.headers.get("access-control-allow-credentials")).toBeNull();

    const other = await preflight("https://elsewhere.example.test");
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    const otherCall = await post(`{ __typename }`, { origin: "https://elsewhere.example.test" });
    expect(otherCall.headers.get("access-control-allow-origin")).toBeNull();
  });
});
