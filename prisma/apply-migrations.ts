// Applies prisma/migrations to a database the way `prisma migrate deploy` does, without Prisma's
// native schema engine (which cannot be downloaded offline; see prisma/README.md). Each migration
// runs in its own transaction and is recorded in `_prisma_migrations` exactly as Prisma records it
// (checksum = sha256 of migration.sql), so `prisma migrate deploy`/`status` on a machine that has
// the engine sees the same history. A Postgres advisory lock makes concurrent runs safe.
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

export const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

// Any fixed 64-bit number; the same one Prisma's engine uses would also do, this one is ours.
const MIGRATION_LOCK_ID = 72_707_369;

const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

export class MigrationError extends Error {
  override name = "MigrationError";
}

/** Applies every pending migration; returns the names it applied. */
export async function applyMigrations(options: { databaseUrl: string; migrations?: Migration[] }): Promise<string[]> {
  const migrations = options.migrations ?? readMigrations();
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_ID]);
    await client.query(CREATE_MIGRATIONS_TABLE);
    const { rows } = await client.query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      rolled_back_at: Date | null;
    }>(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`);
    const known = new Map(rows.filter((row) => !row.rolled_back_at).map((row) => [row.migration_name, row]));

    for (const migration of migrations) {
      const row = known.get(migration.name);
      if (row && !row.finished_at) {
        throw new MigrationError(
          `migration ${migration.name} started before but did not finish. Fix the database by hand, then mark it rolled back (UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = '${migration.name}').`,
        );
      }
      if (row) {
        if (row.checksum !== migration.checksum) {
          throw new MigrationError(
            `migration ${migration.name} was changed after it was applied (checksum ${row.checksum.slice(0, 12)}… in the database, ${migration.checksum.slice(0, 12)}… on disk). Migrations are append-only: revert the edit and add a new migration.`,
          );
        }
        continue;
      }
      const id = randomUUID();
      await client.query("BEGIN");
      try {
        await client.query(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`, [
          id,
          migration.checksum,
          migration.name,
        ]);
        await client.query(migration.sql);
        await client.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new MigrationError(`migration ${migration.name} failed: ${(error as Error).message}`);
      }
      applied.push(migration.name);
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_ID]).catch(() => {});
    await client.end();
  }
  return applied;
}

// CLI: `pnpm db:migrate` (DATABASE_URL from the environment).
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error("DATABASE_URL is not set: it names the Postgres database to migrate.");
    process.exit(1);
  }
  applyMigrations({ databaseUrl }).then(
    (applied) => console.log(applied.length ? `applied ${applied.join(", ")}` : "database is up to date"),
    (error) => {
      console.error(error instanceof MigrationError ? error.message : error);
      process.exit(1);
    },
  );
}
