// Changing one's email address (the sign-in name), from the web app only (a token's holder must not
// take the account over), confirmed with the password (throttled like a sign-in). Sessions and
// tokens stay; the next sign-in uses the new address. Accounts that sign in with a provider take
// their address from it, so they have none to change here.
import type { AppServices } from "../../app-services.ts";
import { badInput, forbidden } from "../../errors.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { checkOwnPassword, parseEmail } from "../auth/password.service.ts";
import type { Viewer } from "../auth/viewer.types.ts";
import { getUser } from "../auth/user.service.ts";

type Deps = Pick<AppServices, "prisma" | "signInThrottle">;

export async function changeEmail(deps: Deps, input: { viewer: Viewer; newEmail: string; password: string; clientIp: string }) {
  const { viewer } = input;
  if (viewer.via !== "session" || !viewer.sessionId) throw forbidden("Change your email in the web app's Settings, signed in: tokens cannot.");
  const user = await getUser(deps, { userId: viewer.userId });
  if (!user.passwordHash) throw badInput("Your account signs in with a provider, which gives its email address; change it there.", { argument: "newEmail" });
  const email = parseEmail(input.newEmail, "newEmail");
  if (email === user.email) throw badInput("That is already your email address.", { argument: "newEmail" });
  const ok = await checkOwnPassword(deps, { email: user.email, passwordHash: user.passwordHash, password: input.password, clientIp: input.clientIp });
  if (!ok) throw forbidden("That is not your password; nothing was changed.");
  try {
    return await deps.prisma.user.update({ where: { id: user.id }, data: { email } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw badInput("An account with that email already exists.", { argument: "newEmail" });
    throw error;
  }
}
