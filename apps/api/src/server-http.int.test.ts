// The HTTP transport around GraphQL: GET and POST, CSRF protection, malformed and non-GraphQL
// bodies, batching, the body-size limit, the status of each kind of answer (graphql/response-status.ts),
// the query's cost, HTTP caching of public data, persisted queries and CORS.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_LIMITS } from "./graphql/apollo.ts";
import { onlyError, request, startServerTestApi } from "./server.test-support.ts";
import type { TestApi, TestUser } from "./test-support/api-harness.ts";

let api: TestApi;
let user: TestUser;
beforeAll(async () => {
  ({ api, user } = await startServerTestApi());
});
afterAll(() => api?.close());

function postRaw(body: string, headers: Record<string, string> = {}) {
  return request(api, "/graphql", { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
}

const ONBOARD = `mutation { updatePreferences(input: { onboarded: true }) { onboarded } }`;

/** Whether the user has any stored preferences (a refused mutation must not have written any). */
async function preferenceRow(userId: string) {
  return api.services.prisma.preference.findUnique({ where: { userId } });
}

describe("GraphQL over HTTP", () => {
  it("GET runs a query without any extra header when no cookie goes with it, and answers 200 with its cost", async () => {
    const { status, body } = await request(api, `/graphql?query=${encodeURIComponent("{__typename}")}`);
    expect(status).toBe(200);
    expect(body.data).toEqual({ __typename: "Query" });
    expect(body.extensions?.cost).toEqual({ requested: 1, maximum: API_LIMITS.maxCost });
  });

  it("GET passes variables and the caller's token", async () => {
    const query = encodeURIComponent(`query Me($type: MediaType!) { me { id } genres(type: $type) { tmdbId } }`);
    const variables = encodeURIComponent(JSON.stringify({ type: "MOVIE" }));
    const { status, body } = await request(api, `/graphql?query=${query}&variables=${variables}`, {
      headers: { authorization: `Bearer ${user.token}` },
    });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data?.me).toEqual({ id: user.id });
    expect(body.data?.genres).toContainEqual({ tmdbId: 28 });
  });

  it("a GET carrying the session cookie without a preflight header is refused as a possible CSRF, saying which header to send", async () => {
    const path = `/graphql?query=${encodeURIComponent("{ me { id } }")}`;
    const { status, body } = await request(api, path, { headers: { cookie: user.cookie } });
    expect(status).toBe(400);
    const error = onlyError(body, "BAD_REQUEST");
    expect(error.message).toMatch(/cross-site request forgery/);
    expect(error.message).toMatch(/apollo-require-preflight/);
    const preflighted = await request(api, path, { headers: { cookie: user.cookie, "apollo-require-preflight": "true" } });
    expect(preflighted.body.data?.me).toEqual({ id: user.id });
  });

  it("a mutation over GET is refused with 405 and does not run", async () => {
    const { status, headers, body } = await request(api, `/graphql?query=${encodeURIComponent(ONBOARD)}`, {
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
    const { status, body } = await request(api, "/graphql", {
      method: "POST",
      headers: { "content-type": "text/plain", cookie: user.cookie },
      body: JSON.stringify({ query: ONBOARD }),
    });
    expect(status).toBe(400);
    expect(onlyError(body, "BAD_REQUEST").message).toMatch(/cross-site request forgery/);
    expect(await preferenceRow(user.id)).toBeNull();
  });

  it("a form-encoded post is refused as a possible CSRF with the session cookie, and as unsupported (415) without; neither changes anything", async () => {
    const form = { method: "POST", body: new URLSearchParams({ query: ONBOARD }).toString() };
    const withCookie = await request(api, "/graphql", { ...form, headers: { "content-type": "application/x-www-form-urlencoded", cookie: user.cookie } });
    expect(withCookie.status).toBe(400);
    expect(onlyError(withCookie.body, "BAD_REQUEST").message).toMatch(/cross-site request forgery/);
    const withToken = await request(api, "/graphql", {
      ...form,
      headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Bearer ${user.token}` },
    });
    expect(withToken.status).toBe(415);
    expect(onlyError(withToken.body, "BAD_REQUEST").message).toMatch(/application\/x-www-form-urlencoded is not supported.*application\/json/);
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
    expect(served.body.data).toEqual({ __type: null });
  });
});
