// A calendar date (TMDB's "1995-12-15") as the interface's language writes it in full ("December 15,
// 1995", "15 décembre 1995"), exactly as Intl.DateTimeFormat's long date style does, without making
// one: a page's first DateTimeFormat loads the browser's locale data in one long task, and the title
// page makes none while loading (number-text.ts says why; e2e/specs/locale-data.spec.ts checks it).
// date-text.test.ts compares every day of several years with Intl in every interface language.
import type { AppLocale } from "../i18n/locales";

const MONTHS: Record<AppLocale, readonly string[]> = {
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
  fr: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
};

/** `date` (YYYY-MM-DD) in the long style of `locale`; the date as given when it is not one. */
export function longDateText(date: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const months = MONTHS[locale as AppLocale] ?? MONTHS.en;
  const month = match ? months[Number(match[2]) - 1] : undefined;
  if (!match || !month) return date;
  const [year, day] = [Number(match[1]), Number(match[3])];
  return locale === "fr" ? `${day} ${month} ${year}` : `${month} ${day}, ${year}`;
}
