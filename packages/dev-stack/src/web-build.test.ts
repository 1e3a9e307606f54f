import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildIsCurrent, forgetBuild, rememberBuild, webBuildStamp } from "./web-build.ts";

let root: string;
let webDir: string;
let schema: string;
const env: NodeJS.ProcessEnv = {
  NODE_ENV: "production",
  API_URL: "http://127.0.0.1:4000",
  NEXT_PUBLIC_PLAYGROUND_URL: "http://localhost:4000/playground",
  PATH: "/usr/bin",
};
const stamp = (overrides: Record<string, string> = {}) => webBuildStamp({ webDir, inputs: [schema], env: { ...env, ...overrides } });

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "web-build-"));
  webDir = path.join(root, "web");
  mkdirSync(path.join(webDir, "app"), { recursive: true });
  mkdirSync(path.join(webDir, ".next"));
  mkdirSync(path.join(webDir, "node_modules"));
  writeFileSync(path.join(webDir, "app/page.tsx"), "export default function Page() {}");
  writeFileSync(path.join(webDir, "next.config.ts"), "export default {}");
  schema = path.join(root, "schema.graphql");
  writeFileSync(schema, "type Query { a: Int }");
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("webBuildStamp", () => {
  it("changes with a source file, a new file, the schema and a baked setting", () => {
    const first = stamp();
    expect(stamp()).toBe(first);
    writeFileSync(path.join(webDir, "app/page.tsx"), "export default function Page() { return null }");
    const edited = stamp();
    expect(edited).not.toBe(first);
    writeFileSync(path.join(webDir, "app/new.tsx"), "");
    const added = stamp();
    expect(added).not.toBe(edited);
    writeFileSync(schema, "type Query { b: Int }");
    const newSchema = stamp();
    expect(newSchema).not.toBe(added);
    expect(stamp({ NEXT_PUBLIC_PLAYGROUND_URL: "http://localhost:4100/playground" })).not.toBe(newSchema);
    expect(stamp({ API_URL: "http://127.0.0.1:4100" })).not.toBe(newSchema);
  });

  it("ignores the build's own output, dependencies and settings the build does not read", () => {
    const first = stamp();
    writeFileSync(path.join(webDir, ".next/BUILD_ID"), "x");
    writeFileSync(path.join(webDir, "node_modules/a.js"), "");
    writeFileSync(path.join(webDir, "tsconfig.tsbuildinfo"), "{}");
    expect(stamp({ PATH: "/bin", AUTH_SECRET: "another" })).toBe(first);
  });
});

describe("buildIsCurrent", () => {
  it("holds only for the finished build the stamp was kept with", () => {
    const current = stamp();
    expect(buildIsCurrent(webDir, current)).toBe(false);
    writeFileSync(path.join(webDir, ".next/BUILD_ID"), "build-1");
    rememberBuild(webDir, current);
    expect(buildIsCurrent(webDir, current)).toBe(true);
    expect(buildIsCurrent(webDir, stamp({ API_URL: "http://127.0.0.1:4100" }))).toBe(false);
    // Another build (a benchmark's) over it, the stamp left beside it.
    writeFileSync(path.join(webDir, ".next/BUILD_ID"), "build-2");
    expect(buildIsCurrent(webDir, current)).toBe(false);
    rememberBuild(webDir, current);
    expect(buildIsCurrent(webDir, current)).toBe(true);
    forgetBuild(webDir);
    expect(buildIsCurrent(webDir, current)).toBe(false);
  });
});
