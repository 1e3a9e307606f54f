// The web app as production runs it, for benchmarks that drive it with a browser: `next build`
// (timed) and `next start` as its own process, plus Debian's Chromium through the e2e tier's
// Playwright, launched with the same flags as e2e/playwright.config.ts.
//
// The build goes into apps/web/.next, the default distDir. That does not disturb a `next dev` of
// the same checkout (npm start, the e2e tier): Next 16 keeps the dev server's output in .next/dev
// and `next build` cleans .next except dev/, cache/ and its lock. A separate distDir would make
// Next rewrite the tracked tsconfig.json to point at it, so it is not used.
//
// Next bakes two run-time addresses into the build: the /graphql rewrite's API_URL (into
// .next/routes-manifest.json) and NEXT_PUBLIC_PLAYGROUND_URL (into the client bundle). The build is
// therefore made for one API address and is redone every run (it also cannot tell cheaply that
// the sources did not change); its time is reported.
import { spawn, spawnSync, type ChildProcessByStdio } from "node:child_process";
import type { Readable } from "node:stream";
import { createRequire } from "node:module";
import path from "node:path";
import { waitUntil } from "../../apps/api/src/test-support/processes.ts";
import { addCompileHints } from "../../apps/web/scripts/compile-hints.ts";

const repoRoot = path.resolve(import.meta.dirname, "../..");
export const webDir = path.join(repoRoot, "apps/web");
const nextBin = path.join(webDir, "node_modules/next/dist/bin/next");

/**
 * Playwright as the e2e tier has it installed (bench/ has no node_modules of its own). Its types come
 * from playwright-core through pnpm's hoisted folder: @playwright/test's own .d.ts re-exports a bare
 * "playwright/test" that TypeScript cannot resolve when the package is imported by path.
 */
export type { Browser, Page, Request, Response } from "../../node_modules/.pnpm/node_modules/playwright-core/index.js";
export const playwright = createRequire(path.join(repoRoot, "e2e/package.json"))(
  "@playwright/test",
) as typeof import("../../node_modules/.pnpm/node_modules/playwright-core/index.js");
export { chromiumLaunchOptions } from "../../packages/dev-stack/src/chromium.ts";

export interface WebEnv {
  apiUrl: string;
  webPort: number;
  authSecret: string;
  /** Where posters may load from (the Content-Security-Policy's img-src): the offline catalogue's image route. */
  imageOrigins?: string;
}

function nextEnv(options: WebEnv): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "/tmp",
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    API_URL: options.apiUrl,
    AUTH_SECRET: options.authSecret,
    // The browser uses this exact origin, so next-auth's callback URLs and cookies match it.
    NEXTAUTH_URL: `http://127.0.0.1:${options.webPort}`,
    NEXT_PUBLIC_PLAYGROUND_URL: `${options.apiUrl}/playground`,
    ...(options.imageOrigins ? { IMAGE_ORIGINS: options.imageOrigins } : {}),
  };
}

export interface WebBuild {
  seconds: number;
  output: string;
  /** Lines of the build's output that look like warnings or errors. */
  warnings: string[];
}

/** `next build` for apps/web with the addresses it bakes in. Throws with the output when it fails. */
export function buildWeb(options: WebEnv): WebBuild {
  const started = performance.now();
  // BENCH_NEXT_BUILD_ARGS: extra `next build` flags for a profiling build (`--no-mangling` keeps
  // function names, so browser-profile.ts's CPU profiles name React's and Apollo's functions).
  const extra = (process.env.BENCH_NEXT_BUILD_ARGS ?? "").split(" ").filter(Boolean);
  const result = spawnSync(process.execPath, [nextBin, "build", ...extra], {
    cwd: webDir,
    env: nextEnv(options),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  // As `npm run build` does after `next build` (apps/web/scripts/compile-hints.ts); BENCH_COMPILE_HINTS=0 leaves them out, to compare.
  if (result.status === 0 && process.env.BENCH_COMPILE_HINTS !== "0") addCompileHints(path.join(webDir, ".next/static/chunks"));
  const seconds = (performance.now() - started) / 1000;
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status ?? result.signal}):\n${output}`);
  const warnings = output.split("\n").filter((line) => /⚠|warn|error/i.test(line));
  return { seconds, output, warnings };
}

export interface WebServer {
  url: string;
  child: ChildProcessByStdio<null, Readable, Readable>;
  output(): string;
  stop(): Promise<void>;
}

/** `next start` on the given port (its own process group), resolved once `/signin` answers 200. */
export async function startWeb(options: WebEnv): Promise<WebServer> {
  const child = spawn(process.execPath, [nextBin, "start", "--port", String(options.webPort), "--hostname", "127.0.0.1"], {
    cwd: webDir,
    env: nextEnv(options),
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${options.webPort}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {}
    }, 5_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitUntil(
      "next start answers /signin",
      async () => {
        if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${output}`);
        return (await fetch(`${url}/signin`, { redirect: "manual" }).catch(() => null))?.status === 200;
      },
      60_000,
      200,
    );
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${output}`);
  }
  return { url, child, output: () => output, stop };
}
