// The signed-in person's own account record.
import type { PrismaClient } from "../../db.ts";
import { unauthenticated } from "../../errors.ts";

/** The caller's account; UNAUTHENTICATED when it no longer exists (a token outliving its account). */
export async function getUser(deps: { prisma: PrismaClient }, input: { userId: string }) {
  const user = await deps.prisma.user.findUnique({ where: { id: input.userId } });
  if (!user) throw unauthenticated();
  return user;
}
