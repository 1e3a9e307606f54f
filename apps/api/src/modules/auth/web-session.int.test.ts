// Web sessions that end (web-session.service.ts): a session cookie works at the API only while its
// session is live, so signing out, or signing out everywhere, ends it at once.
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, TEST_AUTH_SECRET, type TestApi } from "../../test-support/api-harness.ts";
import { INTERNAL_KEY_HEADER, internalKey } from "./oauth-account.service.ts";

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ catalogueSize: 100 });
});

afterAll(async () => {
  await api?.close();
});

const internal = { headers: { [INTERNAL_KEY_HEADER]: internalKey(TEST_AUTH_SECRET) } };
const ME = "{ me { id } }";

/** A session cookie as the web server makes one at sign-in: a session started over the API, its id in the JWT. */
async function signInCookie(user: { id: string; email: string }) {
  const started = await api.graphql("mutation($userId: ID!) { startWebSession(userId: $userId) }", { userId: user.id }, internal);
  const sid = started.data!.startWebSession as string;
  return { sid, cookie: `next-auth.session-token=${await encode({ token: { sub: user.id, email: user.email, sid }, secret: TEST_AUTH_SECRET })}` };
}

const meWith = async (cookie: string) => (await api.graphql(ME, {}, { cookie })).data?.me?.id ?? null;

describe("web sessions", () => {
  it("a signed-out cookie stops working at the API at once, and can no longer mint an API token", async () => {
    const user = await api.createUser();
    const { sid, cookie } = await signInCookie(user);
    expect(await meWith(cookie)).toBe(user.id);
    const active = "query($sid: String!, $userId: ID!) { webSessionActive(sessionId: $sid, userId: $userId) }";
    expect((await api.graphql(active, { sid, userId: user.id }, internal)).data?.webSessionActive).toBe(true);

    expect((await api.graphql("mutation($sid: String!) { endWebSession(sessionId: $sid) }", { sid }, internal)).data?.endWebSession).toBe(true);
    expect(await meWith(cookie)).toBeNull();
    expect((await api.graphql(active, { sid, userId: user.id }, internal)).data?.webSessionActive).toBe(false);
    const mint = await api.graphql(`mutation { createApiToken(input: { name: "stolen cookie" }) { secret } }`, {}, { cookie });
    expect(mint.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("signOutEverywhere ends every session of the caller and no one else's; API tokens keep working", async () => {
    const [user, other] = [await api.createUser(), await api.createUser()];
    const [laptop, phone, others] = [await signInCookie(user), await signInCookie(user), await signInCookie(other)];
    const result = await api.graphql("mutation { signOutEverywhere }", {}, { cookie: laptop.cookie });
    // Three: the harness's own session of this user, the laptop's and the phone's.
    expect(result.data?.signOutEverywhere).toBe(3);
    expect(await meWith(laptop.cookie)).toBeNull();
    expect(await meWith(phone.cookie)).toBeNull();
    expect(await meWith(user.cookie)).toBeNull();
    expect(await meWith(others.cookie)).toBe(other.id);
    expect((await api.graphql(ME, {}, { token: user.token })).data?.me?.id).toBe(user.id);
  });

  it("a cookie without a live session id (from before sessions had one, or made up) is anonymous", async () => {
    const user = await api.createUser();
    for (const sid of [undefined, "not-a-uuid", "01900000-0000-7000-8000-000000000000"]) {
      const cookie = `next-auth.session-token=${await encode({ token: { sub: user.id, email: user.email, ...(sid ? { sid } : {}) }, secret: TEST_AUTH_SECRET })}`;
      expect(await meWith(cookie), String(sid)).toBeNull();
    }
    // Another user's live session id does not work with this user's id.
    const other = await api.createUser();
    const { sid } = await signInCookie(other);
    const borrowed = `next-auth.session-token=${await encode({ token: { sub: user.id, sid }, secret: TEST_AUTH_SECRET })}`;
    expect(await meWith(borrowed)).toBeNull();
  });

  it("only the web server may start, check or end sessions", async () => {
    const user = await api.createUser();
    for (const [operation, variables] of [
      ["mutation($userId: ID!) { startWebSession(userId: $userId) }", { userId: user.id }],
      ["query($sid: String!, $userId: ID!) { webSessionActive(sessionId: $sid, userId: $userId) }", { sid: user.id, userId: user.id }],
      ["mutation($sid: String!) { endWebSession(sessionId: $sid) }", { sid: user.id }],
    ] as const) {
      // Not in the schema anyone else sees (graphql/audiences.ts).
      const result = await api.graphql(operation, variables, { token: user.token });
      expect(result.errors?.[0]?.extensions?.code, operation).toBe("GRAPHQL_VALIDATION_FAILED");
    }
  });
});
