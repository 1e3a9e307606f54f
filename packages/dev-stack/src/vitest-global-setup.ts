// Global setup of the integration tier: one Postgres and one Redis for the whole run (embedded
// and local unless DATABASE_URL/REDIS_URL are set). A migrated template database is made once;
// each test file copies it (see testing.ts), so files never see each other's rows.
import type { TestProject } from "vitest/node";
import { startBackingServices } from "./services.ts";

export default async function setup(project: TestProject) {
  const started = Date.now();
  const services = await startBackingServices({
    mode: "ephemeral",
    database: "movierec_template",
    log: (message) => process.stdout.write(`[integration setup] ${message}\n`),
  });
  process.stdout.write(`[integration setup] Postgres (${services.postgres}) and Redis (${services.redis}) ready in ${Date.now() - started} ms\n`);
  project.provide("templateDatabaseUrl", services.databaseUrl);
  project.provide("redisUrl", services.redisUrl);
  return () => services.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabaseUrl: string;
    redisUrl: string;
  }
}
