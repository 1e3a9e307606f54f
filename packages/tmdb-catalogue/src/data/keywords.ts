// Keywords: named groups of TMDB-style keywords (the lists are data, in keywords.json; "generic"
// fits any title) and which groups fit each genre.
import keywordGroups from "./keywords.json" with { type: "json" };

/** Keyword names by group ("generic", "action", "horror"…); a name may be in several groups. */
export const KEYWORD_GROUPS: Readonly<Record<string, readonly string[]>> = keywordGroups;

/** Which keyword groups fit each genre id (movie and tv ids share a namespace here). */
export const GENRE_KEYWORD_GROUPS: Readonly<Record<number, readonly string[]>> = {
  28: ["action"],
  12: ["adventure"],
  16: ["animation"],
  35: ["comedy"],
  80: ["crime"],
  99: ["documentary"],
  18: ["drama"],
  10751: ["family"],
  14: ["fantasy"],
  36: ["history"],
  27: ["horror"],
  10402: ["music"],
  9648: ["mystery"],
  10749: ["romance"],
  878: ["scifi"],
  10770: ["tvmovie"],
  53: ["thriller"],
  10752: ["war"],
  37: ["western"],
  10759: ["action", "adventure"],
  10762: ["family", "animation"],
  10763: ["news"],
  10764: ["reality"],
  10765: ["scifi", "fantasy"],
  10766: ["soap"],
  10767: ["talk"],
  10768: ["war", "history"],
};
