// A third-party app end to end over HTTP, on @movierec/client's OAuth helpers as its developer
// would use them: registered in Settings, authorized with PKCE and consent (the consent page's
// calls made as the web server makes them), its read-scoped token refused a mutation, refreshed,
// revoked; and the device flow of a CLI. Also: nothing usable is stored, and what goes wrong says so.
import {
  AddFavouriteDocument,
  createMovierecClient,
  createMovierecOAuth,
  MeDocument,
  MovierecError,
  type MovierecOAuth,
  MovierecOAuthError,
} from "@movierec/client";
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INTERNAL_KEY_HEADER, internalKey } from "../auth/oauth-account.service.ts";
import { startTestApi, TEST_AUTH_SECRET, type TestApi, type TestUser } from "../../test-support/api-harness.ts";

const WEB_URL = "http://web.example.test";
const REDIRECT_URI = "http://127.0.0.1:9876/callback";
const webServer = { headers: { [INTERNAL_KEY_HEADER]: internalKey(TEST_AUTH_SECRET) } };

let api: TestApi;
let developer: TestUser;
let person: TestUser;
let clientId: string;
let movieId: string;

beforeAll(async () => {
  api = await startTestApi({ catalogueSize: 300, env: { WEB_URL } });
  developer = await api.createUser();
  person = await api.createUser();
  await api.seedMediaCache(1);
  const row = await api.services.prisma.mediaCache.findFirstOrThrow({ where: { mediaType: "MOVIE" } });
  movieId = `movie:${row.tmdbId}`;
  const registered = await api.graphql(
    `mutation($input: RegisterOAuthAppInput!) { registerOAuthApp(input: $input) { id clientId name redirectUris } }`,
    { input: { name: "Film Diary", redirectUris: [REDIRECT_URI] } },
    { token: developer.token },
  );
  expect(registered.errors).toBeUndefined();
  clientId = registered.data!.registerOAuthApp.clientId;
});
afterAll(() => api?.close());

const oauthClient = () => createMovierecOAuth({ issuer: `${api.url}/oauth`, clientId });

/** A device's read-only request, allowed for this person as the web's /activate page allows it, and the tokens its poll then gets. */
async function allowDevice(oauth: MovierecOAuth, userId: string) {
  const device = await oauth.startDeviceAuthorization({ scopes: ["read"] });
  await api.graphql(
    `mutation($code: String!, $userId: ID!) { completeOAuthDevice(userCode: $code, userId: $userId, approve: true) }`,
    { code: device.userCode, userId },
    webServer,
  );
  return { device, tokens: await oauth.waitForDeviceAuthorization(device) };
}

/** A browser's cookies, as `fetch` leaves them to the caller: every Set-Cookie it was sent, whatever the path (enough here; the host is checked where they go). */
const cookiesOf = (...responses: Response[]) =>
  responses
    .flatMap((response) => response.headers.getSetCookie())
    .map((cookie) => cookie.split(";")[0])
    .join("; ");

/** A browser starts an authorization request: to the OAuth server, through its interaction address, to the web app's consent page. */
async function startInBrowser(url: string) {
  const start = await fetch(url, { redirect: "manual" });
  expect(start.status).toBe(303);
  // A browser keeps the cookies for the host that set them: the request stays on the host it started at.
  expect(new URL(start.headers.get("location")!).origin).toBe(new URL(url).origin);
  const interaction = await fetch(start.headers.get("location")!, { redirect: "manual" });
  expect(interaction.status).toBe(303);
  const consentPage = new URL(interaction.headers.get("location")!);
  expect(consentPage.origin).toBe(WEB_URL);
  return { uid: consentPage.pathname.split("/").pop()!, cookies: cookiesOf(start, interaction) };
}

/** The consent page's answer, asked of the API as the web server asks it: where the person's browser goes next. */
async function answerAsWebServer(uid: string, answer: { approve: boolean; userId: string }) {
  const completed = await api.graphql(
    `mutation($uid: String!, $userId: ID!, $approve: Boolean!) { completeOAuthAuthorization(uid: $uid, userId: $userId, approve: $approve) }`,
    { uid, userId: answer.userId, approve: answer.approve },
    webServer,
  );
  expect(completed.errors).toBeUndefined();
  return completed.data!.completeOAuthAuthorization as string;
}

