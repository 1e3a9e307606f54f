import { randomUUID } from "node:crypto";
import type pg from "pg";
import { PrismaPg } from "@prisma6/adapter-pg";

// Workaround for prisma/orm#27403: the schema engine's introspection queries return the
// Postgres-internal types `"char"` (OID 18) and `name` (OID 19), which @prisma/adapter-pg rejects
// ("Column type 'char' could not be deserialized from the database"). Report them as TEXT (25);
// their values are plain strings already. Patched on the adapter's own pg.Client class, because
// Prisma loads prisma.config.ts with jiti moduleCache:false, so `import pg` here is another copy.
const PATCHED = Symbol.for("migrate-adapter.patched");
function fixFields(res: any) {
  for (const f of res?.fields ?? []) if (f.dataTypeID === 18 || f.dataTypeID === 19) f.dataTypeID = 25;
  return res;
}
// Wraps promise-returning query() calls (adapter-pg never passes a callback).
function patchQuery(target: any) {
  if (!target || target[PATCHED]) return;
  const orig = target.query;
  target.query = function (...args: unknown[]) {
    const r = orig.apply(this, args);
    return r && typeof r.then === "function" ? r.then(fixFields) : r;
  };
  target[PATCHED] = true;
}
function patchPool(pool: any) {
  patchQuery(pool); // pool.query() (used for plain queries)
  patchQuery(pool.Client?.prototype); // pooled clients (used inside transactions)
}

export function pgConfig(url = process.env.DATABASE_URL!): pg.PoolConfig {
  // Discrete fields, not connectionString: a connectionString would override `database`.
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: u.pathname.slice(1),
    // let the CLI process exit instead of waiting for idle pool clients (10 s default)
    allowExitOnIdle: true,
  };
}

export class MigratePg extends PrismaPg {
  constructor(private readonly cfg: pg.PoolConfig) {
    super(cfg);
  }
  override async connect() {
    const adapter = await super.connect();
    patchPool(adapter.underlyingDriver());
    return adapter;
  }
  // adapter-pg's own connectToShadowDb() drops the shadow DB before closing its pool
  // ("database ... is being accessed by other users"). Close first, then DROP ... WITH (FORCE).
  override async connectToShadowDb() {
    const admin = await this.connect();
    const database = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
    await admin.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = await new MigratePg({ ...this.cfg, database }).connect();
    const dispose = shadow.dispose.bind(shadow);
    (shadow as any).dispose = async () => {
      await dispose();
      await admin.executeScript(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin.dispose();
    };
    return shadow;
  }
}

// The WASM schema engine arms 10 s / 60 s timeout timers that are never cleared, so every
// CLI command lingers 10-60 s after finishing. Unref long timers so the process exits promptly.
const realSetTimeout = globalThis.setTimeout;
(globalThis as any).setTimeout = (fn: any, ms?: number, ...args: any[]) => {
  const t: any = realSetTimeout(fn, ms, ...args);
  if ((ms ?? 0) >= 10_000) t?.unref?.();
  return t;
};
