// What the API writes to its logs: every line written while serving a request carries that
// request's id, and no secret reaches a line (a canary password, token and cookie sent every way a
// client can send them).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi, type TestUser } from "./test-support/api-harness.ts";

const lines: Array<Record<string, unknown>> = [];
let api: TestApi;
let user: TestUser;

beforeAll(async () => {
  api = await startTestApi({ catalogueSize: 200, env: { LOG_LEVEL: "debug" }, logLines: lines });
  user = await api.createUser();
});

afterAll(async () => {
  await api?.close();
});

describe("logs", () => {
  it("never carry a password, token or cookie, whether sent in a GET's URL, variables, headers or a query literal", async () => {
    const CANARY = "Canary7x9-secret";
    const signIn = `mutation { signIn(input: { email: "canary@example.test", password: "${CANARY}-literal" }) { id } }`;
    // A GET carrying a mutation is refused (405), but its URL reached the logs whole.
    const get = await fetch(`${api.url}/graphql?query=${encodeURIComponent(signIn)}`, { headers: { authorization: `Bearer mr_${CANARY}` } });
    expect(get.status).toBeGreaterThanOrEqual(400);
    await api.graphql(`mutation($input: SignInInput!) { signIn(input: $input) { id } }`, {
      input: { email: "canary@example.test", password: `${CANARY}-variable` },
    });
    await api.graphql(signIn, {}, { cookie: `next-auth.session-token=${CANARY}-cookie` });
    await api.graphql(`{ me { id } }`, {}, { token: `mr_${CANARY}-token` });
    expect(lines.length).toBeGreaterThan(3);
    const written = lines.map((line) => JSON.stringify(line)).join("\n");
    expect(written).not.toContain("Canary7x9");
    // The GET's line is still there, without its query string.
    expect(written).toContain('"url":"/graphql?[redacted]"');
  });

  it("carry the request id on every line written while serving a request, including the unexpected error's", async () => {
    await api.services.prisma.$executeRawUnsafe(`ALTER TABLE "preference" RENAME TO "preference_away"`);
    let result: Awaited<ReturnType<TestApi["graphql"]>>;
    try {
      lines.length = 0;
      result = await api.graphql(`{ preferences { onboarded } }`, {}, { token: user.token, headers: { "x-request-id": "trace-me-1" } });
    } finally {
      await api.services.prisma.$executeRawUnsafe(`ALTER TABLE "preference_away" RENAME TO "preference"`);
    }
    expect(result.errors?.[0]?.extensions).toEqual({ code: "INTERNAL_SERVER_ERROR", requestId: "trace-me-1" });
    const failure = lines.find((line) => line.msg === "unexpected error in a GraphQL operation");
    expect(failure?.requestId).toBe("trace-me-1");
    // Everything written during that request: Fastify's own lines and ours alike.
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.requestId ?? line.reqId, JSON.stringify(line)).toBe("trace-me-1");
  });
});
