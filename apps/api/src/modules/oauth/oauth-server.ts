// The OAuth 2.0 authorization server for third-party apps, at /oauth: panva's oidc-provider (a
// certified, standards-compliant implementation) with movierec's storage and pages. What it serves:
//   - the authorization-code flow with PKCE (S256, required: apps are public clients, no secrets);
//     who is signing in and what they allow is asked on the web app's consent page, reached
//     through this server's /interaction/<uid>, and settled back here for the browser that started
//     the request (oauth-interactions.ts, consent-ticket.ts);
//   - the device-authorization flow (RFC 8628) for CLIs and TVs; its verification page is the web
//     app's /activate, where a signed-in person types the code;
//   - refresh tokens (rotated on each use), revocation (RFC 7009), metadata (RFC 8414).
// Access tokens are opaque, for one resource (the GraphQL API), with the scopes `read` and `write`;
// the API checks them in oauth-access-tokens.ts. Everything is stored hashed (oauth-storage.ts).
import { createPrivateKey, hkdfSync } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { FastifyInstance } from "fastify";
import Provider, { errors, type Configuration, type KoaContextWithOIDC } from "oidc-provider";
import { AppError } from "../../errors.ts";
import { apiPublicUrl } from "../../http/public-url.ts";
import type { AppServices } from "../../app-services.ts";
import { consentTicketKey } from "./consent-ticket.ts";
import { finishAuthorization, interactionUrl } from "./oauth-interactions.ts";
import type { OAuthServer } from "./oauth-server-slot.ts";
import { oauthStorage } from "./oauth-storage.ts";

export const OAUTH_PATH = "/oauth";
const OAUTH_SCOPES = ["read", "write"] as const;

const TTL = {
  AccessToken: 60 * 60,
  AuthorizationCode: 60,
  DeviceCode: 10 * 60,
  Interaction: 10 * 60,
  RefreshToken: 30 * 24 * 60 * 60,
  Grant: 365 * 24 * 60 * 60,
  // Sessions are not kept (oauth-storage.ts); a short life all the same.
  Session: 10 * 60,
};

/** The resource an access token is for (its audience): the GraphQL endpoint. */
const resourceOf = (base: string) => `${base}/graphql`;

/** An Ed25519 key for the ID tokens of apps that also ask for `openid`, derived from AUTH_SECRET (never oidc-provider's public development keys). */
function signingKey(secret: string) {
  const seed = Buffer.from(hkdfSync("sha256", secret, "movierec", "oauth id token key", 32));
  const der = Buffer.concat([Buffer.from("302e020100300506032b657004220420", "hex"), seed]);
  return { ...createPrivateKey({ key: der, format: "der", type: "pkcs8" }).export({ format: "jwk" }), use: "sig", alg: "EdDSA" };
}

