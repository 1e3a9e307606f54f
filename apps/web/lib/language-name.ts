// A language as people read it: TMDB's ISO 639-1 code ("en", "ko", "xx" for no language) named in
// English by the runtime's own data (Intl.DisplayNames), so the title page says "Korean", not "ko".

const names = new Intl.DisplayNames(["en"], { type: "language", fallback: "none" });

/** TMDB's codes that are not ISO 639-1. */
const TMDB_ONLY: Readonly<Record<string, string>> = { xx: "No language", cn: "Cantonese" };

export function languageName(code: string | null | undefined): string {
  if (!code) return "Unknown";
  const own = TMDB_ONLY[code];
  if (own) return own;
  try {
    return names.of(code) ?? code;
  } catch {
    // Not a well-formed language tag: show what TMDB sent.
    return code;
  }
}
