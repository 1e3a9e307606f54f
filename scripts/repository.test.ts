// The repository explains itself: nothing in it points at files outside it (a sibling folder, or an
// absolute path on the machine it was written on). Someone who clones it has none of those.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// (spelled in pieces so that this file does not match itself)
const OUTSIDE = [
  new RegExp(["\\.\\.", "shared"].join("/")),
  new RegExp(["", "work", ""].join("/")),
  new RegExp(["", "(home|root|Users)", "[\\w.-]+", ""].join("/")),
];

describe("the repository", () => {
  it("points at nothing outside itself", () => {
    const files = execFileSync("git", ["ls-files", "-z"], { cwd: root, encoding: "utf8" })
      .split("\0")
      .filter((file) => file && !file.endsWith("pnpm-lock.yaml") && !/\.(png|jpe?g|ico|woff2?)$/.test(file));
    expect(files.length).toBeGreaterThan(100);
    const found: string[] = [];
    for (const file of files) {
      const lines = readFileSync(path.join(root, file), "utf8").split("\n");
      lines.forEach((line, index) => {
        if (OUTSIDE.some((pattern) => pattern.test(line))) found.push(`${file}:${index + 1}: ${line.trim().slice(0, 120)}`);
      });
    }
    expect(found).toEqual([]);
  });

  it("gives Apollo's hooks in the web app typed documents and no type arguments (so wrong variables do not compile)", () => {
    const files = execFileSync("git", ["ls-files", "-z", "apps/web"], { cwd: root, encoding: "utf8" })
      .split("\0")
      .filter((file) => /\.tsx?$/.test(file));
    expect(files.length).toBeGreaterThan(10);
    const explicit = files.filter((file) => /\buse(Query|Mutation|LazyQuery|SuspenseQuery|BackgroundQuery)</.test(readFileSync(path.join(root, file), "utf8")));
    expect(explicit).toEqual([]);
  });

  it("writes every web operation in a .graphql file that codegen checks, none as a string in code", () => {
    const files = execFileSync("git", ["ls-files", "-z", "apps/web"], { cwd: root, encoding: "utf8" })
      .split("\0")
      .filter((file) => /\.tsx?$/.test(file) && !file.includes("/generated/"));
    const inline = files.filter((file) =>
      /["'`]\s*(query|mutation|subscription|fragment)\s+\w+[\s\S]{0,80}?[({]/.test(readFileSync(path.join(root, file), "utf8")),
    );
    expect(inline).toEqual([]);
  });
});
