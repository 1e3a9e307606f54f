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
});
