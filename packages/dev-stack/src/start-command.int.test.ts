// The start command as a person runs it: it brings everything up and prints the URLs, a second
// run reuses the data and the web app's build, a killed process is restarted, Ctrl-C leaves nothing
// running, and a taken port or an invalid configuration stops it with the reason printed last.
import { spawn, spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "./paths.ts";
import { anyFreePort, isPortFree } from "./ports.ts";

const startScript = path.join(repoRoot, "packages/dev-stack/src/start.ts");
const dataDir = path.join(repoRoot, ".data/tmp", `start-command-${process.pid}`);
const holders: net.Server[] = [];
afterAll(() => {
  holders.forEach((server) => server.close());
  rmSync(dataDir, { recursive: true, force: true });
});

const cleanEnv = () => {
  const { DATABASE_URL: _db, REDIS_URL: _redis, TMDB_API_TOKEN: _token, API_PORT: _api, WEB_PORT: _web, ...env } = process.env;
  return { ...env, MOVIEREC_DATA_DIR: dataDir, LOG_LEVEL: "warn" };
};

/** Runs the start command until it prints that it is ready; returns its output and a stop(). */
async function startProduct() {
  const child = spawn(process.execPath, ["--import", "tsx", startScript], { cwd: repoRoot, env: cleanEnv(), stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes("movierec is running")) {
        clearInterval(timer);
        resolve();
      }
    }, 100);
    void exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`start exited with ${code} before it was ready:\n${output}`));
    });
  });
  const url = (label: string) => output.match(new RegExp(`${label}\\s+(http://\\S+)`))?.[1] ?? "";
  const port = (label: string) => Number(output.match(new RegExp(`${label}[^\\n]*?(?:127\\.0\\.0\\.1|localhost):(\\d+)`))?.[1]);
  return {
    pid: child.pid!,
    output: () => output,
    urls: { web: url("Web app"), graphql: url("GraphQL API"), health: url("Health"), playground: url("Playground") },
    ports: [port("Web app"), port("GraphQL API"), port("TMDB"), port("Postgres"), port("Redis")],
    interrupt: async () => {
      child.kill("SIGINT");
      return exited;
    },
  };
}

/** The pid of the start command's child whose command line contains `marker`. */
function childPid(parent: number, marker: string): number {
  const listing = spawnSync("ps", ["-o", "pid=,args=", "--ppid", String(parent)], { encoding: "utf8" }).stdout;
  const line = listing.split("\n").find((entry) => entry.includes(marker));
  if (!line) throw new Error(`no child of ${parent} runs ${marker}:\n${listing}`);
  return Number(line.trim().split(/\s+/)[0]);
}

async function waitFor(check: () => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("start command", () => {
  it("stops with a clear message when API_PORT is taken, before starting anything", async () => {
    const port = await anyFreePort();
    const holder = net.createServer().listen(port, "127.0.0.1");
    holders.push(holder);
    await new Promise((resolve) => holder.once("listening", resolve));
    const result = spawnSync(process.execPath, ["--import", "tsx", startScript], {
      cwd: repoRoot,
      env: { ...cleanEnv(), API_PORT: String(port) },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`API_PORT=${port}: port ${port} is already in use`);
    expect(result.stdout).not.toContain("initialising Postgres");
  });

  it("starts every part, reuses its data on the next run, and Ctrl-C stops every process", async () => {
    const first = await startProduct();
    try {
      expect(first.output()).toContain("initialising Postgres");
      expect(first.output()).toContain("applied migrations");
      expect(first.output()).toMatch(/TMDB: OFFLINE/);
      // The web app from a production build (built now, or already current from an earlier run).
      expect(first.output()).toMatch(/web: (built in|the production build is current)/);
      expect(first.output()).toContain("web app from a production build");
      expect(first.ports.every((port) => Number.isInteger(port) && port > 0)).toBe(true);

      const web = await fetch(first.urls.web);
      expect(web.status).toBe(200);
      expect(await web.text()).toContain("movierec");
      const ready = await fetch(first.urls.health.replace("/healthz", "/readyz"));
      expect(await ready.json()).toMatchObject({ status: "ready", tmdb: "offline" });
      const playground = await fetch(first.urls.playground);
      expect(playground.status).toBe(200);
    } finally {
      expect(await first.interrupt()).toBe(130); // 128 + SIGINT, as a shell reports Ctrl-C
    }
    // Nothing it started is still listening.
    for (const port of first.ports) expect(await isPortFree(port)).toBe(true);

    const second = await startProduct();
    try {
      expect(second.output()).not.toContain("initialising Postgres");
      expect(second.output()).not.toContain("applied migrations");
      // Nothing the build reads changed: no second build.
      expect(second.output()).toContain("web: the production build is current");
      expect(second.output()).not.toContain("next build");

      // A killed worker is restarted, and the rest of the product keeps serving meanwhile.
      const worker = () => childPid(second.pid, "src/worker.ts");
      const killed = worker();
      process.kill(killed, "SIGKILL");
      await waitFor(() => second.output().includes("worker restarted"), 30_000);
      expect(second.output()).toContain("worker was killed by SIGKILL (exit status 137); restarting it in 1 s");
      expect(second.output()).not.toContain("stopping everything");
      expect(worker()).not.toBe(killed);
      expect((await fetch(second.urls.health)).status).toBe(200);
    } finally {
      expect(await second.interrupt()).toBe(130);
    }
    for (const port of second.ports) expect(await isPortFree(port)).toBe(true);
  }, 240_000);

  it("stops everything on an invalid configuration, with the reason printed last and exit code 78", async () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", startScript], {
      cwd: repoRoot,
      env: { ...cleanEnv(), WORKER_LOCK_MS: "5" },
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(result.status).toBe(78);
    const output = `${result.stdout}${result.stderr}`;
    expect(output).toContain("WORKER_LOCK_MS");
    expect(result.stdout.trim().split("\n").at(-1)).toMatch(
      /(api|worker) exited with code 78: its configuration is invalid \(see its message above\); stopping everything/,
    );
    expect(output).not.toContain("stopped before");
    expect(output).not.toContain("restarting it");
  }, 150_000);
});
