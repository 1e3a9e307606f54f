import { describe, expect, it } from "vitest";
import { parseServerEnv } from "./env";
import { parsePublicEnv } from "./public-env";

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

  it("gives the browser its two values, with defaults for empty ones, and refuses a playground URL that is not http(s)", () => {
    expect(parsePublicEnv({ NEXT_PUBLIC_PLAYGROUND_URL: "", NEXT_PUBLIC_SCHEMA_VERSION: "abc123" })).toEqual({
      NEXT_PUBLIC_PLAYGROUND_URL: "http://localhost:4000/playground",
      NEXT_PUBLIC_SCHEMA_VERSION: "abc123",
    });
    expect(parsePublicEnv({}).NEXT_PUBLIC_SCHEMA_VERSION).toBe("dev");
    expect(() => parsePublicEnv({ NEXT_PUBLIC_PLAYGROUND_URL: "javascript:alert(1)" })).toThrow(/NEXT_PUBLIC_PLAYGROUND_URL[\s\S]*\.env\.example/);
    expect(() => parsePublicEnv({ NEXT_PUBLIC_PLAYGROUND_URL: "not a url" })).toThrow(/NEXT_PUBLIC_PLAYGROUND_URL/);
  });
});
