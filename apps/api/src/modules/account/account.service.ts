// Deleting an account: every row of the person goes (the user row, and with it by foreign-key
// cascade their provider links, web sessions, API tokens, preferences and interactions), their
// stored rankings in Redis go, and every API process forgets their credentials at once
// (caller-cache.ts), so no token or cookie of theirs works after the answer.
//
// It must be confirmed: with the account's password, or, for an account that signs in only with a
// provider (no password), by a web session started within FRESH_SIGN_IN_MINUTES (the web app sends
// the person through the provider's sign-in again first).
import type { AppServices } from "../../app-services.ts";
import { forbidden } from "../../errors.ts";
import { checkOwnPassword } from "../auth/password.service.ts";
import type { Viewer } from "../auth/viewer.types.ts";
import { SESSION_DAYS } from "../auth/web-session.service.ts";
import { getUser } from "../auth/user.service.ts";
import { forgetRankings } from "../recommendations/recommendation.cache.ts";

type Deps = Pick<AppServices, "prisma" | "callers" | "signInThrottle" | "redis" | "config" | "logger">;

export const FRESH_SIGN_IN_MINUTES = 10;

/** Deletes the caller's account after checking the confirmation; true when it is gone. */
export async function deleteAccount(deps: Deps, input: { viewer: Viewer; password: string | null; clientIp: string }): Promise<boolean> {
  const { viewer } = input;
  const user = await getUser(deps, { userId: viewer.userId });
  if (user.passwordHash) {
    if (!input.password) throw forbidden("Enter your password to delete your account.");
    const ok = await checkOwnPassword(deps, { email: user.email, passwordHash: user.passwordHash, password: input.password, clientIp: input.clientIp });
    if (!ok) throw forbidden("That is not your password; your account was not deleted.");
  } else if (!(await signedInJustNow(deps, viewer))) {
    throw forbidden(`Your account signs in with a provider: sign in again (within the last ${FRESH_SIGN_IN_MINUTES} minutes, in the web app) to delete it.`);
  }
  // The person's apps go too, and with them the grants other people gave those apps.
  const appGrants = await deps.prisma.oAuthRecord.findMany({ where: { kind: "Grant", app: { userId: user.id } }, select: { grantId: true } });
  await deps.prisma.user.deleteMany({ where: { id: user.id } });
  await deps.callers.end({ kind: "user", id: user.id });
  for (const { grantId } of appGrants) if (grantId) await deps.callers.end({ kind: "token", id: grantId });
  await forgetRankings(deps, user.id);
  deps.logger.info({ userId: user.id }, "account deleted");
  return true;
}

/** Whether the caller's web session began within FRESH_SIGN_IN_MINUTES (sessions last SESSION_DAYS from sign-in). */
async function signedInJustNow(deps: Pick<Deps, "prisma">, viewer: Viewer): Promise<boolean> {
  if (viewer.via !== "session" || !viewer.sessionId) return false;
  const session = await deps.prisma.session.findFirst({ where: { id: viewer.sessionId, userId: viewer.userId }, select: { expires: true } });
  if (!session) return false;
  const startedAt = session.expires.getTime() - SESSION_DAYS * 86_400_000;
  return Date.now() - startedAt <= FRESH_SIGN_IN_MINUTES * 60_000;
}
