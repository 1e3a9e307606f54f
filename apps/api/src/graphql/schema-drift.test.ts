import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIENCES } from "./audiences.ts";
import { printedSchema, schemaFiles } from "./emit-schema.ts";

describe("packages/schema/*.graphql", () => {
  it.each(AUDIENCES)("%s: matches the schema the API builds (run `pnpm --filter @movierec/api schema:emit` after changing it)", async (audience) => {
    expect(readFileSync(schemaFiles[audience], "utf8"), path.basename(schemaFiles[audience])).toBe(await printedSchema(audience));
  });
});
