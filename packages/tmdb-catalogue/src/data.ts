// Static tables the generator draws from: TMDB's real genre lists, languages, countries,
// name lists per language group, title/overview word lists, keywords, companies, networks
// and watch providers. Nothing here depends on the seed. One topic per file under data/
// (the long word and name lists are JSON there):
//   data/genres.ts                          TMDB's genre lists, genre counts, genre → word family
//   data/genre-models.ts                    which genres go together, and how often
//   data/languages.ts                       original languages and countries
//   data/names.ts (names.json)              people's names and birthplaces per name group
//   data/title-words.ts (title-words.json)  words titles are made of
//   data/overview-words.ts (…json)          phrases overviews and taglines are made of
//   data/keywords.ts (keywords.json)        keyword groups, and which fit each genre
//   data/companies-networks-providers.ts    production companies, tv networks, watch providers
//   data/jobs.ts                            crew jobs and departments
//   data/configuration.ts                   /configuration's change keys
export * from "./data/genres.ts";
export * from "./data/genre-models.ts";
export * from "./data/languages.ts";
export * from "./data/names.ts";
export * from "./data/title-words.ts";
export * from "./data/overview-words.ts";
export * from "./data/keywords.ts";
export * from "./data/companies-networks-providers.ts";
export * from "./data/jobs.ts";
export * from "./data/configuration.ts";
