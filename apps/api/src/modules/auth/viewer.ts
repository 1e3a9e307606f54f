// Who is calling: a personal API token (Authorization: Bearer mr_…), a third-party app's OAuth
// access token (Authorization: Bearer <anything else>), or the web app's next-auth session cookie (a JWT encrypted with AUTH_SECRET), or nobody. What a credential was found to be
// is kept briefly per process (caller-cache.ts), so a busy client is looked up once, not per request.
import { createHash } from "node:crypto";
import { decode } from "next-auth/jwt";
import type { PrismaClient } from "../../db.ts";
import { unauthenticated } from "../../errors.ts";
import { verifyOAuthAccessToken } from "../oauth/oauth-access-tokens.ts";
import { API_TOKEN_PREFIX, hashApiToken, verifyApiToken } from "./api-token.service.ts";
import type { CallerCache } from "./caller-cache.ts";
import { SCOPES, type Viewer } from "./viewer.types.ts";
import { liveSessionUser } from "./web-session.service.ts";

export type { Role, Scope, Viewer } from "./viewer.types.ts";

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

/** Who a bearer token belongs to: a personal API token (mr_…), else an app's OAuth access token; with why not when it is neither. */
async function bearerCredential(prisma: PrismaClient, secret: string): Promise<{ viewer?: Viewer; expiresAt?: Date | null; refusal: string }> {
  if (secret.startsWith(API_TOKEN_PREFIX)) {
    const token = await verifyApiToken({ prisma }, secret);
    return {
      viewer: token
        ? { userId: token.userId, role: token.role, via: "api-token", tokenId: token.tokenId, scopes: token.scopes, expiresAt: token.expiresAt }
        : undefined,
      expiresAt: token?.expiresAt,
      refusal: "That API token is not valid: it may have been revoked or have expired. Create a new one in Settings → API tokens.",
    };
  }
  const access = await verifyOAuthAccessToken({ prisma }, secret);
  return {
    // tokenId is the grant: revoking the app ends every token of it (caller-cache.ts). An app acts as
    // a person, never as an admin: an admin's allowing an app does not give it the admin schema or
    // the queue dashboard.
    viewer: access ? { userId: access.userId, role: "USER", via: "oauth", tokenId: access.grantId, scopes: access.scopes } : undefined,
    expiresAt: access?.expiresAt,
    refusal:
      "That token is not valid. An app's OAuth access token may have expired (use the refresh token) or its access been revoked (authorize again); personal API tokens start with mr_ (create a new one in Settings → API tokens).",
  };
}

export async function resolveViewer(options: {
  prisma: PrismaClient;
  callers: CallerCache;
  authSecret: string | undefined;
  authorization: string | undefined;
  cookie: string | undefined;
}): Promise<Viewer | null> {
  const { prisma, callers } = options;
  if (options.authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(options.authorization.trim());
    if (!match?.[1]) throw unauthenticated("The Authorization header must be `Bearer <API token or OAuth access token>`.").withHttpStatus();
    const key = `token:${hashApiToken(match[1])}`;
    const cached = callers.get(key);
    if (cached) return cached;
    const lookup = callers.startLookup();
    const found = await bearerCredential(prisma, match[1]);
    if (!found.viewer) throw unauthenticated(found.refusal).withHttpStatus();
    callers.set(key, found.viewer, { lookup, expiresAt: found.expiresAt });
    return found.viewer;
  }
  const token = options.authSecret ? sessionToken(parseCookies(options.cookie)) : undefined;
  if (!token || !options.authSecret) return null;
  const key = `cookie:${createHash("sha256").update(token).digest("base64url")}`;
  const cached = callers.get(key);
  if (cached) return cached;
  const lookup = callers.startLookup();
  // An expired or tampered cookie is the same as no cookie: the request is anonymous. So is one
  // whose web session has ended (signed out, or signed out everywhere): web-session.service.ts.
  const payload = await decode({ token, secret: options.authSecret }).catch(() => null);
  if (!payload?.sub) return null;
  const user = await liveSessionUser({ prisma }, { sessionId: payload.sid, userId: payload.sub });
  if (!user) return null;
  const viewer: Viewer = { userId: user.id, role: user.role, via: "session", sessionId: payload.sid as string, scopes: SCOPES };
  const cookieExpires = typeof payload.exp === "number" ? payload.exp * 1000 : Number.POSITIVE_INFINITY;
  const expiresAt = new Date(Math.min(user.expires.getTime(), cookieExpires));
  callers.set(key, viewer, { lookup, expiresAt, sessionId: payload.sid as string });
  return viewer;
}
