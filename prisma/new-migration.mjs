// Writes prisma/migrations/<timestamp>_<name>/migration.sql for the change between the committed
// schema.prisma (git HEAD) and the working copy, using the Prisma 6 CLI's WASM schema engine
// (`migrate diff` between two datamodels needs no database and no downloaded engine).
// Usage: node prisma/new-migration.mjs <name>   (then read the SQL, run `npm test`, commit both)
// Prisma 6's JS engine opens a connection even for a datamodel-to-datamodel diff (it reads
// nothing), so DATABASE_URL must name a reachable Postgres: `npm start`'s, or any other.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: node prisma/new-migration.mjs <snake_case_name>");
  process.exit(2);
}
if (!process.env.DATABASE_URL) {
  console.error("Set DATABASE_URL to any reachable Postgres (e.g. the one `npm start` prints); the diff only opens a connection, it changes nothing.");
  process.exit(2);
}
const work = path.join(root, "node_modules/.prisma-migrate");
mkdirSync(work, { recursive: true });

// Prisma 6 wants a datasource url and a generator it will not download an engine for.
const forPrisma6 = (schema) => {
  const previewFeatures = schema.match(/previewFeatures\s*=\s*\[[^\]]*\]/)?.[0] ?? "";
  return schema
    .replace(/(datasource\s+\w+\s*\{)/, `$1\n  url = env("DATABASE_URL")`)
    .replace(/generator\s+\w+\s*\{[^}]*\}/g, "")
    .concat(`\ngenerator unused {\n  provider = "prisma-client"\n  output = "./unused-client"\n  engineType = "client"\n  ${previewFeatures}\n}\n`);
};
const from = path.join(work, "from.prisma");
const to = path.join(work, "to.prisma");
writeFileSync(from, forPrisma6(execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { cwd: root, encoding: "utf8" })));
writeFileSync(to, forPrisma6(execFileSync("cat", [path.join(root, "prisma/schema.prisma")], { encoding: "utf8" })));

const sql = execFileSync(
  process.execPath,
  [
    path.join(root, "node_modules/prisma6/build/index.js"),
    "migrate",
    "diff",
    "--from-schema-datamodel",
    from,
    "--to-schema-datamodel",
    to,
    "--script",
    "--config",
    path.join(root, "prisma/migrate.config.ts"),
  ],
  { cwd: work, encoding: "utf8", env: process.env, stdio: ["ignore", "pipe", "inherit"] },
);
if (!sql.trim() || /This is an empty migration/.test(sql)) {
  console.error("schema.prisma has no changes against git HEAD: nothing to migrate.");
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(root, "prisma/migrations", `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql);
console.log(`wrote ${path.relative(root, dir)}/migration.sql: read it before committing`);
