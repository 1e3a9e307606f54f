// A language as people read it: TMDB's ISO 639-1 code ("en", "ko", "xx" for no language) named in
// the interface's language by the runtime's own data (Intl.DisplayNames), so the title page says
// "Korean" in English and "coréen" in French, not "ko". TMDB's own codes, and a missing one, are
// named by the interface's messages (common.languageName).

/** `useTranslations("common.languageName")` / `getTranslations("common.languageName")`. */
export type LanguageNameTranslator = (key: "unknown" | "xx" | "cn") => string;

/** TMDB's codes that are not ISO 639-1. */
const TMDB_ONLY = new Set(["xx", "cn"]);

const displayNames = new Map<string, Intl.DisplayNames>();
function namesIn(locale: string): Intl.DisplayNames {
  let names = displayNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: "language", fallback: "none" });
    displayNames.set(locale, names);
  }
  return names;
}

export function languageName(code: string | null | undefined, locale: string, t: LanguageNameTranslator): string {
  if (!code) return t("unknown");
  if (TMDB_ONLY.has(code)) return t(code as "xx" | "cn");
  try {
    return namesIn(locale).of(code) ?? code;
  } catch {
    // Not a well-formed language tag: show what TMDB sent.
    return code;
  }
}
