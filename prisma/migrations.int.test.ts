// The migrations in prisma/migrations are what the product runs: they must apply to an empty
// database, be recorded as Prisma records them, and produce exactly what schema.prisma describes.
import { execFileSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../packages/dev-stack/src/testing.ts";
import { ensureDatabase, databaseName } from "../packages/dev-stack/src/postgres.ts";
import { inject } from "vitest";
import { applyMigrations, MigrationError, readMigrations } from "./apply-migrations.ts";
import { createPrisma } from "../apps/api/src/db.ts";
import { createLogger } from "../apps/api/src/logger.ts";
import { liveModelVersion, neighbourLists } from "../apps/api/src/modules/recommendations/model/item-model.store.ts";
import { DEFAULT_ITEM_MODEL_CONFIG } from "../apps/api/src/modules/recommendations/model/train-item-model.ts";
import { runModelJob, trainingDue } from "../apps/api/src/modules/recommendations/model/train-model.job.ts";

const silentLogger = createLogger({ level: "silent", name: "migrations-test" });

const repoRoot = path.resolve(import.meta.dirname, "..");
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

async function emptyDatabase(): Promise<string> {
  const templateUrl = inject("templateDatabaseUrl");
  const name = `movierec_empty_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  // template0: a truly empty database, not a copy of the migrated template.
  const url = await ensureDatabase({ serverUrl: templateUrl, database: name, template: "template0" });
  cleanups.push(async () => {
    const client = new pg.Client({ connectionString: templateUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
  });
  return url;
}

async function query<Row extends pg.QueryResultRow>(url: string, sql: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** Everything about the public schema that a migration decides, in a comparable form. */
/** CHECK constraints added by migrations that schema.prisma has no way to declare. */
const MIGRATION_ONLY_CHECKS = ["api_token_scopes_check", "interaction_rating_check", "oauth_app_redirect_uris_check"];

async function catalogue(url: string) {
  const columns = await query(
    url,
    `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default
       FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
      ORDER BY table_name, column_name`,
  );
  const indexes = await query(
    url,
    `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY indexname`,
  );
  const constraints = await query(
    url,
    `SELECT conrelid::regclass::text AS table_name, conname, pg_get_constraintdef(oid) AS definition
       FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_prisma_migrations'
      ORDER BY 1, 2`,
  );
  const enums = await query(
    url,
    `SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder) AS labels FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname ORDER BY t.typname`,
  );
  return { columns, indexes, constraints, enums };
}

function prisma6(args: string[], databaseUrl: string): { status: number; output: string } {
  try {
    const output = execFileSync(
      process.execPath,
      [path.join(repoRoot, "node_modules/prisma6/build/index.js"), ...args, "--config", "prisma/migrate.config.ts"],
      {
        cwd: repoRoot,
        env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    return { status: 0, output };
  } catch (error) {
    const failure = error as { status: number; stdout: string; stderr: string };
    return { status: failure.status, output: `${failure.stdout}${failure.stderr}` };
  }
}

describe("migrations", () => {
  it("apply to an empty database and are recorded as Prisma records them", async () => {
    const url = await emptyDatabase();
    const migrations = readMigrations();
    expect(migrations.length).toBeGreaterThan(0);

    expect(await applyMigrations({ databaseUrl: url })).toEqual(migrations.map((migration) => migration.name));
    const recorded = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      url,
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(recorded.map((row) => [row.migration_name, row.checksum, row.applied_steps_count])).toEqual(
      migrations.map((migration) => [migration.name, migration.checksum, 1]),
    );
    expect(recorded.every((row) => row.finished_at instanceof Date)).toBe(true);

    const tables = await query<{ tablename: string }>(url, `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
    expect(tables.map((row) => row.tablename)).toEqual(
      expect.arrayContaining([
        "user",
        "api_token",
        "preference",
        "interaction",
        "recommendation_model",
        "item_neighbours",
        "media_cache",
        "ingest_cursor",
        "account",
        "verification_token",
      ]),
    );
    // The candidate query for recommendations relies on these two.
    const indexes = await query<{ indexdef: string }>(url, `SELECT indexdef FROM pg_indexes WHERE tablename = 'media_cache'`);
    expect(indexes.map((row) => row.indexdef)).toEqual(
      expect.arrayContaining([expect.stringMatching(/USING gin \(genre_ids\)/), expect.stringMatching(/\(popularity DESC\)/)]),
    );

    // A second run finds nothing to do.
    expect(await applyMigrations({ databaseUrl: url })).toEqual([]);
  });

  it("carry an old database's favourites, watchlist and dismissals into the interaction log, losing nothing, and the model trains from them", async () => {
    const url = await emptyDatabase();
    const all = readMigrations();
    const upgrade = all.findIndex((migration) => migration.name.endsWith("_interaction_log_and_item_model"));
    await applyMigrations({ databaseUrl: url, migrations: all.slice(0, upgrade) });
    // The old tables as the product wrote them: three people, overlapping titles.
    await query(
      url,
      `INSERT INTO "user" (id, email, updated_at) SELECT ('00000000-0000-7000-8000-00000000000' || n)::uuid, 'p' || n || '@example.com', now() FROM generate_series(1, 3) n;
       INSERT INTO favourite (id, user_id, media_type, tmdb_id, created_at)
         SELECT gen_random_uuid(), ('00000000-0000-7000-8000-00000000000' || u)::uuid, 'movie', t, '2026-01-01'::timestamptz + (t || ' minutes')::interval
           FROM generate_series(1, 3) u, generate_series(1, 6) t;
       INSERT INTO watchlist_item (id, user_id, media_type, tmdb_id, watched_at, created_at, updated_at)
         VALUES (gen_random_uuid(), '00000000-0000-7000-8000-000000000001', 'tv', 10, '2026-02-01', '2026-01-15', now()),
                (gen_random_uuid(), '00000000-0000-7000-8000-000000000002', 'movie', 7, NULL, '2026-01-16', now());
       INSERT INTO dismissal (id, user_id, media_type, tmdb_id) VALUES (gen_random_uuid(), '00000000-0000-7000-8000-000000000003', 'movie', 8);
       INSERT INTO media_cooccurrence (media_type, tmdb_id, other_media_type, other_tmdb_id, count) VALUES ('movie', 1, 'movie', 2, 3);`,
    );
    const oldFavourites = await query<{ id: string; created_at: Date }>(url, "SELECT id, created_at FROM favourite ORDER BY id");
    await applyMigrations({ databaseUrl: url });

    const kinds = await query<{ kind: string; n: string }>(url, "SELECT kind::text, count(*) AS n FROM interaction GROUP BY 1 ORDER BY 1");
    expect(Object.fromEntries(kinds.map((row) => [row.kind, Number(row.n)]))).toEqual({ favourite: 18, watchlist: 2, watched: 1, dismissed: 1 });
    // Same ids and times: cursors handed out before the upgrade still page the same list.
    expect(await query(url, "SELECT id, created_at FROM interaction WHERE kind = 'favourite' ORDER BY id")).toEqual(oldFavourites);
    expect((await query<{ created_at: Date }>(url, "SELECT created_at FROM interaction WHERE kind = 'watched'"))[0]!.created_at).toEqual(
      new Date("2026-02-01T00:00:00Z"),
    );
    const tables = (await query<{ tablename: string }>(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).map((row) => row.tablename);
    for (const gone of ["favourite", "watchlist_item", "dismissal", "media_cooccurrence"]) expect(tables).not.toContain(gone);

    // The worker's first check finds no live model and trains one from what was carried over.
    const prisma = createPrisma(url);
    try {
      const policy = { everyMinutes: 60, afterInteractions: 500, model: { ...DEFAULT_ITEM_MODEL_CONFIG, minSupport: 2 } };
      expect(await trainingDue({ prisma }, policy)).toBe("no live model yet");
      const summary = await runModelJob({ prisma, logger: silentLogger }, { reason: "schedule" }, policy);
      // 20 positive (person, title) pairs (the dismissal is not one); tv:10 and movie:7 have one person each, under minSupport.
      expect(summary).toMatchObject({ users: 3, interactions: 18 });
      const live = await neighbourLists({ prisma }, { version: (await liveModelVersion({ prisma }))!, keys: ["movie:1"] });
      expect(live.get("movie:1")?.keys).toEqual(expect.arrayContaining(["movie:2", "movie:6"]));
      expect(await trainingDue({ prisma }, policy)).toBeNull();
    } finally {
      await prisma.$disconnect();
    }
  });

  it("have the details fetched before trailers and translations were stored fetched again, stalest first", async () => {
    const url = await emptyDatabase();
    const all = readMigrations();
    const upgrade = all.findIndex((migration) => migration.name.endsWith("_details_refresh_for_trailers_and_translations"));
    await applyMigrations({ databaseUrl: url, migrations: all.slice(0, upgrade) });
    // Three titles with details from before (no trailer, no translations), one from after, one never detailed.
    await query(
      url,
      `INSERT INTO media_cache (media_type, tmdb_id, title, original_title, original_language, updated_at, details_fetched_at, trailer, translations)
       VALUES ('movie', 1, 'a', 'a', 'en', now(), '2026-12-01T00:00:00Z', NULL, NULL),
              ('movie', 2, 'b', 'b', 'en', now(), '2026-12-01T00:00:00Z', '{}', NULL),
              ('tv', 3, 'c', 'c', 'en', now(), '2026-12-01T00:00:00Z', NULL, '{}'),
              ('movie', 4, 'd', 'd', 'en', now(), '2026-12-06T00:00:00Z', '{}', '{}'),
              ('movie', 5, 'e', 'e', 'en', now(), NULL, NULL, NULL)`,
    );
    await applyMigrations({ databaseUrl: url });
    const rows = await query<{ tmdb_id: number; details_fetched_at: Date | null }>(url, "SELECT tmdb_id, details_fetched_at FROM media_cache ORDER BY tmdb_id");
    expect(rows.map((row) => [row.tmdb_id, row.details_fetched_at?.toISOString() ?? null])).toEqual([
      [1, "1970-01-01T00:00:00.000Z"],
      [2, "1970-01-01T00:00:00.000Z"],
      [3, "1970-01-01T00:00:00.000Z"],
      [4, "2026-12-06T00:00:00.000Z"],
      [5, null],
    ]);
  });

  it("refuse to run when an applied migration was edited", async () => {
    const url = await emptyDatabase();
    await applyMigrations({ databaseUrl: url });
    const edited = readMigrations().map((migration, index) => (index === 0 ? { ...migration, checksum: "0".repeat(64) } : migration));
    await expect(applyMigrations({ databaseUrl: url, migrations: edited })).rejects.toThrow(MigrationError);
    await expect(applyMigrations({ databaseUrl: url, migrations: edited })).rejects.toThrow(/was changed after it was applied/);
  });

  it("roll back a migration that fails, leaving no half-applied record", async () => {
    const url = await emptyDatabase();
    const broken = [{ name: "20000101000000_broken", sql: "CREATE TABLE fine (id int); SELECT no_such_function();", checksum: "f".repeat(64) }];
    await expect(applyMigrations({ databaseUrl: url, migrations: broken })).rejects.toThrow(/20000101000000_broken failed/);
    expect(await query(url, `SELECT * FROM "_prisma_migrations"`)).toEqual([]);
    expect(await query(url, `SELECT tablename FROM pg_tables WHERE tablename = 'fine'`)).toEqual([]);
  });

  it("produce exactly the database schema.prisma describes", async () => {
    const migratedUrl = await emptyDatabase();
    await applyMigrations({ databaseUrl: migratedUrl });
    // Prisma renders schema.prisma itself into a second empty database…
    const pushedUrl = await emptyDatabase();
    const push = prisma6(["db", "push", "--skip-generate"], pushedUrl);
    expect(push.output).toContain("in sync");
    // …and the two databases' catalogues must be identical.
    const [migrated, pushed] = await Promise.all([catalogue(migratedUrl), catalogue(pushedUrl)]);
    expect(migrated.columns.length).toBeGreaterThan(50);
    // CHECK constraints schema.prisma cannot declare are in migrations only: there, and nothing else differs.
    const migrationOnly = migrated.constraints.filter((row) => MIGRATION_ONLY_CHECKS.includes((row as { conname: string }).conname));
    expect(migrationOnly.map((row) => (row as { conname: string }).conname)).toEqual(MIGRATION_ONLY_CHECKS);
    expect({ ...migrated, constraints: migrated.constraints.filter((row) => !migrationOnly.includes(row)) }).toEqual(pushed);
  });
});

describe("test databases", () => {
  it("are copies of the migrated template, one per caller", async () => {
    const first = await createTestDatabase();
    const second = await createTestDatabase();
    cleanups.push(first.drop, second.drop);
    expect(databaseName(first.url)).not.toBe(databaseName(second.url));
    const rows = await query<{ count: string }>(first.url, `SELECT count(*) FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`);
    expect(Number(rows[0]?.count)).toBe(readMigrations().length);
  });
});
