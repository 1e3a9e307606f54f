// Ratings on Letterboxd's scale, ½ to 5 stars, kept as 1–10 (the API's `rate`), in words and glyphs.

/** "3½ stars", "½ star", "5 stars" for a rating of 1–10. */
export function starsLabel(rating: number): string {
  const whole = Math.floor(rating / 2);
  const half = rating % 2 === 1;
  const text = `${whole || ""}${half ? "½" : ""}`;
  return `${text} ${rating <= 2 ? "star" : "stars"}`;
}

/** "★★★½" for a rating of 1–10. */
export function starGlyphs(rating: number): string {
  return `${"★".repeat(Math.floor(rating / 2))}${rating % 2 === 1 ? "½" : ""}`;
}
