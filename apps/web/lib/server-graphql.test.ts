import { describe, expect, it } from "vitest";
import { INTERNAL_KEY_HEADER, isInternalCaller } from "../../api/src/modules/auth/oauth-account.service";
import { internalKeyHeader } from "./server-graphql";

describe("the web server's internal key", () => {
  it("is what the API accepts as the web server's own call, for the same AUTH_SECRET only", () => {
    const header = internalKeyHeader("shared-secret-0123456789");
    expect(Object.keys(header)).toEqual([INTERNAL_KEY_HEADER]);
    expect(isInternalCaller(header[INTERNAL_KEY_HEADER], "shared-secret-0123456789")).toBe(true);
    expect(isInternalCaller(header[INTERNAL_KEY_HEADER], "another-secret-0123456789")).toBe(false);
    expect(() => internalKeyHeader(undefined)).toThrow(/AUTH_SECRET/);
  });
});
