// /docs over HTTP: the reference of the public schema (every type and operation, nothing admin-only
// or web-server-only), the getting-started snippets working as written, and the links to it.
import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { get } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSchema } from "../graphql/schema.ts";
import { INTERNAL_KEY_HEADER, internalKey } from "../modules/auth/oauth-account.service.ts";
import { startTestApi, TEST_AUTH_SECRET, type TestApi, type TestUser } from "../test-support/api-harness.ts";
import { curlExample, deviceFlowCurl, TYPESCRIPT_EXAMPLE } from "./getting-started.ts";

let api: TestApi;
let user: TestUser;
beforeAll(async () => {
  api = await startTestApi({ catalogueSize: 200 });
  user = await api.createUser();
  await api.seedMediaCache(1);
});
afterAll(() => api?.close());

describe("/docs", () => {
  it("is the public schema's reference: every type and operation, no admin or web-server operation, no script", async () => {
    const response = await fetch(`${api.url}/docs`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(response.headers.get("content-security-policy")).toMatch(/default-src 'none'/);
    const html = await response.text();
    expect(html).not.toMatch(/<script/i);
    const schema = await getSchema("public");
    for (const type of Object.values(schema.getTypeMap()).filter((candidate) => !candidate.name.startsWith("__"))) {
      expect(html, type.name).toContain(`id="type-${type.name}"`);
    }
    for (const field of [...Object.keys(schema.getQueryType()!.getFields()), ...Object.keys(schema.getMutationType()!.getFields())]) {
      expect(html, field).toMatch(new RegExp(`id="type-(Query|Mutation)-${field}"`));
    }
    for (const hidden of ["ingestStatus", "refreshMediaCache", "linkOAuthAccount", "startWebSession", "IngestStatus"])
      expect(html, hidden).not.toContain(hidden);
    // Descriptions are escaped text.
    expect(html).toContain("<code>node(id:)</code>");
    // Defaults as a query writes them: enum values by name (the internal "w342" would not validate).
    expect(html).toMatch(/<code>size<\/code>: <code><a href="#type-PosterSize">PosterSize<\/a>!<\/code> = <code>W342<\/code>/);
    expect(html).not.toContain("&quot;w342&quot;");
  });

  it("has a getting-started whose curl request and TypeScript work as written", async () => {
    const html = await (await fetch(`${api.url}/docs`)).text();
    expect(html).toContain('id="getting-started"');
    const curl = curlExample(api.url);
    expect(html).toContain(curl.replace(/&/g, "&#38;").replace(/'/g, "&#39;").replace(/"/g, "&#34;").replace(/</g, "&#60;").replace(/>/g, "&#62;"));
    // The curl command's request, sent as curl would.
    const body = /-d '(.*)'$/s.exec(curl)![1]!;
    const headers = Object.fromEntries(
      [...curl.matchAll(/-H "([^:]+): ([^"]+)"/g)].map((match) => [match[1]!, match[2]!.replace("$MOVIEREC_TOKEN", user.token)]),
    );
    const answer = await fetch(`${api.url}/graphql`, { method: "POST", headers, body });
    const result = (await answer.json()) as { data?: { me: { email: string }; searchMedia: { edges: unknown[] } }; errors?: unknown };
    expect(answer.status).toBe(200);
    expect(result.errors).toBeUndefined();
    expect(result.data!.me.email).toBe(user.email);
    expect(Array.isArray(result.data!.searchMedia.edges)).toBe(true);

    // The TypeScript, run as a file with the token in the environment.
    const dir = await mkdtemp(path.join(tmpdir(), "movierec-docs-"));
    // An ES module, as the snippet (top-level await) is written for.
    const file = path.join(dir, "first-query.mts");
    await writeFile(file, TYPESCRIPT_EXAMPLE.replace("API_ORIGIN", api.url));
    const tsx = path.resolve(import.meta.dirname, "../../../../node_modules/.bin/tsx");
    const { stdout } = await promisify(execFile)(tsx, [file], { env: { ...process.env, MOVIEREC_TOKEN: user.token }, cwd: dir });
    expect(stdout.trim()).toBe(user.email);
  });

  it("names the issuer the OAuth metadata says, whatever Host the request carries", async () => {
    const metadata = (await (await fetch(`${api.url}/.well-known/oauth-authorization-server/oauth`)).json()) as { issuer: string };
    // (fetch will not send another Host; node:http will)
    const html = await new Promise<string>((resolve, reject) => {
      const request = get(`${api.url}/docs`, { headers: { host: "attacker.example" } }, (response) => {
        let body = "";
        response.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve(body));
      });
      request.on("error", reject);
    });
    expect(html).toContain(`its issuer is <code>${metadata.issuer}</code>`);
    expect(html).not.toContain("attacker.example");
  });

  it("has an OAuth device flow whose curl commands work as written", async () => {
    const html = await (await fetch(`${api.url}/docs`)).text();
    const { start, poll } = deviceFlowCurl(api.url);
    expect(html).toContain('id="oauth"');
    const registered = await api.graphql(
      `mutation { registerOAuthApp(input: { name: "Docs CLI", redirectUris: ["http://127.0.0.1/cb"] }) { clientId } }`,
      {},
      { token: user.token },
    );
    const env = { ...process.env, CLIENT_ID: registered.data!.registerOAuthApp.clientId as string };
    const run = async (command: string, extra: Record<string, string> = {}) =>
      JSON.parse((await promisify(execFile)("sh", ["-c", command], { env: { ...env, ...extra } })).stdout) as Record<string, string>;
    const device = await run(start);
    expect(device.user_code).toBeTruthy();
    expect((await run(poll, { DEVICE_CODE: device.device_code! })).error).toBe("authorization_pending");
    await api.graphql(
      `mutation($code: String!, $userId: ID!) { completeOAuthDevice(userCode: $code, userId: $userId, approve: true) }`,
      { code: device.user_code, userId: user.id },
      { headers: { [INTERNAL_KEY_HEADER]: internalKey(TEST_AUTH_SECRET) } },
    );
    const tokens = await run(poll, { DEVICE_CODE: device.device_code! });
    expect(tokens.scope).toBe("read write");
    expect(tokens.access_token).toBeTruthy();
  });

  it("is linked from the playground", async () => {
    const playground = await (await fetch(`${api.url}/playground`)).text();
    expect(playground).toContain('href="/docs"');
    expect(playground).toContain('href="/docs#getting-started"');
  });
});
