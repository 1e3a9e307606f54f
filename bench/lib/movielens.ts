// MovieLens 100K (GroupLens): loading it and cutting it into what a recommender may see and what it
// must find. The dataset may not be redistributed, so it is never part of this repository: a person
// downloads it from GroupLens and points MOVIELENS_100K_DIR at the unzipped folder.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

export interface MovieLensRating {
  user: number;
  item: number;
  /** 1–5 stars. */
  rating: number;
  /** Unix seconds. */
  timestamp: number;
}

export interface MovieLensFilm {
  id: number;
  /** Without the "(year)" suffix and with a trailing article moved to the front ("The Godfather"). */
  title: string;
  year: number | null;
  /** ISO date (YYYY-MM-DD), or null when MovieLens has none. */
  releaseDate: string | null;
  /** TMDB movie genre ids, so the films look like the product's catalogue. */
  genreIds: number[];
}

/** MovieLens genre (as named in u.genre) → TMDB movie genre ids. MovieLens has no Film-Noir on TMDB: it
 * is crime told as a mystery, so it maps to both; "unknown" maps to nothing. */
export const MOVIELENS_TO_TMDB_GENRES: Readonly<Record<string, readonly number[]>> = {
  unknown: [],
  Action: [28],
  Adventure: [12],
  Animation: [16],
  "Children's": [10751],
  Comedy: [35],
  Crime: [80],
  Documentary: [99],
  Drama: [18],
  Fantasy: [14],
  "Film-Noir": [80, 9648],
  Horror: [27],
  Musical: [10402],
  Mystery: [9648],
  Romance: [10749],
  "Sci-Fi": [878],
  Thriller: [53],
  War: [10752],
  Western: [37],
};

export const MOVIELENS_DOWNLOAD_HELP = [
  "MovieLens 100K is not part of this repository (its terms forbid redistribution).",
  "Download ml-100k.zip from https://grouplens.org/datasets/movielens/100k/, unzip it,",
  "and set MOVIELENS_100K_DIR to the unzipped folder (the one holding u.data).",
].join("\n");

/** The folder named by MOVIELENS_100K_DIR, or null when it is unset or holds no u.data. */
export function findMovieLens100kDir(environment: NodeJS.ProcessEnv = process.env): string | null {
  const directory = environment.MOVIELENS_100K_DIR;
  return directory && existsSync(path.join(directory, "u.data")) ? directory : null;
}

export function loadMovieLens100k(directory: string): { ratings: MovieLensRating[]; films: MovieLensFilm[] } {
  const ratings = readFileSync(path.join(directory, "u.data"), "latin1")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => {
      const [user, item, rating, timestamp] = line.split("\t").map(Number);
      return { user: user!, item: item!, rating: rating!, timestamp: timestamp! };
    });
  const genreNames = readGenreNames(directory);
  // u.item is ISO-8859-1 ("Café", "Cité"): decoding it as UTF-8 would mangle those titles.
  const films = readFileSync(path.join(directory, "u.item"), "latin1")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => parseFilm(line, genreNames));
  return { ratings, films };
}

/** Genre names in flag order (u.genre is `name|index`). */
function readGenreNames(directory: string): string[] {
  const names: string[] = [];
  for (const line of readFileSync(path.join(directory, "u.genre"), "latin1").split("\n")) {
    const [name, index] = line.trim().split("|");
    if (name && index !== undefined) names[Number(index)] = name;
  }
  return names;
}

function parseFilm(line: string, genreNames: readonly string[]): MovieLensFilm {
  const [id, rawTitle = "", releaseDate = "", , , ...flags] = line.split("|");
  const genreIds = new Set<number>();
  flags.forEach((flag, index) => {
    if (flag.trim() === "1") for (const genreId of MOVIELENS_TO_TMDB_GENRES[genreNames[index] ?? ""] ?? []) genreIds.add(genreId);
  });
  const { title, year } = parseTitle(rawTitle);
  const isoDate = parseReleaseDate(releaseDate);
  return { id: Number(id), title, year: year ?? (isoDate ? Number(isoDate.slice(0, 4)) : null), releaseDate: isoDate, genreIds: [...genreIds] };
}

