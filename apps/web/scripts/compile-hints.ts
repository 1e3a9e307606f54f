// Marks the browser's scripts of a production build (`.next/static/chunks/**/*.js`) with V8's
// explicit compile hint, `//# allFunctionsCalledOnLoad` as each file's first line: Chrome then
// compiles every function of the file while it streams the file in, on a background thread, instead
// of compiling each function on the main thread the first time it is called. Nearly all of these
// scripts run as soon as they arrive (the framework's, the page's, Apollo Client's after the first
// paint), and that first-call compiling was half of the page's hydration task — Turbopack's
// `instantiateModule`, 230–400 ms of one task at Lighthouse's 4× CPU (bench/README.md). Browsers
// without the hint read a comment.
//
// Run by `npm run build` after `next build` (package.json); idempotent.
//
//   node --import tsx scripts/compile-hints.ts [.next/static/chunks]
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const COMPILE_HINT = "//# allFunctionsCalledOnLoad";

/** Adds the hint to every `.js` file under `dir` that has not got it; returns how many it changed. */
export function addCompileHints(dir: string): number {
  let changed = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".js")) continue;
    const file = path.join(entry.parentPath, entry.name);
    const source = readFileSync(file, "utf8");
    if (source.startsWith(COMPILE_HINT)) continue;
    writeFileSync(file, `${COMPILE_HINT}\n${source}`);
    changed++;
  }
  return changed;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, "../.next/static/chunks"));
  const changed = addCompileHints(dir);
  console.log(`compile hints: ${changed} scripts in ${path.relative(process.cwd(), dir) || "."} marked`);
}
