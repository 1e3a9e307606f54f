// The client's typed documents are what graphql-codegen makes of src/operations.graphql and the
// public schema today: an operation that no longer fits the schema, or a generated file left behind
// after a change to either, fails here.
import { readFileSync } from "node:fs";
import path from "node:path";
import { generate } from "@graphql-codegen/cli";
import { expect, it } from "vitest";
import config from "../codegen.ts";

const clientDir = path.resolve(import.meta.dirname, "..");

it("src/generated/graphql.ts is up to date with the operations and the public schema (else: npm run pnpm -- --filter @movierec/client codegen)", async () => {
  const [output] = await generate({ ...config, cwd: clientDir, silent: true, errorsOnly: true }, false);
  expect(output?.filename).toBe("src/generated/graphql.ts");
  expect(readFileSync(path.join(clientDir, "src/generated/graphql.ts"), "utf8")).toBe(output!.content);
});
