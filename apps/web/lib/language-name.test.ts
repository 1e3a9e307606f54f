import { describe, expect, it } from "vitest";
import { languageName } from "./language-name";

describe("languageName", () => {
  it("names TMDB's language codes in English", () => {
    expect(languageName("en")).toBe("English");
    expect(languageName("ko")).toBe("Korean");
    expect(languageName("fr")).toBe("French");
    expect(languageName("cn")).toBe("Cantonese"); // TMDB's own code, not ISO 639-1
  });

  it("says what is missing rather than showing a code", () => {
    expect(languageName("xx")).toBe("No language");
    expect(languageName(null)).toBe("Unknown");
    expect(languageName("not a tag!")).toBe("not a tag!");
  });
});
