// The person's side of OAuth, as the web app's pages drive it through the web-server audience:
//   - the consent page (/oauth/authorize/<uid>) reads what an app asks for (describeAuthorization)
//     and gets the person's answer signed into a ticket (completeAuthorization); the browser takes
//     the ticket to the OAuth server (finishAuthorization), which settles the request only for the
//     browser that started it (consent-ticket.ts says why) and sends it on to the app with a code;
//   - the device page (/activate) finds a device's request by the code the person typed
//     (describeDevice) and approves or denies it (completeDevice); the device's next poll of the
//     token endpoint gets its tokens. Codes that match no device are counted per person
//     (device-code-throttle.ts).
// Both record the decision in a grant: one per person and app, its scopes grown by each approval.
import type { IncomingMessage, ServerResponse } from "node:http";
import type Provider from "oidc-provider";
import type { PrismaClient } from "../../db.ts";
import { AppError, badInput, notFound } from "../../errors.ts";
import { readConsentTicket, signConsentTicket } from "./consent-ticket.ts";
import type { DeviceCodeThrottle } from "./device-code-throttle.ts";
import type { OAuthServer, OAuthServerSlot } from "./oauth-server-slot.ts";

export type OAuthScope = "read" | "write";

/** The scopes an app asked for, as movierec grants them: `read` always comes with `write`, and with nothing asked `read` alone. */
export function requestedScopes(scope: unknown): OAuthScope[] {
  const asked = new Set(typeof scope === "string" ? scope.split(" ") : []);
  return asked.has("write") ? ["read", "write"] : ["read"];
}

async function appOf(prisma: PrismaClient, clientId: string) {
  const app = await prisma.oAuthApp.findUnique({ where: { clientId }, include: { user: { select: { name: true, email: true } } } });
  if (!app) throw notFound("That app no longer exists: its developer deleted it.");
  return app;
}

export interface AuthorizationRequest {
  appName: string;
  clientId: string;
  /** Who registered the app (their name, else their email's domain): people decide whom they trust. */
  developer: string;
  redirectUri: string;
  scopes: OAuthScope[];
}

function describeApp(app: Awaited<ReturnType<typeof appOf>>) {
  return { appName: app.name, clientId: app.clientId, developer: app.user.name ?? app.user.email.replace(/^.*@/, "") };
}

async function interactionOf(provider: Provider, uid: string) {
  const interaction = /^[\w-]{10,64}$/.test(uid) ? await provider.Interaction.find(uid) : undefined;
  if (!interaction) throw notFound("This authorization request has expired or was already answered. Go back to the app and start again.");
  return interaction;
}

export async function describeAuthorization({ prisma, oauth }: { prisma: PrismaClient; oauth: OAuthServerSlot }, uid: string): Promise<AuthorizationRequest> {
  const interaction = await interactionOf(oauth.require().provider, uid);
  const app = await appOf(prisma, String(interaction.params.client_id));
  return {
    ...describeApp(app),
    redirectUri: String(interaction.params.redirect_uri ?? app.redirectUris[0]),
    scopes: requestedScopes(interaction.params.scope),
  };
}

/** The person's grant for the app (one per person and app), now also holding these scopes. */
async function grantFor(prisma: PrismaClient, server: OAuthServer, accountId: string, clientId: string, scopes: readonly OAuthScope[]): Promise<string> {
  const { Grant } = server.provider;
  const existing = await prisma.oAuthRecord.findFirst({
    where: { kind: "Grant", accountId, clientId },
    orderBy: { createdAt: "desc" },
    select: { grantId: true },
  });
  const grant = (existing?.grantId && (await Grant.find(existing.grantId))) || new Grant({ accountId, clientId });
  grant.addResourceScope(server.resource, scopes.join(" "));
  return grant.save();
}

/**
 * A consent page's answer for the person signed in to the web app: where their browser goes next,
 * the OAuth server's /interaction/<uid>/finish with the answer signed into a ticket. Nothing is
 * settled here; finishAuthorization does that for the browser that started the request.
 */
export async function completeAuthorization(
  { prisma, oauth }: { prisma: PrismaClient; oauth: OAuthServerSlot },
  input: { uid: string; userId: string; approve: boolean },
): Promise<string> {
  const server = oauth.require();
  const interaction = await interactionOf(server.provider, input.uid);
  if (interaction.result) throw badInput("This authorization request was already answered. Go back to the app and start again.");
  await appOf(prisma, String(interaction.params.client_id));
  const expiresAt = interaction.exp ?? Math.floor(Date.now() / 1000) + 60;
  const ticket = signConsentTicket(server.consentTicketKey, input, expiresAt);
  return `${interactionUrl(server.provider.issuer, input.uid)}/finish?${new URLSearchParams({ ticket })}`;
}

/**
 * A request's interaction address, on the issuer (API_PUBLIC_URL): never on the host a request
 * named, which its sender chooses (a forged Host header would otherwise send the person's ticket to
 * the sender's server). oidc-provider scopes the interaction cookie to this path.
 */
export function interactionUrl(issuer: string, uid: string): string {
  return `${issuer}/interaction/${encodeURIComponent(uid)}`;
}

export type FinishOutcome =
  /** Settled: the response is sent (303 on to the OAuth server's resume step, then the app). */
  | { kind: "finished" }
  /** Settled already by this browser (a second click whose first navigation was cut short): on to the resume step. */
  | { kind: "answered"; returnTo: string }
  /**
   * The browser does not hold this request's interaction cookie: it did not start the request. The
   * request is then denied, so a ticket that leaked from this browser (its history, a log) cannot
   * be played in the one that started it.
   */
  | { kind: "other-browser" }
  /** The ticket is forged, altered, for another request or expired. */
  | { kind: "bad-ticket" }
  /** The request expired or was answered already (say, in another tab): the consent page says so. */
  | { kind: "gone" };

