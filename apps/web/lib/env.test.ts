import { describe, expect, it } from "vitest";
import { parseServerEnv } from "./env";

describe("the web app's environment", () => {
  it("reads what is set, treats empty values as unset, and names a bad value with where to look", () => {
    expect(parseServerEnv({ API_URL: "http://127.0.0.1:4000", AUTH_SECRET: "s3cret", GITHUB_ID: "" })).toEqual({
      API_URL: "http://127.0.0.1:4000",
      AUTH_SECRET: "s3cret",
      IMAGE_ORIGINS: ["https://image.tmdb.org"],
    });
    expect(() => parseServerEnv({ API_URL: "127.0.0.1:4000" })).toThrow(/API_URL[\s\S]*\.env\.example/);
  });

  it("reads IMAGE_ORIGINS as a list of origins, and refuses anything but http(s) URLs", () => {
    expect(parseServerEnv({ IMAGE_ORIGINS: "http://127.0.0.1:4010/t/p/, https://images.example" }).IMAGE_ORIGINS).toEqual([
      "http://127.0.0.1:4010",
      "https://images.example",
    ]);
    expect(() => parseServerEnv({ IMAGE_ORIGINS: "javascript:alert(1)" })).toThrow(/IMAGE_ORIGINS/);
  });
});
