// Where the OAuth server (oidc-provider) keeps what it issues: the adapter interface it asks for,
// on Postgres (the oauth_record table; apps come from oauth_app). Nothing usable is stored: a
// record's key is the SHA-256 of the object's id (an authorization code, an access or refresh
// token), the payload never holds that id, and a device code's user code is kept as a hash too.
// The one id that must be read back, a device code found by its user code, is sealed with a key
// from AUTH_SECRET. Browser sessions of the OAuth server are not kept at all: who is signing in
// always comes from the web app's own session, on the consent page (oauth-interactions.ts).
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";
import type { Adapter, AdapterPayload } from "oidc-provider";
import type { PrismaClient } from "../../db.ts";
import type { Prisma } from "../../generated/prisma/client.ts";

export const APP_GRANT_TYPES = ["authorization_code", "refresh_token", "urn:ietf:params:oauth:grant-type:device_code"] as const;

export function hashOAuthId(id: string): string {
  return createHash("sha256").update(id).digest("base64url");
}

/** The metadata oidc-provider sees for a registered app: a public client (no secret, PKCE). */
export function clientMetadata(app: { clientId: string; name: string; redirectUris: string[] }) {
  const nativeOnly = app.redirectUris.some((uri) => !/^https?:/.test(uri));
  return {
    client_id: app.clientId,
    client_name: app.name,
    redirect_uris: app.redirectUris,
    application_type: nativeOnly ? ("native" as const) : ("web" as const),
    grant_types: [...APP_GRANT_TYPES],
    response_types: ["code"],
    token_endpoint_auth_method: "none" as const,
  };
}

function sealer(secret: string) {
  const key = Buffer.from(hkdfSync("sha256", secret, "movierec", "oauth device codes", 32));
  return {
    seal(value: string): string {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const sealed = Buffer.concat([cipher.update(value, "utf8"), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString("base64url");
    },
    open(value: string): string {
      const raw = Buffer.from(value, "base64url");
      const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
    },
  };
}

/** How often an upsert also sweeps records that expired over a day ago (each sweep deletes at most 500). */
const SWEEP_PROBABILITY = 0.01;

/**
 * The adapter class oidc-provider instantiates per kind. onGrantEnded hears every grant whose tokens
 * were destroyed (revocation, a refresh token used twice), so caches of those tokens end too.
 */
export function oauthStorage(prisma: PrismaClient, secret: string, onGrantEnded: (grantId: string) => Promise<void>) {
  const { seal, open } = sealer(secret);

  class PostgresAdapter implements Adapter {
    constructor(readonly kind: string) {}

    private key(id: string) {
      return `${this.kind}:${hashOAuthId(id)}`;
    }

    async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
      if (this.kind === "Session") return;
      const { jti: _jti, userCode, ...stored } = payload;
      if (this.kind === "DeviceCode") (stored as Record<string, unknown>).sealedJti = seal(id);
      const columns = {
        kind: this.kind,
        payload: stored as Prisma.InputJsonValue,
        grantId: payload.grantId ?? (this.kind === "Grant" ? id : null),
        accountId: this.kind === "Grant" || this.kind.endsWith("Token") || this.kind === "DeviceCode" ? (payload.accountId ?? null) : null,
        clientId: payload.clientId ?? null,
        uid: payload.uid ?? null,
        scope: payload.scope ?? null,
        expiresAt: expiresIn ? new Date(Date.now() + expiresIn * 1000) : null,
        ...(userCode ? { userCodeHash: hashOAuthId(userCode.toUpperCase()) } : {}),
      };
      await prisma.oAuthRecord.upsert({ where: { id: this.key(id) }, create: { id: this.key(id), ...columns }, update: columns });
      if (Math.random() < SWEEP_PROBABILITY) {
        void prisma.$executeRaw`DELETE FROM oauth_record WHERE id IN (SELECT id FROM oauth_record WHERE expires_at < now() - interval '1 day' LIMIT 500)`.catch(
          () => {},
        );
      }
    }

    private live(record: { payload: Prisma.JsonValue; expiresAt: Date | null; consumedAt: Date | null } | null, jti: string): AdapterPayload | undefined {
      if (!record || (record.expiresAt && record.expiresAt <= new Date())) return undefined;
      const payload = record.payload as AdapterPayload & { sealedJti?: string };
      const { sealedJti: _sealed, ...rest } = payload;
      return { ...rest, jti, ...(record.consumedAt ? { consumed: Math.floor(record.consumedAt.getTime() / 1000) } : {}) };
    }

    async find(id: string): Promise<AdapterPayload | undefined> {
      if (this.kind === "Session") return undefined;
      if (this.kind === "Client") {
        const app = await prisma.oAuthApp.findUnique({ where: { clientId: id } });
        return app ? (clientMetadata(app) as AdapterPayload) : undefined;
      }
      return this.live(await prisma.oAuthRecord.findUnique({ where: { id: this.key(id) } }), id);
    }

    async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      const record = await prisma.oAuthRecord.findUnique({ where: { userCodeHash: hashOAuthId(userCode.toUpperCase()) } });
      const sealedJti = (record?.payload as { sealedJti?: string } | undefined)?.sealedJti;
      if (!record || record.kind !== this.kind || !sealedJti) return undefined;
      const payload = this.live(record, open(sealedJti));
      return payload && { ...payload, userCode };
    }

    async findByUid(_uid: string): Promise<AdapterPayload | undefined> {
      // Only sessions are found by uid, and sessions are not kept.
      return undefined;
    }

    async consume(id: string): Promise<void> {
      await prisma.oAuthRecord.updateMany({ where: { id: this.key(id) }, data: { consumedAt: new Date() } });
    }

    async destroy(id: string): Promise<void> {
      const [ended] = await prisma.$queryRaw<Array<{ grant_id: string | null }>>`DELETE FROM oauth_record WHERE id = ${this.key(id)} RETURNING grant_id`;
      if (ended?.grant_id && this.kind === "AccessToken") await onGrantEnded(ended.grant_id);
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      await prisma.oAuthRecord.deleteMany({ where: { grantId } });
      await onGrantEnded(grantId);
    }
  }
  return PostgresAdapter;
}
