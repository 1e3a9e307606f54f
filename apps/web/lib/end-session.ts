"use server";
// Sign out, first step: the header's Sign out button (components/sign-out-button.tsx) ends this
// browser's web session at the API before next-auth clears the cookie. next-auth's own signOut event
// swallows a failure, so with the API away the cookie would go while the session stayed live at the
// API, and a copy of the cookie kept working. Here a failure is said, and the person stays signed in
// to try again. (Next.js checks a server action's Origin, so another site cannot sign anyone out.)
import { cookies, headers } from "next/headers";
import { getToken } from "next-auth/jwt";
import { endWebSession } from "./auth-options";
import { serverEnv } from "./env";
import { describeForLog, logger } from "./logger";

/** True when this browser's session has ended (or there was none); false when the API could not end it. */
export async function endThisWebSession(): Promise<boolean> {
  const jar = await cookies();
  const request = { cookies: jar, headers: await headers() };
  // The cookie under the name this browser holds it by: next-auth names it __Secure-… when its URL
  // (NEXTAUTH_URL, or the host it trusts) is https; a long one comes in chunks, which getToken joins.
  const secureCookie = jar.getAll().some((cookie) => cookie.name.startsWith("__Secure-next-auth.session-token"));
  const token = await getToken({ req: request as unknown as Parameters<typeof getToken>[0]["req"], secret: serverEnv().AUTH_SECRET, secureCookie });
  if (typeof token?.sid !== "string") return true;
  try {
    await endWebSession(token.sid);
    return true;
  } catch (error) {
    logger.warn({ err: describeForLog(error) }, "sign-out: the API did not end the web session; the person stays signed in");
    return false;
  }
}
