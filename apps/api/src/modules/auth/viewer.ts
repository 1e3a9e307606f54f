// Who is calling: a personal API token (Authorization: Bearer mr_…), or the web app's next-auth
// session cookie (a JWT encrypted with AUTH_SECRET), or nobody.
import { decode } from "next-auth/jwt";
import type { PrismaClient } from "../../db.ts";
import { unauthenticated } from "../../errors.ts";
import { verifyApiToken } from "./api-token.service.ts";
import { liveSessionUser } from "./web-session.service.ts";

export type Role = "USER" | "ADMIN";

export interface Viewer {
  userId: string;
  role: Role;
  via: "api-token" | "session";
  tokenId?: string;
}

const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

/** A cookie value as sent when it is not valid %-encoding (another app's cookie on the same host may not be). */
function decodeCookieValue(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of header?.split(";") ?? []) {
    const index = part.indexOf("=");
    if (index > 0) cookies.set(part.slice(0, index).trim(), decodeCookieValue(part.slice(index + 1).trim()));
  }
  return cookies;
}

/** next-auth splits large session cookies into name.0, name.1, … */
function sessionToken(cookies: Map<string, string>): string | undefined {
  for (const name of SESSION_COOKIES) {
    if (cookies.has(name)) return cookies.get(name);
    const chunks = [...cookies.keys()].filter((key) => key.startsWith(`${name}.`)).sort((a, b) => Number(a.split(".").pop()) - Number(b.split(".").pop()));
    if (chunks.length) return chunks.map((key) => cookies.get(key)).join("");
  }
  return undefined;
}

export async function resolveViewer(options: {
  prisma: PrismaClient;
  authSecret: string | undefined;
  authorization: string | undefined;
  cookie: string | undefined;
}): Promise<Viewer | null> {
  const { prisma } = options;
  if (options.authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(options.authorization.trim());
    if (!match?.[1]) throw unauthenticated("The Authorization header must be `Bearer <personal API token>`.").withHttpStatus();
    const token = await verifyApiToken({ prisma }, match[1]);
    if (!token)
      throw unauthenticated(
        "That API token is not valid: it may have been revoked or have expired. Create a new one in Settings → API tokens.",
      ).withHttpStatus();
    return { userId: token.userId, role: token.role, via: "api-token", tokenId: token.tokenId };
  }
  const token = options.authSecret ? sessionToken(parseCookies(options.cookie)) : undefined;
  if (!token || !options.authSecret) return null;
  // An expired or tampered cookie is the same as no cookie: the request is anonymous. So is one
  // whose web session has ended (signed out, or signed out everywhere): web-session.service.ts.
  const payload = await decode({ token, secret: options.authSecret }).catch(() => null);
  if (!payload?.sub) return null;
  const user = await liveSessionUser({ prisma }, { sessionId: payload.sid, userId: payload.sub });
  return user ? { userId: user.id, role: user.role, via: "session" } : null;
}