function createProvider(services: AppServices, base: string, secret: string): OAuthServer {
  const { prisma, config } = services;
  const resource = resourceOf(base);
  const configuration: Configuration = {
    // Revoked tokens stop working in every API process at once (their callers are cached by grant).
    adapter: oauthStorage(prisma, secret, (grantId) => services.callers.end({ kind: "token", id: grantId })),
    clients: [],
    // The server's own scopes: OpenID Connect's only. `read` and `write` are the API's (the
    // resource server's, below); listing them here would make them OpenID scopes too.
    scopes: ["openid"],
    claims: { openid: ["sub"] },
    async findAccount(_ctx, sub) {
      const user = await prisma.user.findUnique({ where: { id: sub }, select: { id: true } });
      return user ? { accountId: user.id, claims: async () => ({ sub: user.id }) } : undefined;
    },
    cookies: { keys: [Buffer.from(hkdfSync("sha256", secret, "movierec", "oauth cookies", 32)).toString("base64url")] },
    jwks: { keys: [signingKey(secret) as never] },
    enabledJWA: { idTokenSigningAlgValues: ["EdDSA"] },
    clientDefaults: { id_token_signed_response_alg: "EdDSA", grant_types: ["authorization_code", "refresh_token"], token_endpoint_auth_method: "none" },
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      deviceFlow: { enabled: true },
      revocation: { enabled: true },
      userinfo: { enabled: false },
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => resource,
        useGrantedResource: async () => true,
        getResourceServerInfo: async (_ctx, indicator) => {
          if (indicator !== resource) throw new errors.InvalidTarget(`the only resource is ${resource}`);
          return { scope: OAUTH_SCOPES.join(" "), audience: resource, accessTokenTTL: TTL.AccessToken, accessTokenFormat: "opaque" };
        },
      },
    },
    // Every app gets a refresh token (no `offline_access` dance): apps are people's own clients.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed("refresh_token"),
    // Tokens live on their own, not with a browser session (the OAuth server keeps none).
    expiresWithSession: async () => false,
    rotateRefreshToken: true,
    ttl: TTL,
    // A browser-based app may call the token and revocation endpoints from its redirect URIs' origins.
    clientBasedCORS: (_ctx, origin, client) => client.redirectUris?.some((uri) => URL.canParse(uri) && new URL(uri).origin === origin) ?? false,
    // This server's own address first (oidc-provider scopes the request's interaction cookie to
    // its path, where finishAuthorization checks it), which sends the browser to the consent page.
    interactions: { url: async (ctx, interaction) => interactionUrl(ctx.oidc.issuer, interaction.uid) },
    renderError: async (ctx, out) => {
      ctx.type = "html";
      ctx.body = errorPage(out as unknown as Record<string, string>);
    },
  };
  const provider = new Provider(`${base}${OAUTH_PATH}`, configuration);
  provider.proxy = config.TRUST_PROXY !== 0;
  provider.on("server_error", (_ctx: KoaContextWithOIDC, error: Error) => services.logger.error({ err: error }, "OAuth server error"));
  return { provider, resource, handle: provider.callback(), consentTicketKey: consentTicketKey(secret) };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function errorPage(
  out: Record<string, string>,
  explanation = "The app that sent you here made a request movierec cannot accept. Go back to the app and try again; if it keeps happening, tell the app's developer what is below.",
): string {
  const details = Object.entries(out)
    .map(([key, value]) => `<dt>${escapeHtml(key)}</dt><dd>${escapeHtml(String(value))}</dd>`)
    .join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>movierec · authorization failed</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1a1a1a}dt{font-weight:600}dd{margin:0 0 .75rem}</style></head>
