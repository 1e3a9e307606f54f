import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const cli = fileURLToPath(new URL("./cli.ts", import.meta.url));
const tsx = fileURLToPath(new URL("../../../node_modules/.bin/tsx", import.meta.url));

describe("cli", () => {
  it("prints its listening line, serves, and exits cleanly on SIGTERM", async () => {
    const child = spawn(tsx, [cli, "--port", "0", "--host", "127.0.0.1"], {
      env: { ...process.env, CATALOGUE_SIZE: "300" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = "";
        child.stdout.on("data", (d: Buffer) => {
          out += d.toString();
          const nl = out.indexOf("\n");
          if (nl >= 0) resolve(out.slice(0, nl));
        });
        child.once("exit", (code) => reject(new Error(`cli exited early with ${code}`)));
        setTimeout(() => reject(new Error("no listening line")), 10_000);
      });
      const m = /^tmdb-catalogue listening on (http:\/\/127\.0\.0\.1:\d+) \(300 titles; images as WebP\)$/.exec(line);
      expect(m).not.toBeNull();
      const origin = m?.[1] as string;
      const health = await (await fetch(`${origin}/__control/health`)).json();
      expect(health).toMatchObject({ ok: true, titles: 300 });
      expect((await fetch(`${origin}/3/movie/popular`)).status).toBe(200);
      const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  }, 20_000);
});
