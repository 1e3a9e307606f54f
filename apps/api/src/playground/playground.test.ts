// The playground end to end in Debian's Chromium, with every request off 127.0.0.1 aborted (proves: no CDN).
import { request as httpRequest } from "node:http";
import { ApolloServer } from "@apollo/server";
import fastifyApollo, { fastifyApolloDrainPlugin } from "@as-integrations/fastify";
import Fastify, { type FastifyInstance } from "fastify";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumLaunchOptions } from "@movierec/dev-stack/chromium";
import { enableHistoryPlugin, registerPlayground, resolveAsset } from "./playground.route.ts";

interface Context {
  authorization?: string;
}

let app: FastifyInstance;
let apollo: ApolloServer<Context>;
let browser: Browser | undefined;
let origin: string;

beforeAll(async () => {
  app = Fastify();
  apollo = new ApolloServer<Context>({
    typeDefs: /* GraphQL */ `
      type Query {
        whoami: String
      }
    `,
    resolvers: { Query: { whoami: (_parent: unknown, _args: unknown, context: Context) => context.authorization ?? null } },
    plugins: [fastifyApolloDrainPlugin(app)],
  });
  await apollo.start();
  await app.register(fastifyApollo(apollo), {
    path: "/graphql",
    context: async (request) => ({ authorization: request.headers.authorization }),
  });
  await registerPlayground(app, { graphqlPath: "/graphql", defaultQuery: "{ whoami }" });
  origin = await app.listen({ port: 0, host: "127.0.0.1" });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** A raw request: Node's http client sends the path verbatim (fetch and browsers would normalise "..") */
function rawGet(path: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, path, method: "GET" }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("playground assets", () => {
  it("serves the HTML page with a strict CSP and no inline script", async () => {
    const response = await fetch(`${origin}/playground`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    const html = await response.text();
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it("serves the package's dist files, workers included, as immutable with the right types", async () => {
    const css = await rawGet("/playground/assets/graphiql.css");
    expect(css.status).toBe(200);
    expect(css.headers["content-type"]).toBe("text/css; charset=utf-8");
    expect(css.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(css.headers["x-content-type-options"]).toBe("nosniff");
    const worker = await rawGet("/playground/assets/monacoeditorwork/graphql.worker..bundle.js");
    expect(worker.status).toBe(200);
    expect(worker.headers["content-type"]).toBe("text/javascript; charset=utf-8");
  });

  it("refuses path traversal and unknown files with 404", async () => {
    for (const path of [
      "/playground/assets/../package.json",
      "/playground/assets/%2e%2e/package.json",
      "/playground/assets/..%2fpackage.json",
      "/playground/assets/monacoeditorwork/../../package.json",
      "/playground/assets/nope.js",
      "/playground/assets/",
      "/playground/assets/monacoeditorwork",
    ]) {
      expect((await rawGet(path)).status, path).toBe(404);
    }
    const distDir = "/srv/dist";
    const assets = new Map([["a.js", 1]]);
    expect(resolveAsset(distDir, assets, "a.js")).toBe(1);
    for (const requested of ["../a.js", "x/../a.js", "./a.js", "/a.js", "a.js/", "..\\a.js", ".hidden.js", "a.js\0"]) {
      expect(resolveAsset(distDir, assets, requested), requested).toBeUndefined();
    }
  });

  it("leaves an unrecognised bundle alone instead of half-patching it", () => {
    expect(enableHistoryPlugin("var x=1;")).toEqual({ ok: false, source: "var x=1;" });
  });
});

describe("playground in Chromium", () => {
  it("renders GraphiQL offline and runs a query with the Authorization header", async () => {
    browser = await chromium.launch(chromiumLaunchOptions);
    const context = await browser.newContext({ viewport: { width: 1400, height: 800 } });
    const aborted: string[] = [];
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (new URL(url).hostname === "127.0.0.1") return route.continue();
      aborted.push(url);
      return route.abort();
    });
    const page: Page = await context.newPage();
    // Monaco renders spaces as non-breaking spaces.
    const textOf = async (locator: ReturnType<Page["locator"]>) => (await locator.innerText()).replace(/\s+/g, " ");
    const consoleErrors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    page.on("pageerror", (error) => consoleErrors.push(String(error)));
    const authorizationHeaders: (string | undefined)[] = [];
    page.on("request", (request) => {
      if (new URL(request.url()).pathname === "/graphql") authorizationHeaders.push(request.headers()["authorization"]);
    });
    const failed: string[] = [];
    page.on("requestfailed", (request) => failed.push(`${request.url()} ${request.failure()?.errorText}`));

    await page.goto(`${origin}/playground`);
    const queryEditor = page.locator(".graphiql-query-editor .monaco-editor");
    await queryEditor.waitFor({ timeout: 30_000 });

    // The headers editor is open and prefilled with the token placeholder.
    const headersEditor = page.locator(".graphiql-editor-tool .graphiql-editor:not(.hidden) .monaco-editor");
    await headersEditor.waitFor();
    await expect.poll(() => textOf(headersEditor.locator(".view-lines"))).toContain("paste a personal API token");

    // The schema arrived (introspection), the docs explorer and history are there.
    await page.getByRole("button", { name: "Show Documentation Explorer" }).click();
    await page.locator(".graphiql-doc-explorer").getByText("Query", { exact: true }).first().waitFor();
    expect(await page.getByRole("button", { name: "Show History" }).count()).toBe(1);

    // Replace the headers with a real token and run the query.
    await headersEditor.click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.press("Delete");
    await page.keyboard.insertText('{"Authorization":"Bearer test-token-123"}');
    await expect.poll(() => textOf(headersEditor.locator(".view-lines"))).toContain("test-token-123");
    await page.locator(".graphiql-execute-button").click();
    const result = page.locator(".result-window");
    await expect.poll(() => textOf(result), { timeout: 15_000 }).toContain("Bearer test-token-123");

    // The run landed in GraphiQL's history, persisted in localStorage.
    await expect.poll(() => page.evaluate<string>('localStorage.getItem("graphiql:queries") ?? ""')).toContain("whoami");

    if (process.env["PLAYGROUND_SCREENSHOT"]) {
      await page.locator(".graphiql-doc-explorer").getByText("Query", { exact: true }).first().click();
      await page.waitForTimeout(300);
      await page.screenshot({ path: process.env["PLAYGROUND_SCREENSHOT"] });
    }

    expect(aborted).toEqual([]);
    expect(failed).toEqual([]);
    expect(consoleErrors).toEqual([]);
    // Introspection went out without the placeholder; the query carried the pasted token.
    expect(authorizationHeaders.length).toBeGreaterThan(1);
    expect(authorizationHeaders).not.toContainEqual(expect.stringContaining("<paste"));
    expect(authorizationHeaders.at(-1)).toBe("Bearer test-token-123");
    await context.close();
  }, 60_000);
});
