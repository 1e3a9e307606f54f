// Whether the web app's production build (apps/web/.next) is the one its sources and settings would
// make now, so `npm start` can skip `next build` (≈ 35–60 s here) when nothing it reads has changed.
// What a build reads: apps/web's own files, the GraphQL schema (next.config.ts hashes it into the
// browser's cache version), the lockfile (the dependencies' code), the TypeScript settings apps/web's
// extend (the build type-checks), and the settings Next bakes into
// the build: every NEXT_PUBLIC_* value (inlined into the browser's code), API_URL (the rewrites to
// the API) and NODE_ENV.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Written into `.next` once a build and its compile hints have finished. */
export const STAMP_FILE = "movierec-build-stamp";

/** apps/web's own paths that are not its sources: the builds' output, dependencies, TypeScript's incremental state. */
const NOT_SOURCES = new Set([".next", "node_modules", "tsconfig.tsbuildinfo", "next-env.d.ts"]);

/** The settings a build bakes in, by name. */
export function bakedSettings(env: NodeJS.ProcessEnv): Array<[string, string]> {
  return Object.entries(env)
    .filter(
      (entry): entry is [string, string] =>
        entry[1] !== undefined && (entry[0].startsWith("NEXT_PUBLIC_") || entry[0] === "API_URL" || entry[0] === "NODE_ENV"),
    )
    .sort(([a], [b]) => (a < b ? -1 : 1));
}

function sourceFiles(dir: string, relative = ""): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(path.join(dir, relative), { withFileTypes: true })) {
    if (relative === "" && NOT_SOURCES.has(entry.name)) continue;
    const child = path.join(relative, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(dir, child));
    else if (entry.isFile()) files.push(child);
  }
  return files.sort();
}

/** A hash of everything the build reads (see the top of this file). */
export function webBuildStamp({ webDir, inputs, env }: { webDir: string; inputs: string[]; env: NodeJS.ProcessEnv }): string {
  const hash = createHash("sha256");
  for (const file of sourceFiles(webDir))
    hash
      .update(`file ${file}\0`)
      .update(readFileSync(path.join(webDir, file)))
      .update("\0");
  for (const input of inputs)
    hash
      .update(`input ${input}\0`)
      .update(existsSync(input) ? readFileSync(input) : "missing")
      .update("\0");
  for (const [name, value] of bakedSettings(env)) hash.update(`env ${name}=${value}\0`);
  return hash.digest("hex");
}

/**
 * True when `.next` holds a finished build made from exactly this stamp. The stamp is kept with the
 * build's BUILD_ID (new for every build): a build made otherwise (a benchmark's, `next build` by
 * hand) replaces the ID, so an old stamp left beside it does not count.
 */
export function buildIsCurrent(webDir: string, stamp: string): boolean {
  const nextDir = path.join(webDir, ".next");
  try {
    return readFileSync(path.join(nextDir, STAMP_FILE), "utf8") === `${readFileSync(path.join(nextDir, "BUILD_ID"), "utf8")} ${stamp}`;
  } catch {
    return false;
  }
}

/** Before a build: a build stopped half-way must not pass for the last finished one. */
export function forgetBuild(webDir: string): void {
  rmSync(path.join(webDir, ".next", STAMP_FILE), { force: true });
}

/** After a build and its compile hints have finished. */
export function rememberBuild(webDir: string, stamp: string): void {
  const nextDir = path.join(webDir, ".next");
  writeFileSync(path.join(nextDir, STAMP_FILE), `${readFileSync(path.join(nextDir, "BUILD_ID"), "utf8")} ${stamp}`);
}
