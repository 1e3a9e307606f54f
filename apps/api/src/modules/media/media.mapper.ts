import type { MediaCache } from "../../generated/prisma/client.ts";
import { MediaType, type Media } from "./media.types.ts";
import { mediaKey } from "./media-key.ts";

/** What a Media field resolver receives: the GraphQL fields plus the cache row behind them. */
export interface MediaSource extends Media {
  row: MediaCache;
}

export function toMedia(row: MediaCache): MediaSource {
  const releaseDate = row.releaseDate ? row.releaseDate.toISOString().slice(0, 10) : null;
  return {
    id: mediaKey(row),
    type: row.mediaType === "MOVIE" ? MediaType.MOVIE : MediaType.TV,
    tmdbId: row.tmdbId,
    title: row.title,
    originalTitle: row.originalTitle,
    overview: row.overview,
    releaseDate,
    year: row.releaseDate ? row.releaseDate.getUTCFullYear() : null,
    originalLanguage: row.originalLanguage,
    popularity: row.popularity,
    adult: row.adult,
    row,
  };
}
