// The web app's password sign-in (signInToWeb): the password's check and the web session's start
// are one call, and the session is started only while the password is still the one checked — a
// sign-in racing a password change cannot leave a session the change did not end.
import { hash } from "@node-rs/argon2";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestApi, TEST_AUTH_SECRET, type TestApi } from "../../test-support/api-harness.ts";
import { INTERNAL_KEY_HEADER, internalKey } from "./oauth-account.service.ts";
import { signIn } from "./password.service.ts";
import { startPasswordWebSession } from "./web-session.service.ts";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ catalogueSize: 50 });
});
afterAll(() => api?.close());

const internal = { headers: { [INTERNAL_KEY_HEADER]: internalKey(TEST_AUTH_SECRET) } };
const PASSWORD = "correct horse battery staple";
const SIGN_IN = "mutation($input: SignInInput!) { signInToWeb(input: $input) { user { id email } sessionId } }";
const sessionsOf = (userId: string) => api.services.prisma.session.count({ where: { userId } });

it("checks the password and starts a live web session in one call, for the web server only", async () => {
  const user = await api.createUser({ password: PASSWORD });
  const signedIn = await api.graphql(SIGN_IN, { input: { email: user.email, password: PASSWORD } }, internal);
  expect(signedIn.data?.signInToWeb.user).toEqual({ id: user.id, email: user.email });
  const active = "query($sid: String!, $userId: ID!) { webSessionActive(sessionId: $sid, userId: $userId) }";
  expect((await api.graphql(active, { sid: signedIn.data?.signInToWeb.sessionId, userId: user.id }, internal)).data?.webSessionActive).toBe(true);

  const wrong = await api.graphql(SIGN_IN, { input: { email: user.email, password: "not the password" } }, internal);
  expect(wrong.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  // Not in the public schema.
  const outsider = await api.graphql(SIGN_IN, { input: { email: user.email, password: PASSWORD } });
  expect(outsider.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
});

it("a password changed between the check and the session's start refuses the session", async () => {
  const user = await api.createUser({ password: PASSWORD });
  const checked = await signIn(api.services, { email: user.email, password: PASSWORD, clientIp: "127.0.0.1" });
  await api.services.prisma.user.update({ where: { id: user.id }, data: { passwordHash: await hash("a new password of mine") } });
  const before = await sessionsOf(user.id);
  const started = await startPasswordWebSession(api.services, { userId: user.id, passwordHash: checked.passwordHash! }).catch((error: unknown) => error);
  expect((started as { extensions?: { code?: string } }).extensions?.code).toBe("UNAUTHENTICATED");
  expect((started as Error).message).toMatch(/password changed while you were signing in/);
  expect(await sessionsOf(user.id)).toBe(before);
});

it("a session start that meets a password change still being written waits for it, then is refused", async () => {
  const user = await api.createUser({ password: PASSWORD });
  const checked = await signIn(api.services, { email: user.email, password: PASSWORD, clientIp: "127.0.0.1" });
  const before = await sessionsOf(user.id);
  const newHash = await hash("a new password of mine");
  let start: Promise<unknown> | undefined;
  let settledDuringChange = false;
  // The change's transaction holds the account's row, as change-password.service.ts's does, while
  // the sign-in's session start comes in on another connection.
  await api.services.prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash: newHash } });
    start = startPasswordWebSession(api.services, { userId: user.id, passwordHash: checked.passwordHash! }).then(
      (id) => ({ id }),
      (error: unknown) => error,
    );
    void start.then(() => {
      settledDuringChange = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
  });
  expect(settledDuringChange).toBe(false);
  const outcome = await start;
  expect((outcome as { extensions?: { code?: string } }).extensions?.code).toBe("UNAUTHENTICATED");
  expect(await sessionsOf(user.id)).toBe(before);
});
