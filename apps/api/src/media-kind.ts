// "Film or series" has two spellings in this codebase, one name each:
//   MediaType  "MOVIE" | "TV"  the GraphQL enum and Prisma's name for the Postgres enum
//   MediaKind  "movie" | "tv"  TMDB's path segment (/movie/550), the Postgres enum's own values
//                              (media_type::text) and the prefix of media keys ("movie:550")
import type { MediaType } from "./generated/prisma/enums.ts";

export type { MediaType };
export type MediaKind = "movie" | "tv";

export const toMediaKind = (mediaType: MediaType): MediaKind => (mediaType === "MOVIE" ? "movie" : "tv");
export const toMediaType = (kind: MediaKind): MediaType => (kind === "movie" ? "MOVIE" : "TV");
