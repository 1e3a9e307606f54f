import { describe, expect, it } from "vitest";
import { describeForLog } from "./logger";

describe("the web server's log lines", () => {
  it("keep only an error's name and message from next-auth's metadata (never the credentials it may carry)", () => {
    expect(describeForLog(new TypeError("boom"))).toEqual({ name: "TypeError", message: "boom" });
    expect(describeForLog({ error: new Error("inner"), providerId: "credentials", password: "hunter2" })).toEqual({ name: "Error", message: "inner" });
    expect(describeForLog({ password: "hunter2" })).toEqual({});
  });
});
