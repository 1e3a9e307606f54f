import { describe, expect, it } from "vitest";
import { parseServerEnv } from "./env";

describe("the web app's environment", () => {
  it("reads what is set, treats empty values as unset, and names a bad value with where to look", () => {
    expect(parseServerEnv({ API_URL: "http://127.0.0.1:4000", AUTH_SECRET: "s3cret", GITHUB_ID: "" })).toEqual({
      API_URL: "http://127.0.0.1:4000",
      AUTH_SECRET: "s3cret",
    });
    expect(() => parseServerEnv({ API_URL: "127.0.0.1:4000" })).toThrow(/API_URL[\s\S]*\.env\.example/);
  });
});
