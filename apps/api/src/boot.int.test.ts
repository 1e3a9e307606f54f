// The API and the worker stop at once, with a message naming the variable, on bad configuration.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createTestDatabase, testRedisUrl } from "@movierec/dev-stack/testing";
import { createPrisma } from "./db.ts";

const apiDir = path.resolve(import.meta.dirname, "..");

function run(entry: string, env: Record<string, string | undefined>) {
  const { DATABASE_URL: _db, REDIS_URL: _redis, TMDB_API_TOKEN: _token, TMDB_API_BASE_URL: _base, API_PORT: _port, ...rest } = process.env;
  return spawnSync(process.execPath, ["--import", "tsx", entry], {
    cwd: apiDir,
    env: { ...rest, LOG_LEVEL: "warn", ...env },
    encoding: "utf8",
    timeout: 30_000,
  });
}

describe("process start-up", () => {
  it.each(["src/main.ts", "src/worker.ts"])("%s exits with EX_CONFIG naming the missing variables", (entry) => {
    const result = run(entry, { REDIS_URL: "redis://127.0.0.1:6379" });
    expect(result.status).toBe(78);
    expect(result.stderr).toContain("DATABASE_URL is required but not set");
    expect(result.stderr).toContain("neither TMDB_API_TOKEN (or TMDB_API_KEY) nor TMDB_API_BASE_URL is set");
  });

  it.each(["1", "2"])("the API exits with a clear message when API_PORT is taken (API_PROCESSES=%s)", async (processes) => {
    const database = await createTestDatabase();
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(0, "127.0.0.1", resolve));
    const { port } = holder.address() as net.AddressInfo;
    try {
      const result = run("src/main.ts", {
        DATABASE_URL: database.url,
        REDIS_URL: testRedisUrl(),
        TMDB_API_BASE_URL: "http://127.0.0.1:9/3",
        API_PORT: String(port),
        API_PROCESSES: processes,
      });
      expect(result.status).toBe(1);
      expect(`${result.stdout}${result.stderr}`).toContain(`API_PORT=${port} is already in use`);
    } finally {
      holder.close();
      await database.drop();
    }
  });

  it("an API process reads the catalogue into memory before it listens, so its first requests do not wait for that read", async () => {
    const database = await createTestDatabase();
    const prisma = createPrisma(database.url);
    await prisma.mediaCache.createMany({
      data: [1, 2, 3].map((tmdbId) => ({
        mediaType: "MOVIE" as const,
        tmdbId,
        title: `Warm ${tmdbId}`,
        originalTitle: `Warm ${tmdbId}`,
        originalLanguage: "en",
      })),
    });
    await prisma.$disconnect();
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(0, "127.0.0.1", resolve));
    const { port } = holder.address() as net.AddressInfo;
    await new Promise((resolve) => holder.close(resolve));
    try {
      // Listening on a port someone took makes the process stop right after it would have listened.
      const blocker = net.createServer();
      await new Promise<void>((resolve) => blocker.listen(port, "127.0.0.1", resolve));
      const result = run("src/main.ts", {
        DATABASE_URL: database.url,
        REDIS_URL: testRedisUrl(),
        TMDB_API_BASE_URL: "http://127.0.0.1:9/3",
        API_PORT: String(port),
        API_PROCESSES: "1",
        LOG_LEVEL: "info",
      });
      blocker.close();
      const lines = `${result.stdout}`
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .map((line) => JSON.parse(line) as { msg: string; titles?: number });
      const loaded = lines.findIndex((line) => line.msg === "serving index loaded");
      const listening = lines.findIndex((line) => line.msg.includes(`API_PORT=${port} is already in use`));
      expect(lines[loaded]?.titles).toBe(3);
      expect(listening, result.stdout).toBeGreaterThan(loaded);
    } finally {
      await database.drop();
    }
  });

  it("with API_PROCESSES=2 runs two API processes on one port, and SIGTERM stops them all", async () => {
    const database = await createTestDatabase();
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as net.AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    const { DATABASE_URL: _db, REDIS_URL: _redis, TMDB_API_TOKEN: _token, TMDB_API_BASE_URL: _base, API_PORT: _port, ...rest } = process.env;
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: apiDir,
      env: {
        ...rest,
        LOG_LEVEL: "warn",
        DATABASE_URL: database.url,
        REDIS_URL: testRedisUrl(),
        TMDB_API_BASE_URL: "http://127.0.0.1:9/3",
        API_PORT: String(port),
        API_PROCESSES: "2",
      },
      stdio: "ignore",
    });
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    const children = () =>
      execFileSync("ps", ["-o", "pid=", "--ppid", String(child.pid)], { encoding: "utf8" })
        .split("\n")
        .filter((line) => line.trim())
        .map(Number);
    try {
      const deadline = Date.now() + 60_000;
      let answered = false;
      while (!answered && Date.now() < deadline) {
        answered = (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null))?.ok === true;
        if (!answered) await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(answered).toBe(true);
      const apiProcesses = children();
      expect(apiProcesses).toHaveLength(2);
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
      const alive = apiProcesses.filter((pid) => {
        try {
          process.kill(pid, 0);
          return true;
        } catch {
          return false;
        }
      });
      expect(alive).toEqual([]);
    } finally {
      child.kill("SIGKILL");
      await database.drop();
    }
  }, 90_000);
});
