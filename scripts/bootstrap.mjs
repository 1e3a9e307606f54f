// Brings a machine that has only Node.js up to what the project needs: pnpm (installed into
// .tools/, never globally), the workspace's dependencies, the generated Prisma client, and the
// system packages a fresh Debian machine lacks (redis-server; chromium for the browser tests).
// Plain Node.js with no dependencies, because it runs before anything is installed.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync, mkdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const PNPM_VERSION = "12.21.0";
const toolsDir = path.join(repoRoot, ".tools");
const pnpmBin = path.join(toolsDir, "node_modules", ".bin", "pnpm");

export function log(message) {
  process.stdout.write(`[movierec] ${message}\n`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: "inherit", cwd: repoRoot, ...options });
  if (result.status !== 0) {
    throw new Error(`\`${command} ${args.join(" ")}\` failed with exit code ${result.status ?? result.signal}`);
  }
}

function onPath(command) {
  return spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
}

export function pnpm() {
  if (!existsSync(pnpmBin)) {
    log(`installing pnpm ${PNPM_VERSION} into .tools/`);
    mkdirSync(toolsDir, { recursive: true });
    run("npm", ["install", "--prefix", toolsDir, "--no-audit", "--no-fund", "--loglevel=error", `pnpm@${PNPM_VERSION}`]);
  }
  return pnpmBin;
}

let aptUpdated = false;
function aptInstall(packages) {
  if (process.getuid?.() !== 0) {
    throw new Error(`missing system packages: ${packages.join(", ")}. Install them (e.g. sudo apt-get install -y ${packages.join(" ")}) and run again.`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  if (!aptUpdated) {
    log("apt-get update");
    run("apt-get", ["update", "-qq"], { env });
    aptUpdated = true;
  }
  log(`apt-get install ${packages.join(" ")}`);
  run("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...packages], { env });
}

function ensureRedis() {
  if (process.env.REDIS_URL) return;
  if (!onPath("redis-server")) aptInstall(["redis-server"]);
}

const chromiumPath = "/usr/bin/chromium";
function ensureChromium() {
  if (!existsSync(chromiumPath)) aptInstall(["chromium"]);
}

// Installs dependencies when package.json or the lockfile changed since the last install.
function ensureDependencies() {
  const stamp = path.join(repoRoot, "node_modules", ".movierec-install-stamp");
  const inputs = ["pnpm-lock.yaml", "package.json", "pnpm-workspace.yaml"]
    .map((file) => path.join(repoRoot, file))
    .filter(existsSync)
    .map((file) => `${file}:${statSync(file).mtimeMs}:${readFileSync(file, "utf8").length}`)
    .join("|");
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === inputs) return;
  const frozen = process.env.CI ? ["--frozen-lockfile"] : [];
  log("installing dependencies (pnpm install)");
  run(pnpm(), ["install", "--reporter=append-only", ...frozen]);
  writeFileSync(stamp, inputs);
}

function ensurePrismaClient() {
  run(process.execPath, [path.join(repoRoot, "scripts", "prisma-generate.mjs")]);
}

export function bootstrap({ browser = false } = {}) {
  const started = Date.now();
  ensureDependencies();
  ensurePrismaClient();
  ensureRedis();
  if (browser) ensureChromium();
  log(`tooling ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
