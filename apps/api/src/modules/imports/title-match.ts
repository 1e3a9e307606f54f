// Which title an export row means, when the row has only a name and a year: names compared after
// normalising (accents, case, punctuation, apostrophes, "&", a leading or trailing article, so "Léon" is "leon"
// and "Godfather, Part II, The" is "The Godfather Part II"), against a title's own and original
// name; then the year, exact before ±1 (release dates differ by country). More than one equally good
// title is ambiguous: reported, not guessed.

export interface TitleCandidate {
  mediaType: "MOVIE" | "TV";
  tmdbId: number;
  title: string;
  originalTitle: string | null;
  year: number | null;
  popularity: number;
}

export type TitleMatch = { match: TitleCandidate } | { miss: "not-found" | "ambiguous"; candidates: TitleCandidate[] };

export function normaliseTitle(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/['’‘`]/g, "")
    .replace(/&/g, " and ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .replace(/^(the|a|an) (?=\S)/, "")
    .replace(/ (the|a|an)$/, "");
}

/** The one candidate the row means, or why there is none. `yearsOff`: how far a candidate's year may be from the row's (default 1). */
export function matchTitle(row: { title: string; year: number | null }, candidates: readonly TitleCandidate[], options: { yearsOff?: 0 | 1 } = {}): TitleMatch {
  const wanted = normaliseTitle(row.title);
  const named = candidates.filter(
    (candidate) => normaliseTitle(candidate.title) === wanted || (candidate.originalTitle !== null && normaliseTitle(candidate.originalTitle) === wanted),
  );
  if (!named.length) return { miss: "not-found", candidates: [] };
  if (row.year === null) return named.length === 1 ? { match: named[0]! } : { miss: "ambiguous", candidates: named };
  for (const distance of options.yearsOff === 0 ? [0] : [0, 1]) {
    const dated = named.filter((candidate) => candidate.year !== null && Math.abs(candidate.year - row.year!) === distance);
    if (dated.length === 1) return { match: dated[0]! };
    if (dated.length > 1) return { miss: "ambiguous", candidates: dated };
  }
  return { miss: "not-found", candidates: named };
}
