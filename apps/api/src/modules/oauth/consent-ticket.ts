// A person's answer on the consent page, carried by their browser back to the OAuth server.
//
// The answer must count only for the browser that started the authorization request: otherwise an
// attacker could start a request for their own app, send a signed-in person the consent page's
// link, and, once the person clicks Allow, collect the code with the request's resume cookie in
// their own browser. So the web server never settles the request itself. It gets a ticket (this
// file: the request's uid, the person, the answer, an expiry, signed with a key derived from
// AUTH_SECRET), the person's browser takes it to the OAuth server's /interaction/<uid>/finish, and
// there the request is settled only if the same browser holds the request's interaction cookie
// (oidc-provider's interactionDetails), set when the request started.
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";

export interface ConsentAnswer {
  /** The authorization request (oidc-provider's interaction uid). */
  uid: string;
  /** The person signed in to the web app who answered. */
  userId: string;
  approve: boolean;
}

/** The key tickets are signed with: derived from AUTH_SECRET, for this use only. */
export function consentTicketKey(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "movierec", "oauth consent tickets", 32));
}

const signatureOf = (key: Buffer, payload: string) => createHmac("sha256", key).update(payload).digest();

/** A ticket for this answer, good until `expiresAt` (seconds since the epoch: the request's own expiry). */
export function signConsentTicket(key: Buffer, answer: ConsentAnswer, expiresAt: number): string {
  const payload = Buffer.from(JSON.stringify({ uid: answer.uid, userId: answer.userId, approve: answer.approve, exp: expiresAt })).toString("base64url");
  return `${payload}.${signatureOf(key, payload).toString("base64url")}`;
}

/** The answer a ticket carries for this request, or undefined when it is forged, altered, for another request or expired. */
export function readConsentTicket(key: Buffer, ticket: string, uid: string, now = Date.now()): ConsentAnswer | undefined {
  const [payload, signature, ...rest] = ticket.split(".");
  if (!payload || !signature || rest.length > 0) return undefined;
  const expected = signatureOf(key, payload);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
  const { uid: ticketUid, userId, approve, exp } = (body ?? {}) as Record<string, unknown>;
  if (ticketUid !== uid || typeof userId !== "string" || typeof approve !== "boolean" || typeof exp !== "number") return undefined;
  if (exp * 1000 <= now) return undefined;
  return { uid, userId, approve };
}
