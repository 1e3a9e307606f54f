// A card's line of facts ("Film · 2008 · ★ 8.5"): the kind, the year and TMDB's rating, in the
// interface's language. Shared by the cards (components/media-card.tsx) and home's server-rendered
// first row (app/(app)/home/home-preview.tsx), which must read the same.
import { ratingText } from "./number-text";

interface Facts {
  type: "MOVIE" | "TV";
  year?: number | null;
  voteAverage?: number | null;
}

export function cardFacts(media: Facts, kind: { film: string; series: string }, locale: string): string {
  return `${media.type === "TV" ? kind.series : kind.film}${media.year ? ` · ${media.year}` : ""}${media.voteAverage != null ? ` · ★ ${ratingText(media.voteAverage, locale)}` : ""}`;
}
