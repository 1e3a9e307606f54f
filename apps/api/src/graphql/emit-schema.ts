// Writes the schema's SDL to packages/schema/ (sorted, so diffs are readable), one file per audience
// (audiences.ts): `pnpm --filter @movierec/api schema:emit`. schema-drift.test.ts fails when one is
// out of date.
//   - schema.graphql: what everyone sees, people and third-party apps (the public contract);
//   - schema.admin.graphql: that and the admin operations;
//   - schema.web-server.graphql: that and the operations only the movierec web server calls (its
//     typed operations are generated from this one).
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { lexicographicSortSchema, printSchema } from "graphql";
import type { Audience } from "./audiences.ts";
import { getSchema } from "./schema.ts";

const schemaDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../packages/schema");

/** Where each audience's SDL is written. */
export const schemaFiles: Readonly<Record<Audience, string>> = {
  public: path.join(schemaDir, "schema.graphql"),
  admin: path.join(schemaDir, "schema.admin.graphql"),
  webServer: path.join(schemaDir, "schema.web-server.graphql"),
};

export async function printedSchema(audience: Audience): Promise<string> {
  const header = `# Generated from apps/api by \`pnpm --filter @movierec/api schema:emit\` (the ${audience} audience, apps/api/src/graphql/audiences.ts). Do not edit.\n\n`;
  return `${header}${printSchema(lexicographicSortSchema(await getSchema(audience)))}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  for (const [audience, file] of Object.entries(schemaFiles) as Array<[Audience, string]>) {
    writeFileSync(file, await printedSchema(audience));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}