// MovieLens files titles library-style ("Godfather, The"); a person, and TMDB, write "The Godfather".
// A few also carry an original title in parentheses, filed the same way ("(Grand bleu, Le)").
const TRAILING_ARTICLE = /^(.*), (The|A|An|Les|La|Il|Das|Der|Die|Le|El|L')$/;

function frontArticle(title: string): string {
  const match = TRAILING_ARTICLE.exec(title.trim());
  if (!match) return title.trim();
  const [, rest, article] = match;
  return article!.endsWith("'") ? `${article}${rest}` : `${article} ${rest}`;
}

/** "City of Lost Children, The (Cité des enfants perdus, La) (1995)" →
 * { title: "The City of Lost Children (La Cité des enfants perdus)", year: 1995 }. Anything after the
 * year (the "(V)" of a video release) goes too. */
export function parseTitle(raw: string): { title: string; year: number | null } {
  const yearMatch = /\((\d{4})\)(?!.*\(\d{4}\))/.exec(raw);
  const withoutYear = (yearMatch ? raw.slice(0, yearMatch.index) : raw).trim();
  const alternative = /^(.*?) \(([^()]*)\)$/.exec(withoutYear);
  const title = alternative ? `${frontArticle(alternative[1]!)} (${frontArticle(alternative[2]!)})` : frontArticle(withoutYear);
  return { title, year: yearMatch ? Number(yearMatch[1]) : null };
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "14-Aug-1995" → "1995-08-14". */
function parseReleaseDate(value: string): string | null {
  const match = /^(\d{2})-([A-Za-z]{3})-(\d{4})$/.exec(value.trim());
  const month = match ? MONTHS.indexOf(match[2]!) + 1 : 0;
  return match && month ? `${match[3]}-${String(month).padStart(2, "0")}-${match[1]}` : null;
}

// ------------------------------------------------------------------------------------------ splits

export interface TrainingRating {
  item: number;
  rating: number;
  timestamp: number;
}

export interface PersonHistory {
  /** Everything the recommender may see, oldest first. */
  train: TrainingRating[];
  /** Liked films held out, oldest first; empty for a person who is not evaluated. */
  test: number[];
}

export interface TemporalSplit {
  /** Every person in the ratings, evaluated or not (the latter contribute training data only). */
  people: Map<number, PersonHistory>;
  /** People with a test set, ascending ids. */
  evaluated: number[];
}

export interface SplitOptions {
  /** Stars from which a rating counts as liked (default 4). */
  likedFrom?: number;
  /** People with fewer liked ratings are not evaluated (default 10). */
  minLiked?: number;
  /** Share of each evaluated person's liked ratings held out, the most recent ones (default 0.2). */
  testShare?: number;
}

/** How the product sees a MovieLens rating: liked → favourite, ≤ 2 stars → dismissed, 3 → watched. */
export function ratingRole(rating: number, likedFrom = 4): "favourite" | "watched" | "dismissed" {
  return rating >= likedFrom ? "favourite" : rating <= 2 ? "dismissed" : "watched";
}

/** The per-person temporal hold-out: for each person with ≥ minLiked liked ratings, the most
 * recent testShare of them (ordered by timestamp, ties by item id) are the test; everything else that
 * person rated (lower ratings too, even ones rated after the test films) is training.
 * Test size = ceil(testShare × liked count): 10 liked → 2, 11 → 3, 15 → 3.
 * The tie rule matters: people rated in sessions, and 725 of the 11,364 test films share a timestamp
 * with a liked training film. Ties by id put the higher ids in the test, and MovieLens numbers its
 * films roughly by popularity, so this test is harder than one with ties broken the other way (EASE
 * NDCG@20 0.224 here, 0.247 with ties by descending id). */
export function temporalSplit(ratings: readonly MovieLensRating[], options: SplitOptions = {}): TemporalSplit {
  const { likedFrom = 4, minLiked = 10, testShare = 0.2 } = options;
  const byPerson = new Map<number, TrainingRating[]>();
  for (const { user, item, rating, timestamp } of ratings) {
    let list = byPerson.get(user);
    if (!list) byPerson.set(user, (list = []));
    list.push({ item, rating, timestamp });
  }
  const people = new Map<number, PersonHistory>();
  const evaluated: number[] = [];
  for (const user of [...byPerson.keys()].sort((a, b) => a - b)) {
    const history = byPerson.get(user)!.sort((a, b) => a.timestamp - b.timestamp || a.item - b.item);
    const liked = history.filter((rating) => rating.rating >= likedFrom);
    if (liked.length < minLiked) {
      people.set(user, { train: history, test: [] });
      continue;
    }
    // The epsilon keeps float error from rounding up an exact product (0.2 × 35 = 7.000000000000001).
    const testSize = Math.ceil(liked.length * testShare - 1e-9);
    const test = liked.slice(liked.length - testSize).map((rating) => rating.item);
    const held = new Set(test);
    people.set(user, { train: history.filter((rating) => !held.has(rating.item)), test });
    evaluated.push(user);
  }
  return { people, evaluated };
}

/** What a recommender is built from: everybody's training histories and the catalogue. */
export interface TrainingData {
  histories: ReadonlyMap<number, readonly TrainingRating[]>;
  films: readonly MovieLensFilm[];
}

export function trainingDataOf(split: TemporalSplit, films: readonly MovieLensFilm[]): TrainingData {
  return { histories: new Map([...split.people].map(([person, { train }]) => [person, train])), films };
}

/** The same rule applied to training histories only (a split's, or a TrainingData's), so weights and λ
 * can be chosen without ever looking at the test. */
export function validationSplit(histories: ReadonlyMap<number, readonly TrainingRating[]>, options: SplitOptions = {}): TemporalSplit {
  const ratings: MovieLensRating[] = [];
  for (const [user, train] of histories) for (const rating of train) ratings.push({ user, ...rating });
  return temporalSplit(ratings, options);
}
