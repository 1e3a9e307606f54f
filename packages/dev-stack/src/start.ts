// `npm start`: the whole product on local defaults. Postgres and Redis (embedded/local unless
// DATABASE_URL/REDIS_URL are set), migrations, the offline TMDB catalogue (unless TMDB_API_TOKEN/KEY
// is set), then the API, the worker and the web app. Ctrl-C stops all of it.
import { spawn } from "node:child_process";
import path from "node:path";
import { waitForHttp } from "./http.ts";
import { dataRoot, repoRoot } from "./paths.ts";
import { choosePort } from "./ports.ts";
import { persistentSecret, redactUrl, startBackingServices } from "./services.ts";
import { Supervisor } from "./supervisor.ts";
import { buildIsCurrent, forgetBuild, rememberBuild, webBuildStamp } from "./web-build.ts";
import { webMode } from "./web-mode.ts";

const log = (message: string) => process.stdout.write(`[movierec] ${message}\n`);
const tsxLoader = ["--import", "tsx"];
const nextBin = path.join(repoRoot, "apps/web/node_modules/next/dist/bin/next");

const supervisor = new Supervisor({ log });
/** Aborted when everything stops (registered with the build, so it runs before the services' cleanup). */
const buildSteps = new AbortController();

/**
 * Runs a build step to its end; throws with its output when it fails. Stopped with everything else
 * (Ctrl-C, or the API or worker stopping everything on a configuration error while the web app builds).
 */
function runStep(name: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { ...options, stdio: ["ignore", "pipe", "pipe"], signal: buildSteps.signal });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk));
    child.once("error", reject);
    child.once("exit", (code, signal) => (code === 0 ? resolve() : reject(new Error(`${name} failed (${signal ?? `exit ${code}`}):\n${output}`))));
  });
}

/**
 * The web app as production runs it (WEB_MODE=production, the default): `next build` and the compile
 * hints (what apps/web's `npm run build` does), then `next start`. Skipped when `.next` already holds
 * the build these sources and settings make (web-build.ts): a second start takes seconds, not a minute.
 */
