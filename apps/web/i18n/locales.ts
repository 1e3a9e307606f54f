// The languages the interface speaks, and how a request picks one: the person's own choice (the
// NEXT_LOCALE cookie, set from the footer's language picker), else the first language their browser
// asks for that we have (Accept-Language, by quality), else English. No locale in the URL: every
// page has one address, shared links open in the reader's own language.
import { match } from "@formatjs/intl-localematcher";
import Negotiator from "negotiator";

export const locales = ["en", "fr"] as const;
export type AppLocale = (typeof locales)[number];
export const defaultLocale: AppLocale = "en";
/** next-intl's conventional cookie name. */
export const LOCALE_COOKIE = "NEXT_LOCALE";

/** Each language named in itself, for the picker. */
export const localeNames: Readonly<Record<AppLocale, string>> = { en: "English", fr: "Français" };

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

export function pickLocale({ cookie, acceptLanguage }: { cookie?: string | null; acceptLanguage?: string | null }): AppLocale {
  if (isAppLocale(cookie)) return cookie;
  if (!acceptLanguage) return defaultLocale;
  const asked = new Negotiator({ headers: { "accept-language": acceptLanguage } }).languages().filter((tag) => tag !== "*");
  try {
    const found = match(asked, [...locales], defaultLocale, { algorithm: "lookup" });
    return isAppLocale(found) ? found : defaultLocale;
  } catch {
    // A malformed tag in the header: the default rather than an error page.
    return defaultLocale;
  }
}