<body><h1>This app could not be authorized</h1><p>${escapeHtml(explanation)}</p><dl>${details}</dl></body></html>`;
}

/**
 * Mounts the OAuth server at /oauth (and its RFC 8414 metadata at
 * /.well-known/oauth-authorization-server/oauth). Built on the first request, once the API knows
 * the address it listens on. The device flow's verification page is the web app's /activate.
 */
export async function registerOAuthServer(app: FastifyInstance, services: AppServices): Promise<void> {
  const secret = services.config.AUTH_SECRET;
  let server: OAuthServer | undefined;
  const get = () => {
    if (!secret) return undefined;
    server ??= createProvider(services, apiPublicUrl(services, app), secret);
    return server;
  };
  services.oauth.get = get;
  await app.register(async (scope) => {
    // Per address, in a budget of its own (API_RATE_LIMIT_PER_MINUTE_IP a minute): a device polls
    // every 5 s, a person authorizes a few times; anything far beyond is refused with 429.
    scope.addHook("onRequest", scope.rateLimit({ keyGenerator: (request) => `oauth:${request.ip}` }));
    // oidc-provider reads request bodies itself.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("*", (_request, _payload, done) => done(null));
    const forward =
      (path: (url: string) => string) =>
      (request: { raw: IncomingMessage; url: string }, reply: { hijack(): void; raw: import("node:http").ServerResponse }) => {
        const oauth = get();
        if (!oauth) {
          reply.raw.statusCode = 503;
          reply.raw.setHeader("content-type", "application/json");
          reply.hijack();
          reply.raw.end(JSON.stringify({ error: "temporarily_unavailable", error_description: "OAuth needs AUTH_SECRET to be set on the API." }));
          return;
        }
        reply.hijack();
        const raw = request.raw as IncomingMessage & { originalUrl?: string; baseUrl?: string };
        raw.originalUrl = raw.url;
        raw.baseUrl = OAUTH_PATH;
        raw.url = path(raw.url ?? "/");
        oauth.handle(raw, reply.raw);
      };
    const webUrl = services.config.WEB_URL.replace(/\/+$/, "");
    // The device flow's verification page is the web app's (a signed-in person there approves).
    scope.route({
      method: ["GET", "POST"],
      url: `${OAUTH_PATH}/device`,
      handler: async (request, reply) => {
        const userCode = new URL(request.url, "http://x").searchParams.get("user_code");
        return reply.redirect(`${webUrl}/activate${userCode ? `?code=${encodeURIComponent(userCode)}` : ""}`, 303);
      },
    });
    // An authorization request's interaction: on to the web app's consent page, and back with the
    // person's answer, which counts only in the browser that started the request.
    scope.get<{ Params: { uid: string } }>(`${OAUTH_PATH}/interaction/:uid`, async (request, reply) =>
      reply.redirect(`${webUrl}/oauth/authorize/${encodeURIComponent(request.params.uid)}`, 303),
    );
    scope.get<{ Params: { uid: string }; Querystring: { ticket?: string } }>(`${OAUTH_PATH}/interaction/:uid/finish`, async (request, reply) => {
      const { uid } = request.params;
      if (!get()) throw new AppError("SERVICE_UNAVAILABLE", "OAuth is not available: the API needs AUTH_SECRET.");
      reply.hijack();
      const outcome = await finishAuthorization(services, { req: request.raw, res: reply.raw }, { uid, ticket: String(request.query.ticket ?? "") }).catch(
        (error: unknown) => {
          services.logger.error({ err: error }, "OAuth consent could not be settled");
          return { kind: "failed" } as const;
        },
      );
      if (outcome.kind === "finished") return;
      if (outcome.kind === "answered") {
        reply.raw.writeHead(303, { location: outcome.returnTo }).end();
        return;
      }
      if (outcome.kind === "failed") {
        reply.raw.writeHead(500, { "content-type": "text/html; charset=utf-8" });
        reply.raw.end(errorPage({ error: "server_error" }, "Something went wrong on our side while saving your answer. Start again from the app in a moment."));
        return;
      }
      if (outcome.kind === "gone") {
        // Expired or answered already (another tab): the consent page says which, in the person's words.
        reply.raw.writeHead(303, { location: `${webUrl}/oauth/authorize/${encodeURIComponent(uid)}?failed=1` }).end();
        return;
      }
      reply.raw.writeHead(400, { "content-type": "text/html; charset=utf-8" });
      reply.raw.end(
        outcome.kind === "other-browser"
          ? errorPage(
              { error: "access_denied", error_description: "the authorization request was started in another browser" },
              "This request was started in another browser, so your answer does not count here. If you did not start it yourself, someone may have sent you the link: ignore it. Otherwise start again from the app, in this browser.",
            )
          : errorPage(
              { error: "invalid_request", error_description: "the consent ticket is not valid or has expired" },
              "Your answer could not be checked, or it came too late. Start again from the app.",
            ),
      );
    });
    scope.all(
      `${OAUTH_PATH}/*`,
      forward((url) => url.slice(OAUTH_PATH.length) || "/"),
    );
    scope.get(
      `/.well-known/oauth-authorization-server${OAUTH_PATH}`,
      forward(() => "/.well-known/oauth-authorization-server"),
    );
  });
}
