import type { MediaType } from "../../generated/prisma/enums.ts";
import { badInput } from "../../errors.ts";
import { toMediaKind, toMediaType, type MediaKind } from "../../media-kind.ts";

export interface MediaRef {
  mediaType: MediaType;
  tmdbId: number;
}

/** "movie:550" / "tv:1399": the Media id clients see and the key loaders batch on. */
export const mediaKey = (ref: MediaRef): string => `${toMediaKind(ref.mediaType)}:${ref.tmdbId}`;

export function parseMediaKey(key: string): MediaRef {
  const match = /^(movie|tv):(\d{1,9})$/.exec(key);
  if (!match) throw badInput(`"${key}" is not a media id; they look like "movie:550" or "tv:1399".`);
  return { mediaType: toMediaType(match[1] as MediaKind), tmdbId: Number(match[2]) };
}

export function assertTmdbId(tmdbId: number): void {
  if (!Number.isInteger(tmdbId) || tmdbId < 1 || tmdbId > 999_999_999) {
    throw badInput(`tmdbId must be a positive TMDB id; got ${tmdbId}.`);
  }
}
