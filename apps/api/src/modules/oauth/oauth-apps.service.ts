// Third-party apps: the ones a person registered (their OAuth clients), and the ones a person
// allowed into their account (their grants), each revocable. Ending a grant deletes its tokens
// and tells every API process to stop trusting them at once (the caller cache, keyed by grant).
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "../../db.ts";
import { badInput, notFound } from "../../errors.ts";
import type { CallerCache } from "../auth/caller-cache.ts";

const MAX_APPS_PER_USER = 20;
const MAX_REDIRECT_URIS = 10;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Why a redirect URI cannot be used, or null when it can: https anywhere; http only on this
 * machine (loopback, RFC 8252); or an app's own scheme in reverse-domain form (com.example.app:/cb).
 * Never a fragment.
 */
export function redirectUriProblem(uri: string): string | null {
  if (!URL.canParse(uri)) return `"${uri}" is not an absolute URL (e.g. https://app.example.com/callback).`;
  const url = new URL(uri);
  if (url.hash || uri.includes("#")) return `"${uri}" has a fragment (#…); redirect URIs must not.`;
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:")
    return LOOPBACK_HOSTS.has(url.hostname)
      ? null
      : `"${uri}" uses http on another machine; use https, or http://127.0.0.1 for an app on the person's own machine.`;
  if (/^[a-z][a-z0-9+-]*(\.[a-z0-9+-]+)+:$/i.test(url.protocol)) return null;
  return `"${uri}" uses the scheme ${url.protocol} which could belong to any app; use https, http://127.0.0.1, or a reverse-domain scheme such as com.example.app:/callback.`;
}

export async function registerOAuthApp({ prisma }: { prisma: PrismaClient }, input: { userId: string; name: string; redirectUris: string[] }) {
  const name = input.name.trim();
  if (name.length < 1 || name.length > 80)
    throw badInput("An app's name is 1 to 80 characters: people see it when they are asked to allow it.", { argument: "name" });
  const redirectUris = [...new Set(input.redirectUris.map((uri) => uri.trim()).filter(Boolean))];
  if (redirectUris.length === 0 || redirectUris.length > MAX_REDIRECT_URIS)
    throw badInput(`Give 1 to ${MAX_REDIRECT_URIS} redirect URIs: where movierec sends people back to your app.`, { argument: "redirectUris" });
  for (const uri of redirectUris) {
    const problem = redirectUriProblem(uri);
    if (problem) throw badInput(problem, { argument: "redirectUris" });
  }
  const count = await prisma.oAuthApp.count({ where: { userId: input.userId } });
  if (count >= MAX_APPS_PER_USER) throw badInput(`You already have ${MAX_APPS_PER_USER} apps. Delete one you no longer use first.`);
  return prisma.oAuthApp.create({
    data: { userId: input.userId, name, redirectUris, clientId: `mrapp_${randomBytes(16).toString("base64url")}` },
  });
}

export function listOAuthApps({ prisma }: { prisma: PrismaClient }, input: { userId: string }) {
  return prisma.oAuthApp.findMany({ where: { userId: input.userId }, orderBy: { createdAt: "desc" } });
}

async function endGrants({ prisma, callers }: { prisma: PrismaClient; callers: CallerCache }, where: { clientId: string; accountId?: string }) {
  const grants = await prisma.oAuthRecord.findMany({ where: { kind: "Grant", ...where }, select: { grantId: true } });
  const grantIds = grants.map((grant) => grant.grantId).filter((id): id is string => id !== null);
  if (grantIds.length === 0) return 0;
  await prisma.oAuthRecord.deleteMany({ where: { grantId: { in: grantIds } } });
  await Promise.all(grantIds.map((id) => callers.end({ kind: "token", id })));
  return grantIds.length;
}

/** Deleting an app ends every grant and token it holds, for everyone who allowed it. Another person's app is "not found". */
export async function deleteOAuthApp(services: { prisma: PrismaClient; callers: CallerCache }, input: { userId: string; appId: string }) {
  if (!UUID.test(input.appId)) throw notFound("No app of yours with that id.");
  const app = await services.prisma.oAuthApp.findFirst({ where: { id: input.appId, userId: input.userId } });
  if (!app) throw notFound("No app of yours with that id.");
  await endGrants(services, { clientId: app.clientId });
  await services.prisma.oAuthApp.delete({ where: { id: app.id } });
  return app;
}

/** The apps a person has allowed into their account, newest first, with what each may do. */
export async function listAuthorizedApps({ prisma }: { prisma: PrismaClient }, input: { userId: string }) {
  const grants = await prisma.oAuthRecord.findMany({
    where: { kind: "Grant", accountId: input.userId, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] },
    include: { app: true },
    orderBy: { createdAt: "desc" },
  });
  return grants.flatMap((grant) => {
    if (!grant.app) return [];
    const resources = (grant.payload as { resources?: Record<string, string> }).resources ?? {};
    const scopes = [...new Set(Object.values(resources).flatMap((scope) => scope.split(" ")))].filter(Boolean).sort();
    return [{ clientId: grant.app.clientId, name: grant.app.name, scopes, authorizedAt: grant.createdAt }];
  });
}

/** Takes an app's access away: its grant and every token of it end now. Revoking twice is fine. */
export async function revokeAuthorizedApp(services: { prisma: PrismaClient; callers: CallerCache }, input: { userId: string; clientId: string }) {
  const ended = await endGrants(services, { clientId: input.clientId, accountId: input.userId });
  return ended > 0;
}
