// Ratings on Letterboxd's scale, ½ to 5 stars, kept as 1–10 (the API's `rate`), in words and glyphs.

/** `useTranslations("common.stars")` / `getTranslations("common.stars")`. */
export type StarsTranslator = (key: "label", values: { rating: number; stars: string }) => string;

/** "3½ stars", "½ star", "5 stars" for a rating of 1–10, in the language of `t`. */
export function starsLabel(rating: number, t: StarsTranslator): string {
  const whole = Math.floor(rating / 2);
  const half = rating % 2 === 1;
  return t("label", { rating, stars: `${whole || ""}${half ? "½" : ""}` });
}

/** "★★★½" for a rating of 1–10. */
export function starGlyphs(rating: number): string {
  return `${"★".repeat(Math.floor(rating / 2))}${rating % 2 === 1 ? "½" : ""}`;
}
