// The person's side of OAuth, as the web app's pages drive it through the web-server audience:
//   - the consent page (/oauth/authorize/<uid>) reads what an app asks for (describeAuthorization)
//     and settles it (completeAuthorization), for the person signed in to the web app; the browser
//     then follows `returnTo` back to the OAuth server, which issues the code to the app;
//   - the device page (/activate) finds a device's request by the code the person typed
//     (describeDevice) and approves or denies it (completeDevice); the device's next poll of the
//     token endpoint gets its tokens.
// Both record the decision in a grant: one per person and app, its scopes grown by each approval.
import type Provider from "oidc-provider";
import type { PrismaClient } from "../../db.ts";
import { badInput, notFound } from "../../errors.ts";
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
 * Settles a consent page: approved, the app gets a code for the person signed in to the web app;
 * denied, it gets `access_denied`. Returns where the browser goes next (back through the OAuth
 * server to the app).
 */
export async function completeAuthorization(
  { prisma, oauth }: { prisma: PrismaClient; oauth: OAuthServerSlot },
  input: { uid: string; userId: string; approve: boolean },
): Promise<string> {
  const server = oauth.require();
  const interaction = await interactionOf(server.provider, input.uid);
  if (interaction.result) throw badInput("This authorization request was already answered. Go back to the app and start again.");
  const clientId = String(interaction.params.client_id);
  await appOf(prisma, clientId);
  if (input.approve) {
    const grantId = await grantFor(prisma, server, input.userId, clientId, requestedScopes(interaction.params.scope));
    interaction.result = { login: { accountId: input.userId, remember: false }, consent: { grantId } };
  } else {
    interaction.result = { error: "access_denied", error_description: "The person declined to allow this app." };
  }
  await interaction.save(Math.max(1, (interaction.exp ?? 0) - Math.floor(Date.now() / 1000)));
  return interaction.returnTo;
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

export async function describeDevice(
  { prisma, oauth }: { prisma: PrismaClient; oauth: OAuthServerSlot },
  userCode: string,
): Promise<Omit<AuthorizationRequest, "redirectUri">> {
  const code = await deviceCodeOf(oauth.require().provider, userCode);
  const app = await appOf(prisma, code.clientId);
  return { ...describeApp(app), scopes: requestedScopes(code.params?.scope) };
}

/** Approves or denies a device's request; its next poll of the token endpoint gets tokens, or access_denied. */
export async function completeDevice(
  { prisma, oauth }: { prisma: PrismaClient; oauth: OAuthServerSlot },
  input: { userCode: string; userId: string; approve: boolean },
): Promise<boolean> {
  const server = oauth.require();
  const code = await deviceCodeOf(server.provider, input.userCode);
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
