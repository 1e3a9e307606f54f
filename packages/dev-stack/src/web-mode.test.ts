import { describe, expect, it } from "vitest";
import { webMode } from "./web-mode.ts";

describe("webMode", () => {
  it("is next dev unless production is asked for", () => {
    expect(webMode(undefined)).toBe("dev");
    expect(webMode("")).toBe("dev");
    expect(webMode("dev")).toBe("dev");
    expect(webMode("production")).toBe("production");
  });

  it("names the variable and both values when it is anything else", () => {
    expect(() => webMode("prod")).toThrow('WEB_MODE must be "dev" (next dev, the default) or "production" (next build, then next start), not "prod"');
  });
});
