// Writes the schema's SDL to packages/schema/schema.graphql (sorted, so diffs are readable):
// `pnpm --filter @movierec/api schema:emit`. schema-drift.test.ts fails when it is out of date.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { lexicographicSortSchema, printSchema } from "graphql";
import { getSchema } from "./schema.ts";

export const schemaFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../packages/schema/schema.graphql");

export async function printedSchema(): Promise<string> {
  const header = "# Generated from apps/api by `pnpm --filter @movierec/api schema:emit`. Do not edit.\n\n";
  return `${header}${printSchema(lexicographicSortSchema(await getSchema()))}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  writeFileSync(schemaFile, await printedSchema());
  console.log(`wrote ${path.relative(process.cwd(), schemaFile)}`);
}
