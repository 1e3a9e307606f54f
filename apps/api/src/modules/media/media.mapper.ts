import type { MediaCache } from "../../generated/prisma/client.ts";
import { tmdbGlobalId } from "../../graphql/node.ts";
import { type Genre, MediaType, type Media, type Person } from "./media.types.ts";
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

export function toGenre(tmdbId: number, name: string): Genre {
  return { id: tmdbGlobalId("genre", tmdbId), tmdbId, name };
}

/** A person row as the API shows it; `imageBase` is TMDB's image base URL. */
export function toPerson(row: { id: number; name: string; profilePath: string | null }, imageBase: string): Person {
  return { id: tmdbGlobalId("person", row.id), tmdbId: row.id, name: row.name, profileUrl: row.profilePath ? `${imageBase}w185${row.profilePath}` : null };
}
