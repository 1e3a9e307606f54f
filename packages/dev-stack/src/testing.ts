// Helpers for integration tests (*.int.test.ts): a database and a Redis namespace of the test
// file's own, on the services the global setup started.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { databaseName, ensureDatabase } from "./postgres.ts";

export { startRedis } from "./redis.ts";

export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
}

/** A fresh copy of the migrated template database; `drop()` removes it. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const templateUrl = inject("templateDatabaseUrl");
  const database = uniqueName("movierec_test");
  const url = await ensureDatabase({ serverUrl: templateUrl, database, template: databaseName(templateUrl) });
  return {
    url,
    drop: async () => {
      const client = new pg.Client({ connectionString: templateUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await client.end();
    },
  };
}

export function testRedisUrl(): string {
  return inject("redisUrl");
}
