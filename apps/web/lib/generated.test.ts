// The typed documents the browser uses are what graphql-codegen makes of lib/operations.graphql and
// the API's schema today: an operation that no longer fits the schema, or a generated file left
// behind after a change to either, fails here (not first in the browser).
import { readFileSync } from "node:fs";
import path from "node:path";
import { generate } from "@graphql-codegen/cli";
import { expect, it } from "vitest";
import config from "../codegen";

const webDir = path.resolve(import.meta.dirname, "..");

it("lib/generated/graphql.ts is up to date with the operations and the schema (else: pnpm --filter @movierec/web codegen)", async () => {
  const [output] = await generate({ ...config, cwd: webDir, silent: true, errorsOnly: true }, false);
  expect(output?.filename).toBe("lib/generated/graphql.ts");
  expect(readFileSync(path.join(webDir, "lib/generated/graphql.ts"), "utf8")).toBe(output!.content);
});
