// A browser-origin third-party app, in Chromium: a page served from another origin calls the API
// with a token. From an origin on CORS_ALLOWED_ORIGINS the browser lets it read the answer and the
// RateLimit headers; from any other origin the browser blocks it; and the person's movierec cookie
// never goes with a cross-origin call.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumLaunchOptions } from "@movierec/dev-stack/chromium";
import { startTestApi, type TestApi, type TestUser } from "../test-support/api-harness.ts";

/** A third-party app's page: on load it calls the API with the token in its URL and shows what happened. */
const APP_PAGE = `<!doctype html><meta charset="utf-8"><title>third-party app</title><pre id="out">running</pre>
<script type="module">
  const params = new URLSearchParams(location.search);
  const out = document.getElementById("out");
  try {
    const response = await fetch(params.get("api") + "/graphql", {
      method: "POST",
      credentials: params.get("credentials") ?? "same-origin",
      headers: { "content-type": "application/json", authorization: "Bearer " + params.get("token") },
      body: JSON.stringify({ query: "{ me { email } }" }),
    });
    const body = await response.json();
    out.textContent = JSON.stringify({ email: body.data?.me?.email ?? null, errors: body.errors ?? null, remaining: response.headers.get("ratelimit-remaining") });
  } catch (error) {
    out.textContent = "blocked: " + error.message;
  }
</script>`;

async function serveApp(): Promise<{ server: Server; origin: string }> {
  const server = createServer((_request, response) => response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(APP_PAGE));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

let api: TestApi;
let user: TestUser;
let browser: Browser | undefined;
let allowed: { server: Server; origin: string };
let foreign: { server: Server; origin: string };

beforeAll(async () => {
  [allowed, foreign] = await Promise.all([serveApp(), serveApp()]);
  api = await startTestApi({ catalogueSize: 50, env: { CORS_ALLOWED_ORIGINS: allowed.origin } });
  user = await api.createUser();
  browser = await chromium.launch(chromiumLaunchOptions);
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
  allowed?.server.close();
  foreign?.server.close();
});

async function runApp(origin: string, options: { withCookie?: boolean; credentials?: "include" } = {}) {
  const context = await browser!.newContext();
  // The person is signed in to movierec in this browser: the API's origin has their session cookie.
  if (options.withCookie) {
    const [name, value] = user.cookie.split("=") as [string, string];
    await context.addCookies([{ name, value, url: api.url }]);
  }
  const page = await context.newPage();
  const seenByApi: Array<{ cookie: string | undefined; authorization: string | undefined }> = [];
  page.on("request", (request) => {
    if (request.url().startsWith(`${api.url}/graphql`) && request.method() === "POST")
      seenByApi.push({ cookie: request.headers().cookie, authorization: request.headers().authorization });
  });
  const credentials = options.credentials ? `&credentials=${options.credentials}` : "";
  await page.goto(`${origin}/?api=${encodeURIComponent(api.url)}&token=${encodeURIComponent(user.token)}${credentials}`);
  await expect.poll(() => page.locator("#out").textContent(), { timeout: 15_000 }).not.toBe("running");
  const text = (await page.locator("#out").textContent())!;
  await context.close();
  return { text, seenByApi };
}

describe("CORS in a real browser", () => {
  it("an app on an allowed origin reads the answer and the RateLimit headers with a token", async () => {
    const { text } = await runApp(allowed.origin);
    const result = JSON.parse(text) as { email: string; errors: unknown; remaining: string | null };
    expect(result).toMatchObject({ email: user.email, errors: null });
    expect(Number(result.remaining)).toBeGreaterThan(0);
  });

  it("an app on any other origin is blocked by the browser", async () => {
    const { text } = await runApp(foreign.origin);
    expect(text).toMatch(/^blocked: /);
  });

  it("the person's movierec cookie never goes with a cross-origin call, even when the page asks for credentials", async () => {
    const { text, seenByApi } = await runApp(allowed.origin, { withCookie: true, credentials: "include" });
    // The preflight allows no credentials, so the browser refuses the credentialed call.
    expect(text).toMatch(/^blocked: /);
    expect(seenByApi.every((request) => request.cookie === undefined)).toBe(true);
  });
}, 60_000);
