import { describe, expect, it } from "vitest";
import { describeError } from "./error-text";

describe("describeError", () => {
  it("turns a network failure into words a person can act on", () => {
    expect(describeError(new TypeError("Failed to fetch"))).toEqual({
      title: "Can’t reach movierec.",
      detail: "Check your connection. This page tries again by itself when you are back online.",
    });
    expect(describeError({ message: "NetworkError when attempting to fetch resource." }).title).toBe("Can’t reach movierec.");
  });

  it("heads the API's own message by its code", () => {
    const graphql = (code: string, message: string) => ({ message, errors: [{ message, extensions: { code } }] });
    expect(describeError(graphql("RATE_LIMITED", "Too many requests: try again in 12 s."))).toEqual({
      title: "That was a lot at once.",
      detail: "Too many requests: try again in 12 s.",
    });
    expect(describeError(graphql("SERVICE_UNAVAILABLE", "The database is unavailable.")).title).toBe("movierec is having trouble right now.");
    expect(describeError(graphql("BAD_USER_INPUT", "yearFrom must not be after yearTo.")).detail).toBe("yearFrom must not be after yearTo.");
    expect(describeError(graphql("INTERNAL_SERVER_ERROR", "Logged with request id 1.")).title).toBe("Something went wrong.");
  });
});
