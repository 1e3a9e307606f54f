// Phrases overviews and taglines are made of (the lists are data, in overview-words.json):
// protagonists, goals per genre family, settings ("{place}" is filled in), closing lines,
// documentary subjects and taglines.
import words from "./overview-words.json" with { type: "json" };

export const PROTAGONISTS: readonly string[] = words.protagonists;
/** What the protagonist does, per genre family ("drama", "crime"…). */
export const GENRE_GOALS: Readonly<Record<string, readonly string[]>> = words.genreGoals;
export const SETTINGS: readonly string[] = words.settings;
export const CLOSERS: readonly string[] = words.closers;
export const DOC_SUBJECTS: readonly string[] = words.docSubjects;
export const TAGLINES: readonly string[] = words.taglines;
