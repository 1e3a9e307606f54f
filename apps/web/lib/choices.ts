// Choices offered in onboarding, browse and settings. What they are called is interface text, kept
// in the messages: a language's name in browse.languages (useLanguageOptions() below), an era's in
// onboarding.eras (by its labelKey).
import { useTranslations } from "next-intl";

/**
 * The languages titles can be limited to. `name` is the English name, kept for code that does not
 * read the messages yet; show people useLanguageOptions()'s names, which follow the interface's language.
 */
export const LANGUAGES = [
  { code: "en", name: "English" },
  { code: "fr", name: "French" },
  { code: "es", name: "Spanish" },
  { code: "de", name: "German" },
  { code: "it", name: "Italian" },
  { code: "ja", name: "Japanese" },
  { code: "ko", name: "Korean" },
  { code: "hi", name: "Hindi" },
  { code: "zh", name: "Chinese" },
] as const;

export type LanguageCode = (typeof LANGUAGES)[number]["code"];

/** LANGUAGES (same shape), each named in the interface's language: for selects and checkboxes. */
export function useLanguageOptions(): { code: LanguageCode; name: string }[] {
  const t = useTranslations("browse.languages");
  return LANGUAGES.map((language) => ({ code: language.code, name: t(language.code) }));
}

/** Eras of release; `labelKey` names the era in the onboarding.eras messages. */
export const ERAS = [
  { id: "classic", labelKey: "classics", from: 1900, to: 1969 },
  { id: "70s-80s", labelKey: "seventiesEighties", from: 1970, to: 1989 },
  { id: "90s-00s", labelKey: "ninetiesNoughties", from: 1990, to: 2009 },
  { id: "recent", labelKey: "recent", from: 2010, to: null },
] as const;

/** The picked eras as one year range (the API keeps a single range). */
export function yearRange(eraIds: string[]): { yearFrom: number | null; yearTo: number | null } {
  const picked = ERAS.filter((era) => eraIds.includes(era.id));
  if (picked.length === 0) return { yearFrom: null, yearTo: null };
  const yearFrom = Math.min(...picked.map((era) => era.from));
  const yearTo = picked.some((era) => era.to === null) ? null : Math.max(...picked.map((era) => era.to ?? 0));
  return { yearFrom, yearTo };
}
