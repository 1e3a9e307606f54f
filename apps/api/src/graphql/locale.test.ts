import { describe, expect, it } from "vitest";
import { requestLocale } from "./locale.ts";

describe("requestLocale", () => {
  it("answers in French when Accept-Language puts French (any region) first among what the API speaks", () => {
    expect(requestLocale("fr-FR")).toBe("fr");
    expect(requestLocale("de-DE,fr-CA;q=0.8,en;q=0.5")).toBe("fr");
    expect(requestLocale(["fr", "en;q=0.1"])).toBe("fr");
  });

  it("answers in English otherwise: no header, English first, only other languages, or nonsense", () => {
    expect(requestLocale(undefined)).toBe("en");
    expect(requestLocale("en-US,en;q=0.9,fr;q=0.8")).toBe("en");
    expect(requestLocale("de-DE,ja")).toBe("en");
    expect(requestLocale("@@;q=x")).toBe("en");
  });
});
