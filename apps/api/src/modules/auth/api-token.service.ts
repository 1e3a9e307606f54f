// Personal API tokens for third-party clients and the playground. The secret ("mr_" + 32 random
// bytes) is shown once at creation; only its SHA-256 is stored (a high-entropy secret needs no
// slow hash), so a leaked database does not leak usable tokens.
import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "../../db.ts";
import { badInput, notFound } from "../../errors.ts";
import type { CallerCache } from "./caller-cache.ts";
import { SCOPES, type Scope } from "./viewer.types.ts";

export const API_TOKEN_PREFIX = "mr_";
const MAX_TOKENS_PER_USER = 25;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function hashApiToken(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export async function createApiToken(
  { prisma }: { prisma: PrismaClient },
  input: { userId: string; name: string; expiresAt?: Date | null; scopes?: readonly Scope[] },
) {
  const active = await prisma.apiToken.count({ where: { userId: input.userId, revokedAt: null } });
  if (active >= MAX_TOKENS_PER_USER) {
    throw badInput(`You already have ${MAX_TOKENS_PER_USER} active API tokens. Revoke one you no longer use first.`);
  }
  const secret = API_TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const token = await prisma.apiToken.create({
    data: {
      userId: input.userId,
      name: input.name,
      prefix: secret.slice(0, 10),
      tokenHash: hashApiToken(secret),
      expiresAt: input.expiresAt ?? null,
      scopes: [...(input.scopes ?? SCOPES)],
    },
  });
  return { token, secret };
}

export function listApiTokens({ prisma }: { prisma: PrismaClient }, input: { userId: string }) {
  return prisma.apiToken.findMany({ where: { userId: input.userId }, orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }] });
}

/** Revoking twice is fine; another user's token is "not found", never "forbidden". Every API process stops accepting it at once. */
export async function revokeApiToken({ prisma, callers }: { prisma: PrismaClient; callers: CallerCache }, input: { userId: string; tokenId: string }) {
  // Ids are UUIDs; anything else would make Postgres fail the query (an internal error), not "not found".
  if (!UUID.test(input.tokenId)) throw notFound("No API token with that id.");
  const token = await prisma.apiToken.findFirst({ where: { id: input.tokenId, userId: input.userId } });
  if (!token) throw notFound("No API token with that id.");
  if (token.revokedAt) return token;
  const revoked = await prisma.apiToken.update({ where: { id: token.id }, data: { revokedAt: new Date() } });
  await callers.end({ kind: "token", id: token.id });
  return revoked;
}

/**
 * The user (and their role) a bearer secret belongs to, or null for an unknown, revoked or expired
 * token. One statement on the hot path: the user's role comes with the token.
 */
export async function verifyApiToken(
  { prisma }: { prisma: PrismaClient },
  secret: string,
): Promise<{ userId: string; tokenId: string; role: "USER" | "ADMIN"; expiresAt: Date | null; scopes: Scope[] } | null> {
  if (!secret.startsWith(API_TOKEN_PREFIX) || secret.length > 200) return null;
  // (Prisma would fetch the relation with a second statement.)
  const [token] = await prisma.$queryRaw<
    Array<{ id: string; user_id: string; revoked_at: Date | null; expires_at: Date | null; last_used_at: Date | null; role: "USER" | "ADMIN"; scopes: Scope[] }>
  >`
    SELECT t.id::text, t.user_id::text, t.revoked_at, t.expires_at, t.last_used_at, CASE u.role WHEN 'admin' THEN 'ADMIN' ELSE 'USER' END AS role, t.scopes
      FROM api_token t JOIN "user" u ON u.id = t.user_id
     WHERE t.token_hash = ${hashApiToken(secret)}`;
  if (!token || token.revoked_at || (token.expires_at && token.expires_at <= new Date())) return null;
  // Recorded at most once a minute per token, so busy clients do not write on every request.
  if (!token.last_used_at || Date.now() - token.last_used_at.getTime() > 60_000) {
    void prisma.$executeRaw`UPDATE api_token SET last_used_at = now() WHERE id = ${token.id}::uuid AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`.catch(
      () => {},
    );
  }
  return { userId: token.user_id, tokenId: token.id, role: token.role, expiresAt: token.expires_at, scopes: token.scopes };
}
