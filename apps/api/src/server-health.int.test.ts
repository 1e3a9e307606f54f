// Health and readiness, request ids and Server-Timing on every response, and the charset a JSON
// body may be declared in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { onlyError, request, startServerTestApi } from "./server.test-support.ts";
import type { TestApi } from "./test-support/api-harness.ts";

let api: TestApi;
beforeAll(async () => {
  ({ api } = await startServerTestApi());
});
afterAll(() => api?.close());

describe("health, readiness and request ids", () => {
  it("/healthz is 200", async () => {
    const { status, body } = await request(api, "/healthz");
    expect(status).toBe(200);
    expect(body).toEqual({ status: "ok" });
  });

  it("/readyz is 200 with postgres and redis ok and TMDB offline (the catalogue server)", async () => {
    const { status, body } = await request(api, "/readyz");
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
    const refused = await request(api, "/graphql", { method: "POST", headers: { "content-type": "application/json; charset=ISO-8859-1" }, body: latin1 });
    expect(refused.status).toBe(415);
    expect(onlyError(refused.body, "BAD_REQUEST").message).toMatch(/Charset iso-8859-1 is not supported.*UTF-8/);
    for (const contentType of ["application/json; charset=UTF-8", 'application/json;charset="utf-8"', "application/json; charset=utf8"]) {
      const served = await request(api, "/graphql", {
        method: "POST",
        headers: { "content-type": contentType },
        body: JSON.stringify({ query: "{ __typename }" }),
      });
      expect(served.status).toBe(200);
      expect(served.body.data).toEqual({ __typename: "Query" });
    }
  });
});
