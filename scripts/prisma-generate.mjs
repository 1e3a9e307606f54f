// Generates the Prisma 7 client when prisma/schema.prisma is newer than the generated code.
// PRISMA_SCHEMA_ENGINE_BINARY=/bin/false: generate needs no schema engine, and without it set
// Prisma tries to download one, which fails offline.
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const schema = path.join(root, "prisma", "schema.prisma");
const marker = path.join(root, "apps", "api", "src", "generated", "prisma", "client.ts");

if (!existsSync(marker) || statSync(marker).mtimeMs < statSync(schema).mtimeMs) {
  const result = spawnSync(process.execPath, [path.join(root, "node_modules", "prisma", "build", "index.js"), "generate"], {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
