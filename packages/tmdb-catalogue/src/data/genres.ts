// TMDB's real genre lists (what /genre/movie/list and /genre/tv/list return), how many genres a
// title has, and which word-list family a genre's titles and overviews draw from.

export interface GenreEntry {
  id: number;
  name: string;
}

/** TMDB's movie genre list, in the order /genre/movie/list returns it. */
export const MOVIE_GENRES: readonly GenreEntry[] = [
  { id: 28, name: "Action" },
  { id: 12, name: "Adventure" },
  { id: 16, name: "Animation" },
  { id: 35, name: "Comedy" },
  { id: 80, name: "Crime" },
  { id: 99, name: "Documentary" },
  { id: 18, name: "Drama" },
  { id: 10751, name: "Family" },
  { id: 14, name: "Fantasy" },
  { id: 36, name: "History" },
  { id: 27, name: "Horror" },
  { id: 10402, name: "Music" },
  { id: 9648, name: "Mystery" },
  { id: 10749, name: "Romance" },
  { id: 878, name: "Science Fiction" },
  { id: 10770, name: "TV Movie" },
  { id: 53, name: "Thriller" },
  { id: 10752, name: "War" },
  { id: 37, name: "Western" },
];

/** TMDB's tv genre list, in the order /genre/tv/list returns it. */
export const TV_GENRES: readonly GenreEntry[] = [
  { id: 10759, name: "Action & Adventure" },
  { id: 16, name: "Animation" },
  { id: 35, name: "Comedy" },
  { id: 80, name: "Crime" },
  { id: 99, name: "Documentary" },
  { id: 18, name: "Drama" },
  { id: 10751, name: "Family" },
  { id: 10762, name: "Kids" },
  { id: 9648, name: "Mystery" },
  { id: 10763, name: "News" },
  { id: 10764, name: "Reality" },
  { id: 10765, name: "Sci-Fi & Fantasy" },
  { id: 10766, name: "Soap" },
  { id: 10767, name: "Talk" },
  { id: 10768, name: "War & Politics" },
  { id: 37, name: "Western" },
];

/**
 * TMDB's French names for the same genres (what /genre/{movie,tv}/list?language=fr-FR returns); TMDB
 * leaves some series genres in English, and so does this list. Other languages get English, as
 * TMDB does where it has no translation.
 */
export const FRENCH_GENRE_NAMES: Readonly<Record<number, string>> = {
  28: "Action",
  12: "Aventure",
  16: "Animation",
  35: "Comédie",
  80: "Crime",
  99: "Documentaire",
  18: "Drame",
  10751: "Familial",
  14: "Fantastique",
  36: "Histoire",
  27: "Horreur",
  10402: "Musique",
  9648: "Mystère",
  10749: "Romance",
  878: "Science-Fiction",
  10770: "Téléfilm",
  53: "Thriller",
  10752: "Guerre",
  37: "Western",
  10759: "Action & Adventure",
  10762: "Kids",
  10763: "News",
  10764: "Reality",
  10765: "Science-Fiction & Fantastique",
  10766: "Soap",
  10767: "Talk",
  10768: "War & Politics",
};

/** How many genres a title has (1–4). */
export const GENRE_COUNT_WEIGHTS: ReadonlyArray<readonly [number, number]> = [
  [1, 30],
  [2, 36],
  [3, 24],
  [4, 10],
];

/** Genre id -> the word-list family used for titles/overviews. */
export const GENRE_FLAVOUR: Readonly<Record<number, string>> = {
  28: "action",
  12: "adventure",
  16: "family",
  35: "comedy",
  80: "crime",
  99: "documentary",
  18: "drama",
  10751: "family",
  14: "fantasy",
  36: "history",
  27: "horror",
  10402: "music",
  9648: "mystery",
  10749: "romance",
  878: "scifi",
  10770: "romance",
  53: "thriller",
  10752: "war",
  37: "western",
  10759: "action",
  10762: "family",
  10763: "documentary",
  10764: "comedy",
  10765: "scifi",
  10766: "romance",
  10767: "comedy",
  10768: "war",
};
