// Web sessions that can end: next-auth's cookie is a stateless JWT, so each sign-in also gets a row
// in `session`, and the cookie carries its id (`sid`). The API believes a cookie only while its row
// is there (viewer.ts, in the same statement that reads the user's role), and the web server asks
// whether it still is before it trusts the cookie itself (lib/auth-options.ts). Signing out deletes
// the row; "sign out everywhere" deletes all of a person's rows. Rows end SESSION_DAYS after sign-in.
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "../../db.ts";
import { AppError, badInput } from "../../errors.ts";
import type { CallerCache } from "./caller-cache.ts";

/** How long a web session lasts from sign-in (next-auth's cookie lasts as long). */
export const SESSION_DAYS = 30;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Deps = { prisma: PrismaClient };
type EndDeps = Deps & { callers: CallerCache };

const newSession = (userId: string) => ({
  userId,
  sessionToken: randomBytes(32).toString("base64url"),
  expires: new Date(Date.now() + SESSION_DAYS * 86_400_000),
});

/** A new session for this user (the web server's sign-in with a provider); its id goes into the cookie. */
export async function startWebSession({ prisma }: Deps, input: { userId: string }): Promise<string> {
  if (!UUID.test(input.userId)) throw badInput("userId is not a user id.", { argument: "userId" });
  const session = await prisma.session.create({ data: newSession(input.userId), select: { id: true } });
  return session.id;
}

/**
 * A new session for a password sign-in, started only while the account's password is still the one
 * just checked (`passwordHash`, as the sign-in read it): a password change in between refuses it.
 * The account's row stays share-locked until the session is in, so a change that comes meanwhile
 * waits, then deletes the new session with the account's others (change-password.service.ts); a
 * change that came first leaves a hash this one no longer matches.
 */
export async function startPasswordWebSession({ prisma }: Deps, input: { userId: string; passwordHash: string }): Promise<string> {
  return prisma.$transaction(async (tx) => {
    const unchanged = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT id::text AS id FROM "user" WHERE id = ${input.userId}::uuid AND password_hash = ${input.passwordHash} FOR SHARE`;
    if (unchanged.length === 0) throw new AppError("UNAUTHENTICATED", "This account's password changed while you were signing in. Sign in with the new one.");
    return (await tx.session.create({ data: newSession(input.userId), select: { id: true } })).id;
  });
}

/** The user and role behind a live session of theirs, or null (ended, expired, or not theirs). One statement. */
export async function liveSessionUser({ prisma }: Deps, input: { sessionId: unknown; userId: string }) {
  if (typeof input.sessionId !== "string" || !UUID.test(input.sessionId) || !UUID.test(input.userId)) return null;
  const session = await prisma.session.findFirst({
    where: { id: input.sessionId, userId: input.userId, expires: { gt: new Date() } },
    select: { expires: true, user: { select: { id: true, role: true } } },
  });
  return session ? { ...session.user, expires: session.expires } : null;
}

/** Ends one session (signing out); ending one that is gone is fine. Every API process drops it at once. */
export async function endWebSession({ prisma, callers }: EndDeps, input: { sessionId: string }): Promise<boolean> {
  if (!UUID.test(input.sessionId)) return false;
  const { count } = await prisma.session.deleteMany({ where: { id: input.sessionId } });
  await callers.end({ kind: "session", id: input.sessionId });
  return count > 0;
}

/** Ends every web session of this user ("sign out everywhere"); returns how many there were. */
export async function endAllWebSessions({ prisma, callers }: EndDeps, input: { userId: string }): Promise<number> {
  const { count } = await prisma.session.deleteMany({ where: { userId: input.userId } });
  // Drops the person's cached tokens too (they are re-read once: only sessions ended).
  await callers.end({ kind: "user", id: input.userId });
  return count;
}
