// A title's text in the caller's language: TMDB's translations (appended to details) kept in
// media_cache.translations for the API's languages other than English (graphql/locale.ts), and read
// back per request. English is the row's own columns, as TMDB's default language gives them.
import type { MediaCache } from "../../generated/prisma/client.ts";
import { type Locale, LOCALES, TMDB_LANGUAGE } from "../../graphql/locale.ts";
import type { TitleTranslations } from "../../tmdb/tmdb-schemas.ts";

/** What a translation may hold; a field TMDB leaves empty is absent (the English one stands in). */
// A type, not an interface: Prisma's JSON input takes it only then (an index signature is implied).
export type TranslatedText = {
  title?: string;
  overview?: string;
  tagline?: string;
};

/** As stored: per language other than English, the fields TMDB has ({} when it has none). */
export type StoredTranslations = Partial<Record<Locale, TranslatedText>>;

/**
 * The stored translations of TMDB's list: per language of ours, the entry of the region TMDB's own
 * `language` parameter names (fr-FR before fr-CA), else the first with that language.
 */
export function storedTranslations(list: TitleTranslations): StoredTranslations {
  const stored: StoredTranslations = {};
  for (const locale of LOCALES) {
    if (locale === "en") continue;
    const region = TMDB_LANGUAGE[locale].split("-")[1];
    const candidates = list.translations.filter((entry) => entry.iso_639_1 === locale);
    const entry = candidates.find((candidate) => candidate.iso_3166_1 === region) ?? candidates[0];
    if (!entry) continue;
    const text: TranslatedText = {};
    const title = (entry.data.title ?? entry.data.name)?.trim();
    const overview = entry.data.overview?.trim();
    const tagline = entry.data.tagline?.trim();
    if (title) text.title = title;
    if (overview) text.overview = overview;
    if (tagline) text.tagline = tagline;
    if (Object.keys(text).length > 0) stored[locale] = text;
  }
  return stored;
}

/** The row's text in `locale`, when TMDB has a translation into it (never for English). */
export function translationOf(row: Pick<MediaCache, "translations">, locale: Locale): TranslatedText | undefined {
  if (locale === "en" || row.translations === null || typeof row.translations !== "object") return undefined;
  return (row.translations as StoredTranslations)[locale];
}

/** Every translated title of a row (what title search matches besides the title and original title). */
export function translatedTitles(translations: unknown): string[] {
  if (translations === null || typeof translations !== "object") return [];
  return Object.values(translations as StoredTranslations).flatMap((text) => (text?.title ? [text.title] : []));
}
