// The backing services shared by the start command, the integration tests and Playwright:
// Postgres (embedded unless DATABASE_URL is set) with migrations applied, and Redis (a local
// redis-server unless REDIS_URL is set).
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { applyMigrations } from "../../../prisma/apply-migrations.ts";
import { dataRoot } from "./paths.ts";
import { choosePort } from "./ports.ts";
import { databaseName, ensureDatabase, startEmbeddedPostgres, withDatabase } from "./postgres.ts";
import { startRedis } from "./redis.ts";

export interface BackingServices {
  databaseUrl: string;
  redisUrl: string;
  /** Whether Postgres/Redis were started here (embedded/local) or came from the environment. */
  postgres: "embedded" | "external";
  redis: "local" | "external";
  stop(): Promise<void>;
}

async function checkPostgres(url: string, variable: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    throw new Error(`${variable} (${redactUrl(url)}) is not reachable: ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => {});
  }
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "<not a URL>";
  }
}

/**
 * Brings up Postgres and Redis. `mode: "persistent"` keeps their data in .data/ (start command);
 * `"ephemeral"` uses a throwaway directory and database (tests).
 */
export async function startBackingServices(options: {
  mode: "persistent" | "ephemeral";
  database: string;
  log: (message: string) => void;
  env?: Record<string, string | undefined>;
}): Promise<BackingServices> {
  const env = options.env ?? process.env;
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const fn of stops.reverse()) await fn().catch(() => {});
  };
  try {
    let databaseUrl: string;
    let postgres: BackingServices["postgres"];
    if (env.DATABASE_URL) {
      postgres = "external";
      await checkPostgres(env.DATABASE_URL, "DATABASE_URL");
      // Tests get a database of their own next to the one named, so they never touch its data.
      databaseUrl =
        options.mode === "ephemeral"
          ? await ensureDatabase({
              serverUrl: env.DATABASE_URL,
              database: `${databaseName(env.DATABASE_URL) || "postgres"}_${options.database}`,
              recreate: true,
            })
          : env.DATABASE_URL;
    } else {
      postgres = "embedded";
      const dataDir =
        options.mode === "persistent"
          ? path.join(dataRoot, "postgres")
          : path.join(dataRoot, "tmp", `postgres-${process.pid}-${randomBytes(3).toString("hex")}`);
      if (options.mode === "ephemeral") stops.push(async () => rmSync(dataDir, { recursive: true, force: true }));
      const port = await choosePort({
        service: "Postgres",
        envVar: "POSTGRES_PORT",
        defaultPort: options.mode === "persistent" ? 54329 : 55432,
        env,
        log: options.log,
      });
      const server = await startEmbeddedPostgres({ dataDir, port, log: options.log });
      stops.push(server.stop);
      databaseUrl = await ensureDatabase({ serverUrl: server.serverUrl, database: options.database });
    }
    const applied = await applyMigrations({ databaseUrl });
    if (applied.length) options.log(`applied migrations: ${applied.join(", ")}`);

    let redisUrl: string;
    let redis: BackingServices["redis"];
    if (env.REDIS_URL) {
      redis = "external";
      redisUrl = env.REDIS_URL;
    } else {
      redis = "local";
      const port = await choosePort({
        service: "Redis",
        envVar: "REDIS_PORT",
        defaultPort: options.mode === "persistent" ? 63790 : 63800,
        env,
        log: options.log,
      });
      const server = await startRedis({ port, dataDir: options.mode === "persistent" ? path.join(dataRoot, "redis") : undefined, log: options.log });
      stops.push(server.stop);
      redisUrl = server.url;
    }
    return { databaseUrl, redisUrl, postgres, redis, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A secret kept in .data/ so sessions survive restarts; AUTH_SECRET overrides it. */
export function persistentSecret(name: string): string {
  const file = path.join(dataRoot, `${name}.secret`);
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataRoot, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export { withDatabase };