/**
 * Settles an authorization request with the answer a consent ticket carries, if the browser that
 * brought it holds the request's interaction cookie (set when it started the request, on this
 * server's /interaction/<uid> path). Approved, the person's grant for the app gains the scopes and
 * the app gets a code; denied, it gets access_denied.
 */
export async function finishAuthorization(
  { prisma, oauth }: { prisma: PrismaClient; oauth: OAuthServerSlot },
  http: { req: IncomingMessage; res: ServerResponse },
  input: { uid: string; ticket: string },
): Promise<FinishOutcome> {
  const server = oauth.require();
  const answer = readConsentTicket(server.consentTicketKey, input.ticket, input.uid);
  if (!answer) return { kind: "bad-ticket" };
  const interaction = await server.provider.interactionDetails(http.req, http.res).catch(() => undefined);
  if (!interaction || interaction.uid !== input.uid) {
    // No cookie for this request (or its request is gone): told apart by the request itself.
    const request = await server.provider.Interaction.find(input.uid);
    if (!request) return { kind: "gone" };
    if (!request.result) {
      request.result = { error: "access_denied", error_description: "The request was answered in another browser than the one that started it." };
      await request.save(Math.max(1, (request.exp ?? 0) - Math.floor(Date.now() / 1000)));
    }
    return { kind: "other-browser" };
  }
  if (interaction.result) return { kind: "answered", returnTo: interaction.returnTo };
  const clientId = String(interaction.params.client_id);
  const app = await prisma.oAuthApp.findUnique({ where: { clientId }, select: { id: true } });
  if (!app) return { kind: "gone" };
  const result = answer.approve
    ? {
        login: { accountId: answer.userId, remember: false },
        consent: { grantId: await grantFor(prisma, server, answer.userId, clientId, requestedScopes(interaction.params.scope)) },
      }
    : { error: "access_denied", error_description: "The person declined to allow this app." };
  await server.provider.interactionFinished(http.req, http.res, result, { mergeWithLastSubmission: false });
  return { kind: "finished" };
}

/** A typed code the way the OAuth server keeps it: letters upper-case, dashes and spaces dropped. */
const normalizeUserCode = (code: string) => code.toUpperCase().replace(/\W/g, "");

async function deviceCodeOf(provider: Provider, userCode: string) {
  const normalized = normalizeUserCode(userCode);
  const code = normalized.length >= 6 && normalized.length <= 20 ? await provider.DeviceCode.findByUserCode(normalized, { ignoreExpiration: true }) : undefined;
  if (!code) throw notFound("No device is waiting for that code. Check it on the device's screen and type it again.");
  if (code.isExpired) throw badInput("That code has expired. Start again on the device to get a new one.");
  if (code.error || code.accountId || code.inFlight || !code.clientId)
    throw badInput("That code was already used. Start again on the device if it is not signed in.");
  return Object.assign(code, { clientId: code.clientId });
}

/**
 * The waiting device a signed-in person's code names; a code that names none counts against the
 * person (device-code-throttle.ts), who is refused once they have used up their wrong codes.
 */
async function guessedDeviceCode(provider: Provider, deviceCodeThrottle: DeviceCodeThrottle, userId: string, userCode: string) {
  await deviceCodeThrottle.take(userId);
  try {
    const code = await deviceCodeOf(provider, userCode);
    await deviceCodeThrottle.giveBack(userId);
    return code;
  } catch (error) {
    if (!(error instanceof AppError && error.code === "NOT_FOUND")) await deviceCodeThrottle.giveBack(userId);
    throw error;
  }
}

export async function describeDevice(
  { prisma, oauth, deviceCodeThrottle }: { prisma: PrismaClient; oauth: OAuthServerSlot; deviceCodeThrottle: DeviceCodeThrottle },
  input: { userCode: string; userId: string },
): Promise<Omit<AuthorizationRequest, "redirectUri">> {
  const code = await guessedDeviceCode(oauth.require().provider, deviceCodeThrottle, input.userId, input.userCode);
  const app = await appOf(prisma, code.clientId);
  return { ...describeApp(app), scopes: requestedScopes(code.params?.scope) };
}

/** Approves or denies a device's request; its next poll of the token endpoint gets tokens, or access_denied. */
export async function completeDevice(
  { prisma, oauth, deviceCodeThrottle }: { prisma: PrismaClient; oauth: OAuthServerSlot; deviceCodeThrottle: DeviceCodeThrottle },
  input: { userCode: string; userId: string; approve: boolean },
): Promise<boolean> {
  const server = oauth.require();
  const code = await guessedDeviceCode(server.provider, deviceCodeThrottle, input.userId, input.userCode);
  await appOf(prisma, code.clientId);
  if (input.approve) {
    const scopes = requestedScopes(code.params?.scope);
    Object.assign(code, {
      accountId: input.userId,
      authTime: Math.floor(Date.now() / 1000),
      grantId: await grantFor(prisma, server, input.userId, code.clientId, scopes),
      scope: scopes.join(" "),
      resource: server.resource,
    });
  } else {
    Object.assign(code, { error: "access_denied", errorDescription: "The person declined to allow this device." });
  }
  await code.save();
  return input.approve;
}
