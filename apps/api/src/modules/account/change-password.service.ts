// Changing one's password, from the web app only (a token's holder must not take the account over),
// confirmed with the current password (throttled like a sign-in). Every other web session of the
// person ends at once, so a device signed in with the old password is signed out; the one making
// the change stays signed in. API tokens are separate credentials and stay (Settings lists them).
import { hash } from "@node-rs/argon2";
import type { AppServices } from "../../app-services.ts";
import { badInput, forbidden } from "../../errors.ts";
import { checkOwnPassword, PASSWORD_MIN_LENGTH } from "../auth/password.service.ts";
import type { Viewer } from "../auth/viewer.types.ts";
import { getUser } from "../auth/user.service.ts";

type Deps = Pick<AppServices, "prisma" | "callers" | "signInThrottle">;

/** Returns how many other web sessions were ended. */
export async function changePassword(deps: Deps, input: { viewer: Viewer; currentPassword: string; newPassword: string; clientIp: string }): Promise<number> {
  const { viewer } = input;
  if (viewer.via !== "session" || !viewer.sessionId) throw forbidden("Change your password in the web app's Settings, signed in: tokens cannot.");
  const user = await getUser(deps, { userId: viewer.userId });
  if (!user.passwordHash) throw badInput("Your account signs in with a provider and has no password to change.", { argument: "currentPassword" });
  if (input.newPassword.length < PASSWORD_MIN_LENGTH || input.newPassword.length > 200)
    throw badInput(`Passwords need ${PASSWORD_MIN_LENGTH} to 200 characters.`, { argument: "newPassword" });
  if (input.newPassword === input.currentPassword) throw badInput("The new password is the same as the current one.", { argument: "newPassword" });
  const ok = await checkOwnPassword(deps, { email: user.email, passwordHash: user.passwordHash, password: input.currentPassword, clientIp: input.clientIp });
  if (!ok) throw forbidden("That is not your current password; nothing was changed.");
  const passwordHash = await hash(input.newPassword);
  // The sessions ended are the ones deleted, read back from the same statement: a session started
  // between a separate read and the delete would otherwise be deleted without being announced, or
  // (read first) survive the change.
  const [, others] = await deps.prisma.$transaction([
    deps.prisma.user.update({ where: { id: user.id }, data: { passwordHash } }),
    deps.prisma.$queryRaw<Array<{ id: string }>>`
      DELETE FROM session WHERE user_id = ${user.id}::uuid AND id <> ${viewer.sessionId}::uuid RETURNING id::text AS id`,
  ]);
  for (const session of others) await deps.callers.end({ kind: "session", id: session.id });
  return others.length;
}
