// Brute-force protection of password sign-in (sign-in-throttle.ts) through the public API.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../../test-support/api-harness.ts";
import { lockSeconds, SIGN_IN_LIMITS } from "./sign-in-throttle.ts";

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ catalogueSize: 100, env: { SIGN_IN_ATTEMPTS_PER_MINUTE_IP: "12", TRUST_PROXY: "127.0.0.1,::1" } });
});

afterAll(async () => {
  await api?.close();
});

const SIGN_UP = "mutation($input: SignUpInput!) { signUp(input: $input) { id } }";
const SIGN_IN = "mutation($input: SignInInput!) { signIn(input: $input) { id } }";

/** Sign-ins from their own address each (X-Forwarded-For, believed from the test's loopback). */
async function signIn(email: string, password: string, from: string, token?: string) {
  const result = await api.graphql(SIGN_IN, { input: { email, password } }, { token, headers: { "x-forwarded-for": from } });
  const error = result.errors?.[0];
  return {
    id: result.data?.signIn?.id as string | undefined,
    code: error?.extensions?.code,
    message: error?.message,
    retryAfter: error?.extensions?.retryAfterSeconds as number | undefined,
  };
}

describe("sign-in throttle", () => {
  it("makes an account wait after 5 wrong passwords in a row, doubling, and answers the same for an email no account has", async () => {
    const email = `locked-${Date.now()}@example.test`;
    const password = "the-right-password-1";
    expect((await api.graphql(SIGN_UP, { input: { email, password } })).errors).toBeUndefined();
    const nobody = `nobody-${Date.now()}@example.test`;
    for (const target of [email, nobody]) {
      for (let attempt = 1; attempt <= SIGN_IN_LIMITS.freeFailures + 1; attempt++)
        expect((await signIn(target, "wrong-password-1", `10.0.${attempt}.1`)).code, `${target} attempt ${attempt}`).toBe("UNAUTHENTICATED");
    }
    // The 6th failure earned a 2 s wait: even the right password is refused until it is over, from any address.
    const refused = await signIn(email, password, "10.9.9.9");
    expect(refused).toMatchObject({ code: "RATE_LIMITED", retryAfter: 2 });
    expect(refused.message).toMatch(/Too many wrong passwords for this email\. Wait 2 s/);
    const unknown = await signIn(nobody, password, "10.9.9.8");
    expect({ ...unknown, message: unknown.message }).toEqual({ ...refused, message: refused.message });
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect((await signIn(email, password, "10.9.9.9")).id).toBeDefined();
    // The right password ended the run: the next wrong one earns no wait.
    expect((await signIn(email, "wrong-password-1", "10.9.9.9")).code).toBe("UNAUTHENTICATED");
    expect((await signIn(email, password, "10.9.9.9")).id).toBeDefined();
  });

  it("counts sign-in and sign-up attempts per address whatever credential the request carries", async () => {
    const user = await api.createUser();
    const outcomes: Array<string | undefined> = [];
    for (let attempt = 0; attempt < 13; attempt++)
      outcomes.push((await signIn(`spray-${attempt}@example.test`, "wrong-password-1", "10.7.7.7", user.token)).code);
    // A valid bearer token used to move these into its user's bucket of 600 a minute.
    expect(outcomes.slice(0, 12)).toEqual(Array(12).fill("UNAUTHENTICATED"));
    expect(outcomes[12]).toBe("RATE_LIMITED");
    // Sign-ups share the address's budget (each is a hash, and each tells whether an email is taken).
    const signUp = await api.graphql(
      SIGN_UP,
      { input: { email: `new-${Date.now()}@example.test`, password: "long-enough-1" } },
      { headers: { "x-forwarded-for": "10.7.7.7" } },
    );
    expect(signUp.errors?.[0]?.message).toMatch(/^Too many sign-in or sign-up attempts from your address/);
    // Another address is not affected.
    expect((await signIn("spray-x@example.test", "wrong-password-1", "10.7.7.8", user.token)).code).toBe("UNAUTHENTICATED");
  });

  it("doubles the wait from the 6th failure on, up to 15 minutes", () => {
    expect([1, 5, 6, 7, 8, 15, 30].map(lockSeconds)).toEqual([0, 0, 2, 4, 8, 900, 900]);
  });
});
