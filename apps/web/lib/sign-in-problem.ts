// Why a sign-in did not work, as the sign-in form says it. next-auth hands the form one string:
// "CredentialsSignin" when our `authorize` refused the email and password, the message it threw
// otherwise (auth-options.ts: a wait after too many attempts, or the API not answering), and, in the
// address after a provider's round trip (GitHub), one of its own codes. Each gets its own words, so
// an API that is away is not reported as a wrong password.

/** Thrown by `authorize` when the API asks to wait: the API's own sentence follows the prefix. */
export const RATE_LIMITED_PREFIX = "RATE_LIMITED:";
/** Thrown by `authorize` when the API did not answer the check. */
export const SIGN_IN_UNAVAILABLE = "SIGN_IN_UNAVAILABLE";

/** next-auth v4's codes for a provider's sign-in that went wrong (the `error` it puts in the address). */
const PROVIDER_CODES = new Set(["OAuthSignin", "OAuthCallback", "OAuthCreateAccount", "OAuthAccountNotLinked", "Callback"]);

export type SignInProblem = "mismatch" | "unavailable" | "provider" | { wait: string };

/**
 * What to tell the person. `fromAddress`: the string came from the page's address, which anyone can
 * write, so the API's sentence is never taken from it (a link must not put its own words on the page).
 */
export function signInProblem(error: string | null | undefined, { fromAddress = false } = {}): SignInProblem | null {
  if (!error) return null;
  if (error === "CredentialsSignin") return "mismatch";
  if (PROVIDER_CODES.has(error)) return "provider";
  if (error.startsWith(RATE_LIMITED_PREFIX) && !fromAddress) return { wait: error.slice(RATE_LIMITED_PREFIX.length) };
  return "unavailable";
}
