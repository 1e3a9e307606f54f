// An OAuth access token on a request to the API (Authorization: Bearer <token>): whose it is and
// what it may do. One statement on the hot path, on the record the OAuth server stored (by the
// token's hash, oauth-storage.ts); the caller cache keeps the answer briefly, keyed by grant, so
// revoking an app ends its tokens in every process at once (oauth-apps.service.ts).
import type { PrismaClient } from "../../db.ts";
import type { Scope } from "../auth/viewer.types.ts";
import { hashOAuthId } from "./oauth-storage.ts";

export async function verifyOAuthAccessToken(
  { prisma }: { prisma: PrismaClient },
  token: string,
): Promise<{ userId: string; grantId: string; role: "USER" | "ADMIN"; expiresAt: Date | null; scopes: Scope[] } | null> {
  if (token.length < 20 || token.length > 200) return null;
  const [row] = await prisma.$queryRaw<Array<{ grant_id: string; account_id: string; scope: string | null; expires_at: Date | null; role: "USER" | "ADMIN" }>>`
    SELECT r.grant_id, r.account_id::text, r.scope, r.expires_at, CASE u.role WHEN 'admin' THEN 'ADMIN' ELSE 'USER' END AS role
      FROM oauth_record r JOIN "user" u ON u.id = r.account_id
     WHERE r.id = ${`AccessToken:${hashOAuthId(token)}`} AND r.consumed_at IS NULL AND (r.expires_at IS NULL OR r.expires_at > now())`;
  if (!row?.grant_id) return null;
  const granted = new Set(row.scope?.split(" "));
  const scopes: Scope[] = granted.has("write") ? ["read", "write"] : ["read"];
  return { userId: row.account_id, grantId: row.grant_id, role: row.role, expiresAt: row.expires_at, scopes };
}
