import { describe, expect, it } from "vitest";
import { webMode } from "./web-mode.ts";

describe("webMode", () => {
  it("is a production build unless next dev is asked for", () => {
    expect(webMode(undefined)).toBe("production");
    expect(webMode("")).toBe("production");
    expect(webMode("production")).toBe("production");
    expect(webMode("dev")).toBe("dev");
  });

  it("names the variable and both values when it is anything else", () => {
    expect(() => webMode("prod")).toThrow('WEB_MODE must be "production" (next build, then next start; the default) or "dev" (next dev), not "prod"');
  });
});
