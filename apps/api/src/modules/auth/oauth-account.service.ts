// Accounts from OAuth providers (GitHub, …) signed in through the web app's next-auth. Called only
// by the web server (proved by a key derived from the shared AUTH_SECRET), never by browsers.
import { createHash, timingSafeEqual } from "node:crypto";
import type { PrismaClient } from "../../db.ts";
import { AppError, badInput } from "../../errors.ts";
import { normaliseEmail } from "./password.service.ts";

export const INTERNAL_KEY_HEADER = "x-movierec-internal-key";

/** The key the web server sends in INTERNAL_KEY_HEADER: not the secret itself, a value derived from it. */
export function internalKey(authSecret: string): string {
  return createHash("sha256").update(`movierec-internal:${authSecret}`).digest("hex");
}

export function isInternalCaller(header: string | string[] | undefined, authSecret: string | undefined): boolean {
  if (!authSecret || typeof header !== "string") return false;
  const expected = Buffer.from(internalKey(authSecret));
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The user for an OAuth identity: the one already linked to it, or a new one. An email that
 * already belongs to another account is not taken over: that person signs in as before and can
 * link the provider later.
 */
export async function linkOAuthAccount(
  { prisma }: { prisma: PrismaClient },
  input: { provider: string; providerAccountId: string; email: string | null; name: string | null; image: string | null },
) {
  if (!/^[a-z0-9-]{1,40}$/.test(input.provider) || !input.providerAccountId || input.providerAccountId.length > 200) {
    throw badInput("provider and providerAccountId are required.");
  }
  const linked = await prisma.account.findUnique({
    where: { provider_providerAccountId: { provider: input.provider, providerAccountId: input.providerAccountId } },
    include: { user: true },
  });
  if (linked) return linked.user;
  if (!input.email) throw badInput(`Your ${input.provider} account shares no email address; make one visible there, or sign up with email and password.`);
  const email = normaliseEmail(input.email);
  if (await prisma.user.findUnique({ where: { email } })) {
    throw new AppError("FORBIDDEN", `An account with ${email} already exists. Sign in with your email and password.`);
  }
  return prisma.user.create({
    data: {
      email,
      name: input.name,
      image: input.image,
      accounts: { create: { type: "oauth", provider: input.provider, providerAccountId: input.providerAccountId } },
    },
  });
}
