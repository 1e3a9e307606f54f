// The start command fails fast, before starting anything, when a port it was told to use is taken.
import { spawnSync } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "./paths.ts";
import { anyFreePort } from "./ports.ts";

const holders: net.Server[] = [];
afterAll(() => holders.forEach((server) => server.close()));

describe("start command", () => {
  it("stops with a clear message when API_PORT is taken", async () => {
    const port = await anyFreePort();
    const holder = net.createServer().listen(port, "127.0.0.1");
    holders.push(holder);
    await new Promise((resolve) => holder.once("listening", resolve));
    const started = Date.now();
    const result = spawnSync(process.execPath, ["--import", "tsx", path.join(repoRoot, "packages/dev-stack/src/start.ts")], {
      cwd: repoRoot,
      env: { ...process.env, API_PORT: String(port), MOVIEREC_DATA_DIR: path.join(repoRoot, ".data/tmp/start-command-test") },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`API_PORT=${port}: port ${port} is already in use`);
    expect(result.stdout).not.toContain("initialising Postgres");
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
