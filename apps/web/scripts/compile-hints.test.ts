import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { addCompileHints, COMPILE_HINT } from "./compile-hints";

describe("addCompileHints", () => {
  it("puts the hint first in every script under the folder, once, and leaves other files alone", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "compile-hints-"));
    mkdirSync(path.join(dir, "app"));
    writeFileSync(path.join(dir, "a.js"), "(globalThis.TURBOPACK||=[]).push([]);");
    writeFileSync(path.join(dir, "app", "b.js"), "console.log(1);");
    writeFileSync(path.join(dir, "c.css"), "body{}");
    expect(addCompileHints(dir)).toBe(2);
    expect(readFileSync(path.join(dir, "a.js"), "utf8")).toBe(`${COMPILE_HINT}\n(globalThis.TURBOPACK||=[]).push([]);`);
    expect(readFileSync(path.join(dir, "app", "b.js"), "utf8")).toBe(`${COMPILE_HINT}\nconsole.log(1);`);
    expect(readFileSync(path.join(dir, "c.css"), "utf8")).toBe("body{}");
    // A second run (a build started again) changes nothing.
    expect(addCompileHints(dir)).toBe(0);
    expect(readFileSync(path.join(dir, "a.js"), "utf8").split(COMPILE_HINT)).toHaveLength(2);
  });
});
