import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { messagesFor } from "../i18n/messages";
import { starGlyphs, starsLabel } from "./stars";

const en = createTranslator({ locale: "en", messages: messagesFor("en"), namespace: "common.stars" });
const fr = createTranslator({ locale: "fr", messages: messagesFor("fr"), namespace: "common.stars" });

describe("ratings in words and glyphs", () => {
  it.each([
    [1, "½ star", "½"],
    [2, "1 star", "★"],
    [3, "1½ stars", "★½"],
    [7, "3½ stars", "★★★½"],
    [10, "5 stars", "★★★★★"],
  ])("%i is %s (%s)", (rating, words, glyphs) => {
    expect(starsLabel(rating, en)).toBe(words);
    expect(starGlyphs(rating)).toBe(glyphs);
  });

  it.each([
    [1, "½ étoile"],
    [2, "1 étoile"],
    [3, "1½ étoile"],
    [4, "2 étoiles"],
    [7, "3½ étoiles"],
  ])("%i in French is %s", (rating, words) => {
    expect(starsLabel(rating, fr)).toBe(words);
  });
});