/** The browser's part: the request started, the consent page (answered as the web server does), the answer taken back, and on to the app. */
async function authorizeInBrowser(url: string, answer: { approve: boolean; userId: string }) {
  const { uid, cookies } = await startInBrowser(url);
  const nextStep = await answerAsWebServer(uid, answer);
  expect(new URL(nextStep).origin).toBe(new URL(url).origin);
  const described = await api.graphql(
    `query($uid: String!) { oauthAuthorizationRequest(uid: $uid) { appName clientId developer redirectUri scopes } }`,
    { uid },
    webServer,
  );
  const finish = await fetch(nextStep, { redirect: "manual", headers: { cookie: cookies } });
  expect(finish.status).toBe(303);
  const back = await fetch(finish.headers.get("location")!, { redirect: "manual", headers: { cookie: cookies } });
  expect(back.status).toBe(303);
  return { request: described.data!.oauthAuthorizationRequest, callbackUrl: back.headers.get("location")!, uid };
}

describe("OAuth for third-party apps", () => {
  it("authorization code with PKCE and consent: a read token reads, is refused a mutation, refreshes, and is revoked", async () => {
    const oauth = oauthClient();
    const start = await oauth.startAuthorization({ redirectUri: REDIRECT_URI, scopes: ["read"] });
    const { request, callbackUrl } = await authorizeInBrowser(start.url, { approve: true, userId: person.id });
    expect(request).toMatchObject({ appName: "Film Diary", clientId, redirectUri: REDIRECT_URI, scopes: ["READ"] });
    expect(callbackUrl, callbackUrl).toMatch(new RegExp(`^${REDIRECT_URI}\\?`));

    const tokens = await oauth.finishAuthorization({ callbackUrl, redirectUri: REDIRECT_URI, codeVerifier: start.codeVerifier, state: start.state });
    expect(tokens.scopes).toEqual(["read"]);
    expect(tokens.refreshToken).toBeTruthy();

    const movierec = createMovierecClient({ url: `${api.url}/graphql`, token: tokens.accessToken });
    expect((await movierec.request(MeDocument)).me?.email).toBe(person.email);
    const refused = await movierec.request(AddFavouriteDocument, { id: movieId }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(MovierecError);
    expect((refused as MovierecError).status).toBe(403);

    const refreshed = await oauth.refresh(tokens.refreshToken!);
    expect(refreshed.accessToken).not.toBe(tokens.accessToken);
    expect(refreshed.refreshToken).not.toBe(tokens.refreshToken);
    const fresh = createMovierecClient({ url: `${api.url}/graphql`, token: refreshed.accessToken });
    expect((await fresh.request(MeDocument)).me?.email).toBe(person.email);

    // The person sees the app in Settings with what it may do.
    const listed = await api.graphql(`{ authorizedApps { clientId name scopes } }`, {}, { cookie: person.cookie });
    expect(listed.data!.authorizedApps).toEqual([{ clientId, name: "Film Diary", scopes: ["READ"] }]);

    // RFC 7009: the app signs out; its tokens stop working at once, though the first was just cached.
    await oauth.revoke(refreshed.accessToken);
    const revoked = await fresh.request(MeDocument).catch((error: unknown) => error);
    expect((revoked as MovierecError).status).toBe(401);

    // A code works once; played again (stolen), it also ends every token it gave (RFC 6749 4.1.2).
    const again = await oauth
      .finishAuthorization({ callbackUrl, redirectUri: REDIRECT_URI, codeVerifier: start.codeVerifier, state: start.state })
      .catch((error: unknown) => error);
    expect((again as MovierecOAuthError).error).toBe("invalid_grant");
    const afterReplay = await oauth.refresh(refreshed.refreshToken!).catch((error: unknown) => error);
    expect((afterReplay as MovierecOAuthError).error).toBe("invalid_grant");
  });

  it("a person who denies sends the app access_denied, and no token", async () => {
    const oauth = oauthClient();
    const start = await oauth.startAuthorization({ redirectUri: REDIRECT_URI, scopes: ["read", "write"] });
    const { callbackUrl } = await authorizeInBrowser(start.url, { approve: false, userId: person.id });
    const denied = await oauth
      .finishAuthorization({ callbackUrl, redirectUri: REDIRECT_URI, codeVerifier: start.codeVerifier, state: start.state })
      .catch((error: unknown) => error);
    expect(denied).toBeInstanceOf(MovierecOAuthError);
    expect((denied as MovierecOAuthError).error).toBe("access_denied");
  });

  it("an answer counts only in the browser that started the request: a consent link sent to someone else gets the sender no code", async () => {
    // The attacker starts a request for their own app and sends the signed-in person the consent
    // page's link; the person clicks Allow.
    const victim = await api.createUser();
    const oauth = oauthClient();
    const start = await oauth.startAuthorization({ redirectUri: REDIRECT_URI, scopes: ["read", "write"] });
    const attacker = await startInBrowser(start.url);
    const victimsNextStep = await answerAsWebServer(attacker.uid, { approve: true, userId: victim.id });

    // The person's browser holds none of the request's cookies: refused, and said why.
    const victims = await fetch(victimsNextStep, { redirect: "manual" });
    expect(victims.status).toBe(400);
    expect(await victims.text()).toContain("started in another browser");

    // The request is denied from then on: the attacker's browser, even with the person's ticket
    // (leaked from their history, say), is sent on to the app with access_denied and no code.
    const replayed = await fetch(victimsNextStep, { redirect: "manual", headers: { cookie: attacker.cookies } });
    expect(replayed.status).toBe(303);
    const resumed = await fetch(replayed.headers.get("location")!, { redirect: "manual", headers: { cookie: attacker.cookies } });
    const callback = new URL(resumed.headers.get("location")!);
    expect(`${callback.origin}${callback.pathname}`).toBe(REDIRECT_URI);
    expect(callback.searchParams.get("error")).toBe("access_denied");
    expect(callback.searchParams.has("code")).toBe(false);

    // A ticket altered to another person is refused in the starting browser too.
    const ticket = new URL(victimsNextStep).searchParams.get("ticket")!;
    const [payload, signature] = ticket.split(".");
    const forged = Buffer.from(Buffer.from(payload!, "base64url").toString().replace(victim.id, developer.id)).toString("base64url");
    const altered = new URL(victimsNextStep);
    altered.searchParams.set("ticket", `${forged}.${signature}`);
    const refused = await fetch(altered, { redirect: "manual", headers: { cookie: attacker.cookies } });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("could not be checked");
    expect(await api.services.prisma.oAuthRecord.count({ where: { kind: "Grant", accountId: { in: [victim.id, developer.id] }, clientId } })).toBe(0);
  });

  it("a consent's answer goes to the issuer's address, never to a host the request named (a forged Host header)", async () => {
    const oauth = oauthClient();
    const start = await oauth.startAuthorization({ redirectUri: REDIRECT_URI, scopes: ["read"] });
    const forged = await new Promise<import("node:http").IncomingMessage>((resolve, reject) =>
      request(start.url, { headers: { host: "evil.example" } }, resolve)
        .on("error", reject)
        .end(),
    );
    forged.resume();
    expect(forged.statusCode).toBe(303);
    expect(new URL(forged.headers.location!).origin).toBe(api.url);
    const uid = new URL(forged.headers.location!).pathname.split("/").pop()!;
    expect(new URL(await answerAsWebServer(uid, { approve: true, userId: person.id })).origin).toBe(api.url);
  });

  it("a second answer from the same browser (a double click whose first page was cut short) goes on to the app", async () => {
    const oauth = oauthClient();
    const start = await oauth.startAuthorization({ redirectUri: REDIRECT_URI, scopes: ["read"] });
    const browser = await startInBrowser(start.url);
    const first = await answerAsWebServer(browser.uid, { approve: true, userId: person.id });
    const second = await answerAsWebServer(browser.uid, { approve: true, userId: person.id });
    expect((await fetch(first, { redirect: "manual", headers: { cookie: browser.cookies } })).status).toBe(303);
    const again = await fetch(second, { redirect: "manual", headers: { cookie: browser.cookies } });
    expect(again.status).toBe(303);
    const back = await fetch(again.headers.get("location")!, { redirect: "manual", headers: { cookie: browser.cookies } });
    const callbackUrl = back.headers.get("location")!;
    const tokens = await oauth.finishAuthorization({ callbackUrl, redirectUri: REDIRECT_URI, codeVerifier: start.codeVerifier, state: start.state });
    expect(tokens.scopes).toEqual(["read"]);
  });

  it("the device flow: a CLI gets read and write tokens once the person types its code; revoking the app in Settings ends them", async () => {
    const reader = await api.createUser();
    const oauth = oauthClient();
    const device = await oauth.startDeviceAuthorization({ scopes: ["read", "write"] });
    expect(device.userCode).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
    // The verification page is the web app's, where the person is signed in.
    const verification = await fetch(device.verificationUriComplete!, { redirect: "manual" });
    expect(verification.status).toBe(303);
    expect(verification.headers.get("location")).toBe(`${WEB_URL}/activate?code=${device.userCode}`);

    const pending = await oauth.waitForDeviceAuthorization(device, { signal: AbortSignal.timeout(100) }).catch((error: unknown) => error);
    expect(pending).toBeInstanceOf(Error);

    const typed = device.userCode.toLowerCase().replace("-", " ");
    const described = await api.graphql(
      `query($code: String!, $userId: ID!) { oauthDeviceRequest(userCode: $code, userId: $userId) { appName scopes redirectUri } }`,
      { code: typed, userId: reader.id },
      webServer,
    );
    expect(described.data!.oauthDeviceRequest).toEqual({ appName: "Film Diary", scopes: ["READ", "WRITE"], redirectUri: null });
    const approved = await api.graphql(
      `mutation($code: String!, $userId: ID!) { completeOAuthDevice(userCode: $code, userId: $userId, approve: true) }`,
      { code: typed, userId: reader.id },
      webServer,
    );
    expect(approved.data!.completeOAuthDevice).toBe(true);
    const used = await api.graphql(
      `query($code: String!, $userId: ID!) { oauthDeviceRequest(userCode: $code, userId: $userId) { appName } }`,
      { code: typed, userId: reader.id },
      webServer,
    );
    expect(used.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");

    const tokens = await oauth.waitForDeviceAuthorization(device);
    expect(tokens.scopes).toEqual(["read", "write"]);
    const movierec = createMovierecClient({ url: `${api.url}/graphql`, token: oauth.keepFresh(tokens) });
    expect((await movierec.request(AddFavouriteDocument, { id: movieId })).addFavourite.isFavourite).toBe(true);

    const revoked = await api.graphql(`mutation($clientId: String!) { revokeAuthorizedApp(clientId: $clientId) }`, { clientId }, { cookie: reader.cookie });
    expect(revoked.data!.revokeAuthorizedApp).toBe(true);
    expect(((await movierec.request(MeDocument).catch((error: unknown) => error)) as MovierecError).status).toBe(401);
    const refresh = await oauth.refresh(tokens.refreshToken!).catch((error: unknown) => error);
    expect((refresh as MovierecOAuthError).error).toBe("invalid_grant");
  });

  it("an app acts as the person, never as an admin, and cannot manage the person's credentials", async () => {
    const admin = await api.createUser({ role: "ADMIN" });
    const oauth = oauthClient();
    const device = await oauth.startDeviceAuthorization({ scopes: ["read", "write"] });
    await api.graphql(
      `mutation($code: String!, $userId: ID!) { completeOAuthDevice(userCode: $code, userId: $userId, approve: true) }`,
      { code: device.userCode, userId: admin.id },
      webServer,
    );
    const { accessToken } = await oauth.waitForDeviceAuthorization(device);
    const asApp = (query: string, variables: Record<string, unknown> = {}) => api.graphql(query, variables, { token: accessToken });
    // It writes the person's lists (its write scope)…
    expect((await asApp(`mutation($id: ID!) { addFavourite(media: { id: $id }) { isFavourite } }`, { id: movieId })).data?.addFavourite.isFavourite).toBe(true);
    // …but mints no token that would outlive its access, and touches none of the person's credentials.
    const refusals = {
      createApiToken: `mutation { createApiToken(input: { name: "Keeps working" }) { secret } }`,
      revokeApiToken: `mutation { revokeApiToken(id: "00000000-0000-4000-8000-000000000000") { id } }`,
      registerOAuthApp: `mutation { registerOAuthApp(input: { name: "In their name", redirectUris: ["http://127.0.0.1:1/cb"] }) { id } }`,
      revokeAuthorizedApp: `mutation($clientId: String!) { revokeAuthorizedApp(clientId: $clientId) }`,
      signOutEverywhere: `mutation { signOutEverywhere }`,
    };
    for (const [name, query] of Object.entries(refusals)) {
      const refused = await asApp(query, { clientId });
      expect(refused.errors?.[0]?.extensions?.code, name).toBe("FORBIDDEN");
      expect(refused.errors?.[0]?.message, name).toMatch(/An app's OAuth token cannot/);
    }
    expect(await api.services.prisma.apiToken.count({ where: { userId: admin.id, name: "Keeps working" } })).toBe(0);
    // The admin's own API token sees the admin schema; the app allowed by the admin does not.
    const adminOnly = `{ ingestStatus { queues { name } } }`;
    expect((await api.graphql(adminOnly, {}, { token: admin.token })).errors).toBeUndefined();
    expect((await asApp(adminOnly)).errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect((await fetch(`${api.url}/admin/queues/api/queues`, { headers: { authorization: `Bearer ${accessToken}` } })).status).toBe(403);
  });

  it("stores no code or token, only their hashes", async () => {
    const oauth = oauthClient();
    const { device, tokens } = await allowDevice(oauth, person.id);
    const stored = JSON.stringify(await api.services.prisma.oAuthRecord.findMany());
    for (const secret of [device.deviceCode, device.userCode.replace("-", ""), tokens.accessToken, tokens.refreshToken!]) expect(stored).not.toContain(secret);
    expect(stored).toContain("AccessToken:");
  });

  it("refuses what a standards-compliant server must: no PKCE, an unregistered redirect URI, a bad app registration", async () => {
    const as = await oauthClient().discover();
    const authorize = (params: Record<string, string>) =>
      fetch(`${as.authorization_endpoint}?${new URLSearchParams({ client_id: clientId, response_type: "code", scope: "read", ...params })}`, {
        redirect: "manual",
      });
    const noPkce = await authorize({ redirect_uri: REDIRECT_URI });
    expect(noPkce.status).toBe(303);
    expect(new URL(noPkce.headers.get("location")!).searchParams.get("error")).toBe("invalid_request");
    // Never redirected to a URI the app did not register: an error page instead.
    const elsewhere = await authorize({ redirect_uri: "https://attacker.example/cb", code_challenge: "x".repeat(43), code_challenge_method: "S256" });
    expect(elsewhere.status).toBe(400);
    expect(await elsewhere.text()).toContain("could not be authorized");

    const insecure = await api.graphql(
      `mutation { registerOAuthApp(input: { name: "Leaky", redirectUris: ["http://app.example.com/cb"] }) { id } }`,
      {},
      { token: developer.token },
    );
    expect(insecure.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(insecure.errors?.[0]?.message).toContain("https");
  });

  it("deleting an app ends every token it holds", async () => {
    const created = await api.graphql(
      `mutation { registerOAuthApp(input: { name: "Short-lived", redirectUris: ["com.example.shortlived:/cb"] }) { id clientId } }`,
      {},
      { token: developer.token },
    );
    const app = created.data!.registerOAuthApp;
    const oauth = createMovierecOAuth({ issuer: `${api.url}/oauth`, clientId: app.clientId });
    const { tokens } = await allowDevice(oauth, person.id);
    const movierec = createMovierecClient({ url: `${api.url}/graphql`, token: tokens.accessToken });
    expect((await movierec.request(MeDocument)).me?.email).toBe(person.email);

    const deleted = await api.graphql(`mutation($id: ID!) { deleteOAuthApp(id: $id) { id } }`, { id: app.id }, { token: developer.token });
    expect(deleted.errors).toBeUndefined();
    expect(((await movierec.request(MeDocument).catch((error: unknown) => error)) as MovierecError).status).toBe(401);
    expect(await api.services.prisma.oAuthRecord.count({ where: { clientId: app.clientId } })).toBe(0);
  });

  it("a developer who deletes their account takes their apps and every token people gave them", async () => {
    const leaving = await api.createUser({ password: "a long enough password" });
    const created = await api.graphql(
      `mutation { registerOAuthApp(input: { name: "Orphan", redirectUris: ["https://orphan.example/cb"] }) { clientId } }`,
      {},
      { token: leaving.token },
    );
    const oauth = createMovierecOAuth({ issuer: `${api.url}/oauth`, clientId: created.data!.registerOAuthApp.clientId });
    const movierec = createMovierecClient({ url: `${api.url}/graphql`, token: (await allowDevice(oauth, person.id)).tokens.accessToken });
    expect((await movierec.request(MeDocument)).me?.email).toBe(person.email);

    const deleted = await api.graphql(`mutation { deleteAccount(input: { password: "a long enough password" }) }`, {}, { token: leaving.token });
    expect(deleted.errors).toBeUndefined();
    expect(((await movierec.request(MeDocument).catch((error: unknown) => error)) as MovierecError).status).toBe(401);
  });
});

describe("OAuth endpoints under load", () => {
  it("are rate limited per address, apart from GraphQL's budget", async () => {
    const limited = await startTestApi({ catalogueSize: 50, env: { API_RATE_LIMIT_PER_MINUTE_IP: "3" } });
    try {
      const metadata = () => fetch(`${limited.url}/.well-known/oauth-authorization-server/oauth`);
      const statuses = [];
      for (let index = 0; index < 4; index += 1) statuses.push((await metadata()).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect((await limited.graphql(`{ genres(type: MOVIE) { id } }`)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
