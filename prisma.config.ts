// Prisma 7 CLI config (client generation). Migrations are applied by prisma/apply-migrations.ts,
// or by `prisma migrate deploy` where Prisma's native schema engine can be had: see prisma/README.md.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/movierec" },
});
