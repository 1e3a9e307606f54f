// People's first and last names and birthplaces per name group (a language family). The lists
// themselves are data, in names.json.
import names from "./names.json" with { type: "json" };

export interface NameList {
  male: readonly string[];
  female: readonly string[];
  last: readonly string[];
  /** places of birth for people of this group */
  cities: readonly string[];
}

/** Name lists by group ("en", "fr", "ja", "nordic"…; LanguageEntry.nameGroup points here). */
export const NAME_GROUPS: Readonly<Record<string, NameList>> = names;