async function buildWeb(webDir: string, env: NodeJS.ProcessEnv): Promise<void> {
  const inputs = ["packages/schema/schema.graphql", "pnpm-lock.yaml", "tsconfig.base.json"].map((file) => path.join(repoRoot, file));
  const stamp = webBuildStamp({ webDir, inputs, env });
  if (buildIsCurrent(webDir, stamp)) {
    log("web: the production build is current (nothing it reads has changed); not building");
    return;
  }
  const started = Date.now();
  log("web: building for production (next build; WEB_MODE=dev runs next dev instead)…");
  forgetBuild(webDir);
  supervisor.onStop(async () => buildSteps.abort());
  await runStep("next build", [nextBin, "build"], { cwd: webDir, env });
  await runStep("compile hints", [...tsxLoader, "scripts/compile-hints.ts"], { cwd: webDir, env });
  rememberBuild(webDir, stamp);
  log(`web: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function main() {
  const started = Date.now();
  const env = process.env;
  const mode = webMode(env.WEB_MODE);

  // Every port is chosen before anything starts, so a clash fails fast with the variable's name.
  const apiPort = await choosePort({ service: "API", envVar: "API_PORT", defaultPort: 4000, log });
  const webPort = await choosePort({ service: "web app", envVar: "WEB_PORT", defaultPort: 3000, log });
  const offline = !env.TMDB_API_TOKEN && !env.TMDB_API_KEY;
  const cataloguePort = offline ? await choosePort({ service: "offline TMDB catalogue", envVar: "CATALOGUE_PORT", defaultPort: 4010, log }) : 0;

  const services = await startBackingServices({ mode: "persistent", database: "movierec", log });
  supervisor.onStop(services.stop);

  let tmdbBaseUrl = env.TMDB_API_BASE_URL ?? "https://api.themoviedb.org/3";
  let imageOrigins = env.IMAGE_ORIGINS;
  if (offline) {
    const catalogue = supervisor.run("catalogue", process.execPath, [...tsxLoader, "src/cli.ts", "--port", String(cataloguePort)], {
      cwd: path.join(repoRoot, "packages/tmdb-catalogue"),
      env: { ...env, CATALOGUE_SIZE: env.CATALOGUE_SIZE ?? "5000" },
    });
    const origin = `http://127.0.0.1:${cataloguePort}`;
    await waitForHttp({ url: `${origin}/__control/health`, process: catalogue });
    tmdbBaseUrl = `${origin}/3`;
    // Its posters come from the catalogue too: the web's CSP lets pages load them.
    imageOrigins ??= origin;
    log(`TMDB: OFFLINE. Neither TMDB_API_TOKEN nor TMDB_API_KEY is set, so movierec uses the offline catalogue at ${tmdbBaseUrl}`);
  } else {
    log(`TMDB: online at ${tmdbBaseUrl} (${env.TMDB_API_TOKEN ? "TMDB_API_TOKEN" : "TMDB_API_KEY"} is set)`);
  }

  const productEnv: NodeJS.ProcessEnv = {
    ...env,
    NODE_ENV: env.NODE_ENV ?? "development",
    DATABASE_URL: services.databaseUrl,
    REDIS_URL: services.redisUrl,
    TMDB_API_BASE_URL: tmdbBaseUrl,
    AUTH_SECRET: env.AUTH_SECRET ?? persistentSecret("auth"),
    API_PORT: String(apiPort),
    API_URL: `http://127.0.0.1:${apiPort}`,
    // The web server (on this machine) relays sign-ins with the browser's address: the API believes
    // X-Forwarded-For from loopback, so each browser has its own per-address budget.
    TRUST_PROXY: env.TRUST_PROXY ?? "127.0.0.1,::1",
    WEB_PORT: String(webPort),
    NEXT_TELEMETRY_DISABLED: "1",
    // next-auth v4 builds its callback URLs from NEXTAUTH_URL; the browser opens the playground itself.
    NEXTAUTH_URL: env.NEXTAUTH_URL ?? `http://localhost:${webPort}`,
    NEXT_PUBLIC_PLAYGROUND_URL: env.NEXT_PUBLIC_PLAYGROUND_URL ?? `http://localhost:${apiPort}/playground`,
    // The web app's address for the API: its Settings (linked from /docs, where a developer makes a
    // token or registers an app) and its pages that approve third-party apps and devices.
    WEB_URL: env.WEB_URL ?? `http://localhost:${webPort}`,
    // Where third-party apps reach the API (the OAuth issuer is this + /oauth).
    API_PUBLIC_URL: env.API_PUBLIC_URL ?? `http://localhost:${apiPort}`,
    ...(imageOrigins ? { IMAGE_ORIGINS: imageOrigins } : {}),
  };
  const apiDir = path.join(repoRoot, "apps/api");
  const api = supervisor.run("api", process.execPath, [...tsxLoader, "src/main.ts"], { cwd: apiDir, env: productEnv });
  supervisor.run("worker", process.execPath, [...tsxLoader, "src/worker.ts"], { cwd: apiDir, env: productEnv });
  const webDir = path.join(repoRoot, "apps/web");
  // Next.js expects NODE_ENV=production for a build and for `next start`; the API and worker keep theirs.
  const webEnv: NodeJS.ProcessEnv = mode === "production" ? { ...productEnv, NODE_ENV: "production" } : productEnv;
  if (mode === "production") {
    await buildWeb(webDir, webEnv);
    // The API or worker may have stopped everything while the build ran (a configuration error).
    if (supervisor.fatal) throw new Error(supervisor.fatal);
  }
  const web = supervisor.run(
    "web",
    process.execPath,
    [nextBin, mode === "production" ? "start" : "dev", "--port", String(webPort), "--hostname", "127.0.0.1"],
    {
      cwd: webDir,
      env: webEnv,
    },
  );
  await waitForHttp({ url: `http://127.0.0.1:${apiPort}/healthz`, process: api });
  await waitForHttp({ url: `http://127.0.0.1:${webPort}/`, process: web, timeoutMs: 180_000 });

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const lines = [
    `movierec is running (ready in ${seconds} s${mode === "production" ? ", web app from a production build" : ""}). Ctrl-C stops everything.`,
    ``,
    `  Web app      http://localhost:${webPort}`,
    `  GraphQL API  http://localhost:${apiPort}/graphql`,
    `  Playground   http://localhost:${apiPort}/playground`,
    `  Health       http://localhost:${apiPort}/healthz`,
    `  TMDB         ${offline ? `OFFLINE catalogue at ${tmdbBaseUrl} (set TMDB_API_TOKEN or TMDB_API_KEY for TMDB)` : tmdbBaseUrl}`,
    `  Postgres     ${redactUrl(services.databaseUrl)} (${services.postgres === "embedded" ? `embedded, data in ${dataRoot}/postgres` : "DATABASE_URL"})`,
    `  Redis        ${redactUrl(services.redisUrl)} (${services.redis === "local" ? `local redis-server, data in ${dataRoot}/redis` : "REDIS_URL"})`,
  ];
  process.stdout.write(`\n${lines.map((line) => `  ${line}`).join("\n")}\n\n`);
  process.exitCode = await supervisor.finished;
}

main().catch(async (error: Error) => {
  // When a process stopped everything (a configuration error, a crash loop), its reason is printed
  // last by the supervisor; "X stopped before Y answered" would only blame whoever was being waited for.
  if (!supervisor.fatal) process.stderr.write(`[movierec] could not start: ${error.message}\n`);
  await supervisor.stop("crash", 1);
  process.exit(await supervisor.finished);
});
