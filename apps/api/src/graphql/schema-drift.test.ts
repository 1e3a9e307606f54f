import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { printedSchema, schemaFile } from "./emit-schema.ts";

describe("packages/schema/schema.graphql", () => {
  it("matches the schema the API builds (run `pnpm --filter @movierec/api schema:emit` after changing it)", async () => {
    expect(readFileSync(schemaFile, "utf8")).toBe(await printedSchema());
  });
});
