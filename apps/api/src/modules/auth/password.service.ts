// Email + password accounts for the web app's next-auth Credentials provider. Passwords are
// hashed with argon2id; a failed sign-in says the same thing whether the email exists or not.
import { hash, verify } from "@node-rs/argon2";
import type { PrismaClient } from "../../db.ts";
import { AppError, badInput } from "../../errors.ts";
import type { SignInThrottle } from "./sign-in-throttle.ts";

export const PASSWORD_MIN_LENGTH = 8;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** An email address as accounts store it (trimmed, lower-case), or BAD_USER_INPUT naming `argument`. */
export function parseEmail(raw: string, argument = "email"): string {
  const email = normaliseEmail(raw);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) throw badInput("That does not look like an email address.", { argument });
  return email;
}

export async function signUp(
  { prisma, signInThrottle }: { prisma: PrismaClient; signInThrottle: SignInThrottle },
  input: { email: string; password: string; name?: string | null; clientIp: string },
) {
  await signInThrottle.admitAddress(input.clientIp);
  const email = parseEmail(input.email);
  if (input.password.length < PASSWORD_MIN_LENGTH || input.password.length > 200) {
    throw badInput(`Passwords need ${PASSWORD_MIN_LENGTH} to 200 characters.`, { argument: "password" });
  }
  const passwordHash = await hash(input.password);
  const created = await prisma.user.createMany({ data: [{ email, name: input.name?.trim() || null, passwordHash }], skipDuplicates: true });
  if (!created.count) throw badInput("An account with that email already exists. Sign in instead.", { argument: "email" });
  return prisma.user.findUniqueOrThrow({ where: { email } });
}

/**
 * The account with this email and password. Throttled (sign-in-throttle.ts) per address and per
 * email, whatever credential the request carries: a locked email is refused before any hashing.
 */
export async function signIn(
  { prisma, signInThrottle }: { prisma: PrismaClient; signInThrottle: SignInThrottle },
  input: { email: string; password: string; clientIp: string },
) {
  const email = normaliseEmail(input.email);
  await signInThrottle.admit({ email, ip: input.clientIp });
  const user = await prisma.user.findUnique({ where: { email } });
  // Verify against a dummy hash when there is no user, so timing does not reveal which emails exist.
  dummyHash ??= hash("no account has this password");
  const ok = await verify(user?.passwordHash ?? (await dummyHash), input.password).catch(() => false);
  if (!user?.passwordHash || !ok) {
    await signInThrottle.failed(email);
    throw new AppError("UNAUTHENTICATED", "Wrong email or password.");
  }
  await signInThrottle.succeeded(email);
  return user;
}

let dummyHash: Promise<string> | undefined;

/**
 * Whether `password` is this account's, throttled like a sign-in (a stolen session cannot try
 * passwords faster than the sign-in page can): RATE_LIMITED when the account is locked.
 */
export async function checkOwnPassword(
  { signInThrottle }: { signInThrottle: SignInThrottle },
  input: { email: string; passwordHash: string; password: string; clientIp: string },
): Promise<boolean> {
  await signInThrottle.admit({ email: input.email, ip: input.clientIp });
  const ok = await verify(input.passwordHash, input.password).catch(() => false);
  await (ok ? signInThrottle.succeeded(input.email) : signInThrottle.failed(input.email));
  return ok;
}
