// Real API and worker processes for integration tests (`tsx src/main.ts`, `tsx src/worker.ts`),
// and small helpers for waiting on them and reading a request log.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const apiDir = path.resolve(import.meta.dirname, "../..");

export interface ProductProcess {
  child: ChildProcess;
  exited: Promise<number | null>;
  output(): string;
  kill(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts `src/main.ts` or `src/worker.ts` with only the environment given (plus PATH). */
export function spawnProductProcess(entry: "src/main.ts" | "src/worker.ts", env: Record<string, string>): ProductProcess {
  const child = spawn(process.execPath, ["--import", "tsx", entry], {
    cwd: apiDir,
    env: { PATH: process.env.PATH, NODE_ENV: "test", LOG_LEVEL: "warn", ...env },
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
