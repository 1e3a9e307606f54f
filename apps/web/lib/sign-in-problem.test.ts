import { describe, expect, it } from "vitest";
import { RATE_LIMITED_PREFIX, SIGN_IN_UNAVAILABLE, signInProblem } from "./sign-in-problem";

describe("signInProblem", () => {
  it("says a refused email and password is a mismatch", () => {
    expect(signInProblem("CredentialsSignin")).toBe("mismatch");
  });

  it("says the API being away is not a wrong password", () => {
    expect(signInProblem(SIGN_IN_UNAVAILABLE)).toBe("unavailable");
    expect(signInProblem("fetch failed")).toBe("unavailable");
  });

  it("passes on the API's words for a wait", () => {
    expect(signInProblem(`${RATE_LIMITED_PREFIX}Too many wrong passwords: wait 2 minutes.`)).toEqual({ wait: "Too many wrong passwords: wait 2 minutes." });
  });

  it("never takes words from the address", () => {
    expect(signInProblem(`${RATE_LIMITED_PREFIX}Call 555 to unlock your account`, { fromAddress: true })).toBe("unavailable");
  });

  it("names a provider's failed round trip as such", () => {
    expect(signInProblem("OAuthCallback", { fromAddress: true })).toBe("provider");
    expect(signInProblem("OAuthAccountNotLinked", { fromAddress: true })).toBe("provider");
  });

  it("is nothing when nothing went wrong", () => {
    expect(signInProblem(undefined)).toBeNull();
    expect(signInProblem("")).toBeNull();
  });
});
