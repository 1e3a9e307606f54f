import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import net from "node:net";

export interface RedisHandle {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export class RedisStartError extends Error {
  override name = "RedisStartError";
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.setTimeout(500);
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => {
      socket.destroy();
      resolve(data.toString().startsWith("+PONG"));
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/**
 * Runs `redis-server` as a child process bound to 127.0.0.1. With `dataDir`, it keeps an
 * append-only file there (fsync every second), so queued jobs survive a restart; without, it
 * keeps nothing on disk (tests).
 */
export async function startRedis(options: { port: number; dataDir?: string; log: (line: string) => void }): Promise<RedisHandle> {
  const persistence = options.dataDir
    ? ["--dir", options.dataDir, "--appendonly", "yes", "--appendfsync", "everysec", "--save", ""]
    : ["--save", "", "--appendonly", "no"];
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const child = spawn(
    "redis-server",
    ["--port", String(options.port), "--bind", "127.0.0.1", "--protected-mode", "yes", "--loglevel", "warning", ...persistence],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  const output: string[] = [];
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) if (line.trim()) output.push(line);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  let spawnError: Error | undefined;
  child.once("error", (error) => (spawnError = error));

  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (spawnError) throw new RedisStartError(`could not run redis-server: ${spawnError.message}. Install it (apt-get install redis-server) or set REDIS_URL.`);
    if (child.exitCode !== null) break;
    if (await ping(options.port)) {
      return {
        url: `redis://127.0.0.1:${options.port}`,
        process: child,
        stop: async () => {
          if (child.exitCode === null) {
            child.kill("SIGTERM");
            await exited;
          }
        },
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill("SIGKILL");
  throw new RedisStartError(`redis-server did not start on 127.0.0.1:${options.port}. It said:\n  ${output.slice(-10).join("\n  ")}`);
}
