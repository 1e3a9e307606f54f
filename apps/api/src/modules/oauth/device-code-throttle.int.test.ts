// The device page's code lookups are rate-limited per signed-in person (RFC 8628 §5.1): after
// DEVICE_CODE_GUESSES codes that match no device, the person's lookups — a right code's too —
// answer RATE_LIMITED with a wait, while other people's still work; guesses sent at once get no
// more. Over HTTP, as the web's /activate page asks.
import { createMovierecOAuth } from "@movierec/client";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestApi, TEST_AUTH_SECRET, type TestApi } from "../../test-support/api-harness.ts";
import { INTERNAL_KEY_HEADER, internalKey } from "../auth/oauth-account.service.ts";
import { DEVICE_CODE_GUESS_SECONDS, DEVICE_CODE_GUESSES } from "./device-code-throttle.ts";

const webServer = { headers: { [INTERNAL_KEY_HEADER]: internalKey(TEST_AUTH_SECRET) } };
let api: TestApi;
let clientId: string;

beforeAll(async () => {
  api = await startTestApi({ catalogueSize: 50 });
  const developer = await api.createUser();
  const registered = await api.graphql(
    `mutation($input: RegisterOAuthAppInput!) { registerOAuthApp(input: $input) { clientId } }`,
    { input: { name: "Living-room TV", redirectUris: ["http://127.0.0.1:9876/callback"] } },
    { token: developer.token },
  );
  clientId = registered.data!.registerOAuthApp.clientId;
});
afterAll(() => api?.close());

const lookUp = (code: string, userId: string) =>
  api.graphql(`query($code: String!, $userId: ID!) { oauthDeviceRequest(userCode: $code, userId: $userId) { appName } }`, { code, userId }, webServer);
const allow = (code: string, userId: string) =>
  api.graphql(`mutation($code: String!, $userId: ID!) { completeOAuthDevice(userCode: $code, userId: $userId, approve: true) }`, { code, userId }, webServer);

it("a person who has typed too many codes that match no device is refused, a right code too, and others are not", async () => {
  const guesser = await api.createUser();
  const other = await api.createUser();
  const device = await createMovierecOAuth({ issuer: `${api.url}/oauth`, clientId }).startDeviceAuthorization({ scopes: ["read"] });

  for (let guess = 0; guess < DEVICE_CODE_GUESSES; guess++) {
    const wrong = await lookUp(`BCDF-GHJ${"KLMNPQRSTV"[guess]}`, guesser.id);
    expect(wrong.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  }
  const refused = await lookUp(device.userCode, guesser.id);
  expect(refused.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
  expect(refused.errors?.[0]?.message).toMatch(/Too many codes that matched no device/);
  const wait = refused.errors?.[0]?.extensions?.retryAfterSeconds as number;
  expect(wait).toBeGreaterThan(DEVICE_CODE_GUESS_SECONDS - 60);
  expect(wait).toBeLessThanOrEqual(DEVICE_CODE_GUESS_SECONDS);
  // Allowing goes through the same lookup: a guess that hits cannot be approved either.
  expect((await allow(device.userCode, guesser.id)).errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");

  // Someone else, with the same right code, is not held back by the guesser.
  expect((await lookUp(device.userCode, other.id)).data?.oauthDeviceRequest).toEqual({ appName: "Living-room TV" });
  expect((await allow(device.userCode, other.id)).data?.completeOAuthDevice).toBe(true);
});

it("right codes and mistyped-but-found codes never count against the person", async () => {
  const person = await api.createUser();
  const oauth = createMovierecOAuth({ issuer: `${api.url}/oauth`, clientId });
  for (let round = 0; round < DEVICE_CODE_GUESSES + 2; round++) {
    const device = await oauth.startDeviceAuthorization({ scopes: ["read"] });
    // Lower case and a space instead of the dash: the same code.
    const typed = device.userCode.toLowerCase().replace("-", " ");
    expect((await lookUp(typed, person.id)).data?.oauthDeviceRequest).toEqual({ appName: "Living-room TV" });
  }
});

it("guesses sent all at once get no more than DEVICE_CODE_GUESSES answers", async () => {
  const guesser = await api.createUser();
  const letters = "BCDFGHJKLMNPQRSTVWXZ";
  const guesses = Array.from({ length: 3 * DEVICE_CODE_GUESSES }, (_, index) => `ZZZZ-ZZ${letters[index % 20]}${letters[Math.floor(index / 20)]}`);
  const answers = await Promise.all(guesses.map((code) => lookUp(code, guesser.id)));
  const codes = answers.map((answer) => answer.errors?.[0]?.extensions?.code);
  expect(codes.filter((code) => code === "NOT_FOUND")).toHaveLength(DEVICE_CODE_GUESSES);
  expect(codes.filter((code) => code === "RATE_LIMITED")).toHaveLength(2 * DEVICE_CODE_GUESSES);
});
