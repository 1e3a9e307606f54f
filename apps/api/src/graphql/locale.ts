// The languages the API answers in (English, French) and how a request picks one: the standard
// Accept-Language header, by quality, regional variants included ("fr-CA" is French); anything
// else is English. What changes with it: reasons' text and genre names (docs/api.md, "Languages").
import Negotiator from "negotiator";

export const LOCALES = ["en", "fr"] as const;
export type Locale = (typeof LOCALES)[number];

/** TMDB's `language` parameter for each. */
export const TMDB_LANGUAGE: Readonly<Record<Locale, string>> = { en: "en-US", fr: "fr-FR" };

export function requestLocale(acceptLanguage: string | string[] | undefined): Locale {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(",") : acceptLanguage;
  if (!header) return "en";
  const [best] = new Negotiator({ headers: { "accept-language": header } }).languages([...LOCALES]);
  return best === "fr" ? "fr" : "en";
}
