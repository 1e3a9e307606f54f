import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { messagesFor } from "../i18n/messages";
import { languageName } from "./language-name";

const en = createTranslator({ locale: "en", messages: messagesFor("en"), namespace: "common.languageName" });
const fr = createTranslator({ locale: "fr", messages: messagesFor("fr"), namespace: "common.languageName" });

describe("languageName", () => {
  it("names TMDB's language codes in English", () => {
    expect(languageName("en", "en", en)).toBe("English");
    expect(languageName("ko", "en", en)).toBe("Korean");
    expect(languageName("fr", "en", en)).toBe("French");
    expect(languageName("cn", "en", en)).toBe("Cantonese"); // TMDB's own code, not ISO 639-1
  });

  it("names them in French for a French interface", () => {
    expect(languageName("ko", "fr", fr)).toBe("coréen");
    expect(languageName("en", "fr", fr)).toBe("anglais");
    expect(languageName("cn", "fr", fr)).toBe("cantonais");
    expect(languageName("xx", "fr", fr)).toBe("Aucune langue");
  });

  it("says what is missing rather than showing a code", () => {
    expect(languageName("xx", "en", en)).toBe("No language");
    expect(languageName(null, "en", en)).toBe("Unknown");
    expect(languageName(null, "fr", fr)).toBe("Inconnue");
    expect(languageName("not a tag!", "en", en)).toBe("not a tag!");
  });
});
