// The data the ranking works on. Pure types: the service fills them from Postgres, the ranking
// (ranking/rank.ts) scores them in TypeScript. Keys are "movie:550" / "tv:1399".
import type { CollaborativeScores, NeighbourList } from "../collaborative.ts";
import type { MediaKind } from "../../../media-kind.ts";
import type { ReasonWords } from "./reason-words.ts";
import type { RankingWeights } from "./weights.ts";

/** What the ranking reads of any title: its identity and content (genres, people, keywords, language, year). */
export interface TitleContent {
  key: string;
  mediaType: MediaKind;
  tmdbId: number;
  title: string;
  genreIds: number[];
  /** Empty when details are not fetched yet (only list data in the cache). */
  castIds: number[];
  directorIds: number[];
  keywordIds: number[];
  originalLanguage: string;
  releaseYear: number | null;
}

/** A title the person has shown taste for: a favourite, a watchlist item, a watched title. */
export interface SeedTitle extends TitleContent {
  /** How strongly it speaks for the person's taste: favourite 1, watched 0.7, watchlist 0.4. */
  weight: number;
  /** When it was added: recent seeds may count a little more. */
  addedAt: Date;
}

export interface TasteProfile {
  /** Genres the person picked in onboarding/preferences. */
  likedGenreIds: number[];
  /** Genres the person never wants; candidates carrying them are heavily penalised. */
  dislikedGenreIds: number[];
  /** ISO 639-1 codes the person prefers; empty = any. */
  languages: string[];
  /** Preferred eras, if any (inclusive). */
  yearFrom: number | null;
  yearTo: number | null;
  seeds: SeedTitle[];
}

export type CandidateSource = "genre" | "people" | "collaborative" | "popular" | "top-rated" | "discover";

/** A title from MediaCache that passed the hard filters (type, language, years, runtime, rating, adult, exclusions). */
export interface CandidateTitle extends TitleContent {
  popularity: number;
  voteAverage: number | null;
  voteCount: number | null;
  runtime: number | null;
  /** Which SQL pools brought it in. */
  sources: CandidateSource[];
  /**
   * Whether the live collaborative model knows this title (it has a neighbour list). A title that
   * joined the cache after the last training has no collaborative evidence yet, which is not the
   * same as evidence against it.
   */
  inModel: boolean;
}

/** Every kind of reason and what it says: the one list (the GraphQL enum ReasonKind is registered from it). */
export const REASON_KINDS = {
  BECAUSE_YOU_LIKED: 'Close in content to one of the person\'s titles: "Because you liked Heat".',
  PEOPLE_ALSO_LIKED: 'The trained model links it to one of the person\'s titles: "People who liked Heat also liked this".',
  FAVOURITE_PERSON: 'With someone who recurs in the person\'s titles: "With Al Pacino", "Directed by Michael Mann".',
  GENRE: 'A genre the person likes: "Top-rated Crime", "Because you like Crime".',
  TOP_RATED: 'Highly rated by many: "Highly rated: 8.4 from 12,000 votes".',
  POPULAR: 'Popular right now: "Popular right now".',
  HIDDEN_GEM: "Rated well above average but seen by few.",
  NEW_RELEASE: "Released in about the last eighteen months.",
  LANGUAGE_OR_ERA: "In a language or from an era the person prefers.",
} as const;

export type ReasonKind = keyof typeof REASON_KINDS;

export interface Reason {
  kind: ReasonKind;
  /** Human text shown to the person. */
  text: string;
  /** The seed title / person / genre it refers to, when there is one ("movie:550", "person:1158", "genre:80"). */
  refersTo?: string;
  /** What `text` says, as data, so it can be said in the caller's language (reason-words.ts); absent in rankings stored before it existed. */
  words?: ReasonWords;
}

/**
 * A candidate's component values in [0, 1], one per weight (weights.ts). `popularity`, the weak
 * prior, is optional: reported so the "Popular right now" reason can be traced to what it contributed.
 */
export type ScoreComponents = Omit<RankingWeights, "popularity"> & { popularity?: number };

export interface RankedRecommendation {
  candidate: CandidateTitle;
  /** Final score in [0, 1] after weighting (before diversity re-rank, which only reorders). */
  score: number;
  components: ScoreComponents;
  /** At least one, most specific first. */
  reasons: Reason[];
}

export interface RankingInput {
  profile: TasteProfile;
  candidates: CandidateTitle[];
  /** The seeds' neighbour lists in the live model (seed key → list); empty before the first training. */
  neighbours: ReadonlyMap<string, NeighbourList>;
  /**
   * The seeds' collaborative scores as collaborativeEvidence(profile.seeds, neighbours, now) gives
   * them, when the caller has them already (it built its collaborative pool from them); else computed.
   */
  collaborative?: CollaborativeScores;
  /** Names for reasons. */
  genreNames: ReadonlyMap<number, string>;
  personNames: ReadonlyMap<number, string>;
  /** "Today", injected so ranking is deterministic in tests. */
  now: Date;
  /** How many to return (after diversity re-rank). */
  limit: number;
}
