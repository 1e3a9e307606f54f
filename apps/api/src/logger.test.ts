import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createLogger, requestScope } from "./logger.ts";

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const logger = createLogger({ name: "test", level: "info", destination: { write: (line: string) => void lines.push(JSON.parse(line)) } });
  return { logger, lines };
}

describe("createLogger", () => {
  it("replaces values under secret-named keys at any depth, and URLs' query strings", () => {
    const { logger, lines } = capture();
    logger.info(
      {
        variables: { input: { email: "a@b.test", password: "hunter2-canary", newPassword: "x-canary" } },
        headers: { authorization: "Bearer mr_canary", cookie: "s=canary" },
        config: { TMDB_API_TOKEN: "canary-token", TMDB_API_KEY: "canary-key", AUTH_SECRET: "canary-secret" },
        list: [{ apiToken: "canary" }],
        url: "/graphql?query=mutation%7BsignIn(password%3A%22canary%22)%7D",
      },
      "probe",
    );
    const written = JSON.stringify(lines);
    expect(written).not.toContain("canary");
    expect(lines[0]).toMatchObject({
      variables: { input: { email: "a@b.test", password: "[redacted]" } },
      url: "/graphql?[redacted]",
      msg: "probe",
    });
  });

  it("adds the id of the request being served to every line, and nothing outside one", () => {
    const { logger, lines } = capture();
    requestScope.run({ requestId: "req-42" }, () => logger.child({ part: "x" }).warn("inside"));
    logger.warn("outside");
    expect(lines[0]).toMatchObject({ msg: "inside", requestId: "req-42", part: "x" });
    expect(lines[1]).not.toHaveProperty("requestId");
  });

  it("writes stdout lines in the order they were logged, even when the last is fatal and the process exits at once", () => {
    // The only libuv thread is busy, so a line written in the background would still wait for it
    // when the fatal line is written and the process exits.
    const script = `
      import { pbkdf2 } from "node:crypto";
      import { createLogger } from "./src/logger.ts";
      const logger = createLogger({ name: "order", level: "info" });
      pbkdf2("p", "s", 200_000, 32, "sha256", () => {});
      logger.info("first");
      logger.warn("second");
      logger.fatal("last");
      process.exit(1);`;
    const result = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
      cwd: path.resolve(import.meta.dirname, ".."),
      env: { ...process.env, UV_THREADPOOL_SIZE: "1" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status, result.stderr).toBe(1);
    const messages = result.stdout
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => (JSON.parse(line) as { msg: string }).msg);
    expect(messages).toEqual(["first", "second", "last"]);
  });
});
