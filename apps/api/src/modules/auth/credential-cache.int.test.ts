// Two API processes of one deployment (one database, one Redis): each keeps who a credential
// belongs to for CREDENTIAL_CACHE_MS, and a token revoked or a person signed out everywhere through
// one of them is refused by the other at once, not when its entry lapses.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startTestApi, type TestApi, type TestUser } from "../../test-support/api-harness.ts";
import { createToken, ME, onlyError, REVOKE, startAuthTestApi } from "./auth.test-support.ts";

let first: TestApi;
let second: TestApi;
beforeAll(async () => {
  first = await startAuthTestApi();
  second = await startTestApi({ sameDeploymentAs: first });
  expect(second.config.CREDENTIAL_CACHE_MS).toBeGreaterThanOrEqual(10_000);
  // Each keeps credentials only once it hears about ends (started at boot, subscribed a moment later).
  await Promise.all([first.services.callers.start(), second.services.callers.start()]);
});
afterAll(async () => {
  await second?.close();
  await first?.close();
});

const tokenStatements = (api: TestApi) => (api.sqlQueries.statements ?? []).filter((sql: string) => sql.includes("FROM api_token")).length;

describe("credentials kept per API process", () => {
  let user: TestUser;
  beforeAll(async () => {
    user = await first.createUser();
  });

  it("looks a token up once, not on every request", async () => {
    const created = await createToken(first, user, { name: "busy client" });
    second.sqlQueries.statements = [];
    for (let i = 0; i < 3; i++) expect((await second.graphql(ME, {}, { token: created.secret })).data?.me?.id).toBe(user.id);
    expect(tokenStatements(second)).toBe(1);
  });

  it("a token revoked through one process is refused by the other at once", async () => {
    const created = await createToken(first, user, { name: "revoked elsewhere" });
    expect((await second.graphql(ME, {}, { token: created.secret })).data?.me?.id).toBe(user.id);

    expect((await first.graphql(REVOKE, { id: created.token.id }, { cookie: user.cookie })).errors).toBeUndefined();

    // Delivery through Redis takes a moment; the cache itself would keep the token for 10 s.
    await vi.waitFor(async () => expect((await second.graphql(ME, {}, { token: created.secret })).status).toBe(401), { timeout: 2_000, interval: 20 });
    onlyError(await second.graphql(ME, {}, { token: created.secret }), "UNAUTHENTICATED");
  });

  it("signing out everywhere through one process ends the session cookie at the other at once", async () => {
    const person = await first.createUser();
    expect((await second.graphql(ME, {}, { cookie: person.cookie })).data?.me?.id).toBe(person.id);

    const ended = await first.graphql(`mutation { signOutEverywhere }`, {}, { cookie: person.cookie });
    expect(ended.data?.signOutEverywhere).toBe(1);

    await vi.waitFor(async () => expect((await second.graphql(ME, {}, { cookie: person.cookie })).data?.me).toBeNull(), { timeout: 2_000, interval: 20 });
    // Their API token was not ended, only looked up again.
    expect((await second.graphql(ME, {}, { token: person.token })).data?.me?.id).toBe(person.id);
  });
});
