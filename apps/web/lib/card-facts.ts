// A card's line of facts ("Film · 2008 · ★ 8.5"): the kind, the year and TMDB's rating, in the
// interface's language. Shared by the cards (components/media-card.tsx) and home's server-rendered
// first row (app/(app)/home/home-preview.tsx), which must read the same.
import type { AppLocale } from "../i18n/locales";

interface Facts {
  type: "MOVIE" | "TV";
  year?: number | null;
  voteAverage?: number | null;
}

export function cardFacts(media: Facts, kind: { film: string; series: string }, locale: string): string {
  return `${media.type === "TV" ? kind.series : kind.film}${media.year ? ` · ${media.year}` : ""}${media.voteAverage != null ? ` · ★ ${ratingText(media.voteAverage, locale)}` : ""}`;
}

/** TMDB's rating as cards show it: one decimal (what `ratingText` writes without Intl). */
export const ONE_DECIMAL = { minimumFractionDigits: 1, maximumFractionDigits: 1 } as const;

/** Each interface language's decimal separator (card-facts.test.ts checks it against Intl's). */
const DECIMAL_SEPARATOR: Record<AppLocale, string> = { en: ".", fr: "," };

/**
 * TMDB's rating (0–10) with one decimal in the interface's language, exactly as
 * `new Intl.NumberFormat(locale, ONE_DECIMAL)` writes it ("7.8", "7,8") but without making one: a
 * page's first Intl.NumberFormat (or DateTimeFormat) loads the browser's locale data, 40–60 ms of
 * one task on this machine's Chromium at full speed and four times that on Lighthouse's phone, and
 * the cards' facts line was the only one home and browse made while loading (bench/README.md).
 * Intl rounds the number's shortest decimal form half away from zero (1.45 → 1.5, where
 * `toFixed(1)`, working on the double just under 1.45, writes 1.4); so does this. No grouping: 0–10
 * never needs it.
 */
export function ratingText(value: number, locale: string): string {
  const separator = DECIMAL_SEPARATOR[locale as AppLocale] ?? ".";
  const digits = /^(\d+)(?:\.(\d)(\d?))?/.exec(String(value));
  if (!digits || value < 0 || /e/i.test(String(value))) return value.toFixed(1).replace(".", separator);
  const [, whole = "0", tenth = "0", hundredth = "0"] = digits;
  const tenths = Number(whole) * 10 + Number(tenth) + (Number(hundredth) >= 5 ? 1 : 0);
  return `${Math.floor(tenths / 10)}${separator}${tenths % 10}`;
}
