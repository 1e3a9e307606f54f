// Real API and worker processes for integration tests (`tsx src/main.ts`, `tsx src/worker.ts`) and
// benchmarks (the production build, `node dist/main.js`), and small helpers for waiting on them.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const apiDir = path.resolve(import.meta.dirname, "../..");
let built = false;

/** Runs the API's production build (apps/api/build.mjs → dist/) once per process. */
export function buildApiOnce(): void {
  if (built) return;
  execFileSync(process.execPath, ["build.mjs"], { cwd: apiDir, stdio: "inherit" });
  built = true;
}

export interface ProductProcess {
  child: ChildProcess;
  exited: Promise<number | null>;
  output(): string;
  kill(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts `src/main.ts` or `src/worker.ts` with only the environment given (plus PATH). With
 * `production: true` it runs the built `dist/main.js` / `dist/worker.js` under NODE_ENV=production
 * instead (built on first use). `nodeArgs` go to node itself (e.g. --cpu-prof, which NODE_OPTIONS refuses), after the
 * production flags, so they can override them.
 */
export function spawnProductProcess(
  entry: "src/main.ts" | "src/worker.ts",
  env: Record<string, string>,
  options: { production?: boolean; nodeArgs?: string[] } = {},
): ProductProcess {
  if (options.production) buildApiOnce();
  // As `pnpm start:production` runs it: a larger young generation (--max-semi-space-size=32) cut
  // garbage collection enough to serve ~30 % more cached recommendations per second (bench/).
  // `nodeArgs` come after these, so a flag given there wins (node takes a V8 flag's last value).
  const production = ["--enable-source-maps", "--max-semi-space-size=32"];
  const script = options.production ? [entry.replace(/^src\/(.*)\.ts$/, "dist/$1.js")] : ["--import", "tsx", entry];
  const args = [...(options.production ? production : []), ...(options.nodeArgs ?? []), ...script];
  const child = spawn(process.execPath, args, {
    cwd: apiDir,
    env: { PATH: process.env.PATH, NODE_ENV: options.production ? "production" : "test", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    child,
    exited,
    output: () => output,
    async kill(signal = "SIGKILL") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

export async function waitUntil(what: string, condition: () => Promise<boolean>, timeoutMs = 60_000, pollMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  throw new Error(`timed out waiting until ${what}`);
}

/** The most requests that started within any `windowMs` (start times in ms). */
export function maxInAnyWindow(startTimes: number[], windowMs: number): number {
  const sorted = [...startTimes].sort((a, b) => a - b);
  let best = 0;
  for (let from = 0, to = 0; to < sorted.length; to++) {
    while (sorted[to]! - sorted[from]! >= windowMs) from++;
    best = Math.max(best, to - from + 1);
  }
  return best;
}
