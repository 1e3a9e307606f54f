import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { messagesFor } from "../i18n/messages";
import { classifyError, describeError, errorReason } from "./error-text";

const en = createTranslator({ locale: "en", messages: messagesFor("en"), namespace: "common.errors" });
const fr = createTranslator({ locale: "fr", messages: messagesFor("fr"), namespace: "common.errors" });
const graphql = (code: string, message: string) => ({ message, errors: [{ message, extensions: { code } }] });

describe("describeError", () => {
  it("turns a network failure into words a person can act on", () => {
    expect(describeError(new TypeError("Failed to fetch"), en)).toEqual({
      title: "Can’t reach movierec.",
      detail: "Check your connection. This page tries again by itself when you are back online.",
    });
    expect(describeError({ message: "NetworkError when attempting to fetch resource." }, en).title).toBe("Can’t reach movierec.");
  });

  it("heads the API's own message by its code", () => {
    expect(describeError(graphql("RATE_LIMITED", "Too many requests: try again in 12 s."), en)).toEqual({
      title: "That was a lot at once.",
      detail: "Too many requests: try again in 12 s.",
    });
    expect(describeError(graphql("SERVICE_UNAVAILABLE", "The database is unavailable."), en).title).toBe("movierec is having trouble right now.");
    expect(describeError(graphql("BAD_USER_INPUT", "yearFrom must not be after yearTo."), en).detail).toBe("yearFrom must not be after yearTo.");
    expect(describeError(graphql("INTERNAL_SERVER_ERROR", "Logged with request id 1."), en).title).toBe("Something went wrong.");
  });

  it("uses its own words where the API has none", () => {
    expect(describeError(graphql("UNAUTHENTICATED", "Not signed in."), en)).toEqual({
      title: "You are signed out.",
      detail: "Sign in again to see this page.",
    });
    expect(describeError({ statusCode: 503 }, en)).toEqual({ title: "movierec is having trouble right now.", detail: "Try again in a minute." });
    expect(describeError({ errors: [{ extensions: { code: "NOT_FOUND" } }] }, en).detail).toBe("It may have been removed.");
    expect(classifyError({ statusCode: 502 })).toEqual({ kind: "unavailable" });
  });

  it("speaks French, keeping the API's own message as it is", () => {
    expect(describeError(new TypeError("Failed to fetch"), fr)).toEqual({
      title: "Impossible de joindre movierec.",
      detail: "Vérifiez votre connexion. Cette page réessaiera d’elle-même dès que vous serez de nouveau en ligne.",
    });
    expect(describeError(graphql("RATE_LIMITED", "Too many requests: try again in 12 s."), fr)).toEqual({
      title: "Cela fait beaucoup d’un coup.",
      detail: "Too many requests: try again in 12 s.",
    });
    expect(describeError({ statusCode: 500 }, fr).detail).toBe("Réessayez dans une minute.");
  });
});

describe("errorReason", () => {
  it("gives the kind's words for a network failure or a broken answer, not the browser's", () => {
    expect(errorReason(new TypeError("Failed to fetch"), en)).toBe("Can’t reach movierec.");
    expect(errorReason(new TypeError("Failed to fetch"), fr)).toBe(fr("offline.title"));
    expect(errorReason({ message: "Response not successful: Received status code 502", statusCode: 502 }, en)).toBe("movierec is having trouble right now.");
    expect(errorReason(new SyntaxError("Unexpected token '<', \"<html>\" is not valid JSON"), en)).toBe("Something went wrong.");
  });

  it("passes on the API's sentence where it speaks to the person", () => {
    expect(errorReason(graphql("RATE_LIMITED", "Too many requests: try again in 12 s."), en)).toBe("Too many requests: try again in 12 s.");
    expect(errorReason(graphql("BAD_USER_INPUT", "A token name is at most 60 characters."), fr)).toBe("A token name is at most 60 characters.");
    expect(errorReason(graphql("FORBIDDEN", "That is not your current password; nothing was changed."), en)).toBe(
      "That is not your current password; nothing was changed.",
    );
  });

  it("keeps developers' words to itself", () => {
    expect(errorReason(graphql("INTERNAL_SERVER_ERROR", "Logged with request id 1."), en)).toBe("Something went wrong.");
    expect(errorReason(graphql("UNAUTHENTICATED", "Not signed in."), en)).toBe("You are signed out.");
  });
});
