import { describe, expect, it } from "vitest";
import { pickLocale } from "./locales";

describe("pickLocale", () => {
  it("takes the person's saved choice first", () => {
    expect(pickLocale({ cookie: "fr", acceptLanguage: "en-US,en;q=0.9" })).toBe("fr");
    expect(pickLocale({ cookie: "en", acceptLanguage: "fr-FR" })).toBe("en");
  });

  it("ignores a cookie naming a language we do not have", () => {
    expect(pickLocale({ cookie: "xx", acceptLanguage: "fr-CA" })).toBe("fr");
  });

  it("takes the browser's best-weighted language we have, regional variants included", () => {
    expect(pickLocale({ acceptLanguage: "de-DE,fr;q=0.8,en;q=0.5" })).toBe("fr");
    expect(pickLocale({ acceptLanguage: "fr-BE" })).toBe("fr");
    expect(pickLocale({ acceptLanguage: "en-GB,fr;q=0.9" })).toBe("en");
  });

  it("falls back to English for nothing, only unknown languages, a wildcard or a malformed header", () => {
    expect(pickLocale({})).toBe("en");
    expect(pickLocale({ acceptLanguage: "de,ja;q=0.5" })).toBe("en");
    expect(pickLocale({ acceptLanguage: "*" })).toBe("en");
    expect(pickLocale({ acceptLanguage: "@@,;q=x" })).toBe("en");
  });
});
