// How plausible genre sets are drawn: each primary genre's weight and the genres that
// co-occur with it (weighted), for movies and for tv.

/** Primary-genre weight and co-occurring genres (weighted) for plausible genre sets. */
export interface GenreModel {
  weight: number;
  companions: ReadonlyArray<readonly [number, number]>;
}

export const MOVIE_GENRE_MODEL: Readonly<Record<number, GenreModel>> = {
  28: {
    weight: 9,
    companions: [
      [12, 4],
      [53, 4],
      [878, 3],
      [80, 3],
      [35, 2],
      [14, 1.5],
      [10752, 0.5],
    ],
  },
  12: {
    weight: 4,
    companions: [
      [28, 4],
      [14, 3],
      [10751, 2.5],
      [878, 2],
      [35, 1.5],
      [16, 1.5],
    ],
  },
  16: {
    weight: 4,
    companions: [
      [10751, 5],
      [35, 4],
      [12, 3],
      [14, 2],
    ],
  },
  35: {
    weight: 15,
    companions: [
      [18, 4],
      [10749, 4],
      [10751, 2],
      [80, 1],
      [10402, 0.5],
    ],
  },
  80: {
    weight: 5,
    companions: [
      [53, 5],
      [18, 4],
      [9648, 2],
      [28, 2],
      [35, 0.8],
    ],
  },
  99: {
    weight: 6,
    companions: [
      [10402, 2],
      [36, 2],
      [18, 0.5],
    ],
  },
  18: {
    weight: 20,
    companions: [
      [10749, 4],
      [36, 2],
      [80, 2],
      [53, 2],
      [10752, 1],
      [35, 2],
      [10402, 1],
    ],
  },
  10751: {
    weight: 3,
    companions: [
      [16, 4],
      [35, 4],
      [12, 3],
      [14, 2],
    ],
  },
  14: {
    weight: 3,
    companions: [
      [12, 4],
      [10751, 2],
      [28, 2],
      [16, 1.5],
      [27, 1],
    ],
  },
  36: {
    weight: 2,
    companions: [
      [18, 5],
      [10752, 3],
      [10749, 1],
    ],
  },
  27: {
    weight: 7,
    companions: [
      [53, 5],
      [9648, 3],
      [14, 1],
      [878, 1],
    ],
  },
  10402: {
    weight: 2,
    companions: [
      [18, 4],
      [99, 3],
      [35, 2],
      [10749, 2],
    ],
  },
  9648: {
    weight: 3,
    companions: [
      [53, 5],
      [80, 3],
      [27, 2],
      [18, 2],
    ],
  },
  10749: {
    weight: 5,
    companions: [
      [18, 5],
      [35, 4],
    ],
  },
  878: {
    weight: 4,
    companions: [
      [28, 4],
      [12, 3],
      [53, 3],
      [27, 1],
    ],
  },
  10770: {
    weight: 2,
    companions: [
      [18, 3],
      [35, 2],
      [10749, 2],
      [10751, 1],
    ],
  },
  53: {
    weight: 8,
    companions: [
      [80, 4],
      [18, 3],
      [9648, 3],
      [28, 3],
      [27, 2],
    ],
  },
  10752: {
    weight: 1.5,
    companions: [
      [18, 4],
      [36, 4],
      [28, 3],
    ],
  },
  37: {
    weight: 1.5,
    companions: [
      [28, 3],
      [18, 3],
      [12, 2],
    ],
  },
};

export const TV_GENRE_MODEL: Readonly<Record<number, GenreModel>> = {
  18: {
    weight: 22,
    companions: [
      [80, 4],
      [9648, 3],
      [10765, 2],
      [10751, 1.5],
      [10768, 1],
      [10759, 2],
      [35, 2],
    ],
  },
  35: {
    weight: 18,
    companions: [
      [18, 4],
      [10751, 2],
      [16, 1.5],
    ],
  },
  10759: {
    weight: 9,
    companions: [
      [10765, 4],
      [18, 4],
      [80, 2],
      [16, 2],
    ],
  },
  80: {
    weight: 8,
    companions: [
      [18, 5],
      [9648, 3],
      [10759, 2],
    ],
  },
  10765: {
    weight: 7,
    companions: [
      [18, 4],
      [10759, 4],
      [16, 2],
      [9648, 1.5],
    ],
  },
  16: {
    weight: 8,
    companions: [
      [10759, 3],
      [35, 3],
      [10765, 3],
      [10762, 2],
      [10751, 2],
    ],
  },
  99: {
    weight: 7,
    companions: [
      [80, 1],
      [10768, 1],
      [10764, 0.5],
    ],
  },
  10764: {
    weight: 6,
    companions: [
      [35, 2],
      [99, 1],
    ],
  },
  9648: {
    weight: 4,
    companions: [
      [18, 4],
      [80, 3],
      [10765, 2],
    ],
  },
  10751: {
    weight: 3,
    companions: [
      [35, 4],
      [16, 3],
      [10762, 2],
    ],
  },
  10762: {
    weight: 3,
    companions: [
      [16, 5],
      [10751, 3],
      [35, 2],
    ],
  },
  10767: {
    weight: 2,
    companions: [
      [35, 3],
      [10763, 1],
    ],
  },
  10763: {
    weight: 1.5,
    companions: [
      [10767, 1],
      [99, 2],
    ],
  },
  10766: { weight: 2, companions: [[18, 5]] },
  10768: {
    weight: 1.5,
    companions: [
      [18, 4],
      [99, 2],
    ],
  },
  37: {
    weight: 1,
    companions: [
      [18, 3],
      [10759, 3],
    ],
  },
};
