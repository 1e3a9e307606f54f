// Numbers as the interface's language writes them — TMDB's ratings ("7.8", "7,8") and counts
// ("12,345", "12 345") — exactly as Intl.NumberFormat writes them, without making one: a page's first
// Intl.NumberFormat (or DateTimeFormat, DisplayNames, Collator) loads the browser's locale data in one
// long task (bench/README.md; e2e/specs/locale-data.spec.ts checks home, browse and the title page
// make none while loading). number-text.test.ts compares both with Intl in every interface language.
import type { AppLocale } from "../i18n/locales";

/** TMDB's rating as cards show it: one decimal (what `ratingText` writes without Intl). */
export const ONE_DECIMAL = { minimumFractionDigits: 1, maximumFractionDigits: 1 } as const;

/** Each interface language's decimal and grouping separators (number-text.test.ts checks them against Intl's). */
const SEPARATORS: Record<AppLocale, { decimal: string; group: string }> = {
  en: { decimal: ".", group: "," },
  fr: { decimal: ",", group: "\u202f" }, // a narrow no-break space: "12 345"
};
const separatorsOf = (locale: string) => SEPARATORS[locale as AppLocale] ?? SEPARATORS.en;

/**
 * TMDB's rating (0–10) with one decimal, as `new Intl.NumberFormat(locale, ONE_DECIMAL)` writes it.
 * Intl rounds the number's shortest decimal form half away from zero (1.45 → 1.5, where
 * `toFixed(1)`, working on the double just under 1.45, writes 1.4); so does this. No grouping: 0–10
 * never needs it.
 */
export function ratingText(value: number, locale: string): string {
  const separator = separatorsOf(locale).decimal;
  const digits = /^(\d+)(?:\.(\d)(\d?))?/.exec(String(value));
  if (!digits || value < 0 || /e/i.test(String(value))) return value.toFixed(1).replace(".", separator);
  const [, whole = "0", tenth = "0", hundredth = "0"] = digits;
  const tenths = Number(whole) * 10 + Number(tenth) + (Number(hundredth) >= 5 ? 1 : 0);
  return `${Math.floor(tenths / 10)}${separator}${tenths % 10}`;
}

/** A whole count (TMDB's votes), grouped by thousands, as `new Intl.NumberFormat(locale)` writes it. */
export function countText(count: number, locale: string): string {
  if (!Number.isSafeInteger(count) || count < 0) return String(count);
  return String(count).replace(/\B(?=(\d{3})+$)/g, separatorsOf(locale).group);
}
