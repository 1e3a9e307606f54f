// Ratings on Letterboxd's scale: ½ to 5 stars, stored as 1–10 (a RATING interaction with its value).
// A rating is a signal the recommendation model learns from like any interaction
// (recommendations/interaction-weights.ts: from 2½ stars up a rating is positive, below it is not), and a rated
// title is one the person has seen, so it is never recommended to them.
import type { PrismaClient } from "../../db.ts";
import { badInput } from "../../errors.ts";
import type { AddedCursor } from "../../graphql/media-ref.input.ts";
import { listInteractions, removeInteractions } from "../interactions/interaction.service.ts";
import type { MediaRef } from "../media/media-key.ts";
import { getMedia, type MediaReadDeps, withMedia } from "../media/media.service.ts";

type Deps = MediaReadDeps & { prisma: PrismaClient };

export const MIN_RATING = 1;
export const MAX_RATING = 10;

export function assertRating(rating: number): void {
  if (!Number.isInteger(rating) || rating < MIN_RATING || rating > MAX_RATING)
    throw badInput(`rating must be a whole number from ${MIN_RATING} to ${MAX_RATING}: half stars to five stars, doubled (7 is 3½ stars).`, {
      argument: "rating",
    });
}

/** Rates a title, or changes its rating (one row per person and title). Unknown titles are NOT_FOUND. */
export async function rate(deps: Deps, input: { userId: string; ref: MediaRef; rating: number }) {
  assertRating(input.rating);
  const media = await getMedia(deps, input.ref);
  const { userId, ref, rating } = input;
  await deps.prisma.interaction.upsert({
    where: { userId_mediaType_tmdbId_kind: { userId, mediaType: ref.mediaType, tmdbId: ref.tmdbId, kind: "RATING" } },
    create: { userId, mediaType: ref.mediaType, tmdbId: ref.tmdbId, kind: "RATING", rating },
    update: { rating },
  });
  return media;
}

/** Takes the caller's rating off a title; clearing one that is not there is fine. */
export async function clearRating(deps: Deps, input: { userId: string; ref: MediaRef }) {
  await removeInteractions(deps, { ...input, kinds: ["RATING"] });
  return getMedia(deps, input.ref);
}

/** The person's rated titles, most recently rated first, from `after` on: at most `size + 1`. */
export async function listRatings(deps: Deps, input: { userId: string; after: AddedCursor | null; size: number }) {
  return withMedia(deps, await listInteractions(deps, { ...input, kind: "RATING" }));
}
