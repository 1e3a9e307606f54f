// Words synthetic titles are made of (the lists are data, in title-words.json): adjectives and
// nouns, nouns per genre family, places, sequel subtitles, animals for family titles, and native
// words for the original titles of non-English titles.
import words from "./title-words.json" with { type: "json" };

export const TITLE_ADJECTIVES: readonly string[] = words.adjectives;
export const TITLE_NOUNS: readonly string[] = words.nouns;
/** Nouns per genre family ("horror", "scifi", "crime"…). */
export const GENRE_NOUNS: Readonly<Record<string, readonly string[]>> = words.genreNouns;
export const PLACES: readonly string[] = words.places;
/** "Stem: Subtitle" sequels. */
export const SUBTITLES: readonly string[] = words.subtitles;
export const ANIMALS: readonly string[] = words.animals;
/** Short native-language phrases for original titles of non-English synthetic titles. */
export const NATIVE_WORDS: Readonly<Record<string, { words: readonly string[]; joiner: string }>> = words.nativeWords;
