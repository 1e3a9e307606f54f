// Favourites: interactions of kind FAVOURITE (interaction.service.ts), answered with the title.
import type { PrismaClient } from "../../db.ts";
import type { AddedCursor } from "../../graphql/media-ref.input.ts";
import { listInteractions, pastTime, recordInteraction, removeInteractions } from "../interactions/interaction.service.ts";
import type { MediaRef } from "../media/media-key.ts";
import { getMedia, type MediaReadDeps, withMedia } from "../media/media.service.ts";

type Deps = MediaReadDeps & { prisma: PrismaClient };

/** Adds a favourite; adding one twice is not an error. Unknown titles are NOT_FOUND. */
export async function addFavourite(deps: Deps, input: { userId: string; ref: MediaRef; addedAt?: Date | null }) {
  const addedAt = pastTime(input.addedAt, "addedAt");
  const media = await getMedia(deps, input.ref);
  await recordInteraction(deps, { userId: input.userId, ref: input.ref, kinds: ["FAVOURITE"], ...(addedAt ? { at: { FAVOURITE: addedAt } } : {}) });
  return media;
}

/** Removes a favourite; removing one that is not there is not an error. */
export async function removeFavourite(deps: Deps, input: { userId: string; ref: MediaRef }) {
  await removeInteractions(deps, { ...input, kinds: ["FAVOURITE"] });
  return getMedia(deps, input.ref);
}

/** The person's favourites, newest first, from `after` on: at most `size + 1` (the extra tells whether a next page exists). */
export async function listFavourites(deps: Deps, input: { userId: string; after: AddedCursor | null; size: number }) {
  return withMedia(deps, await listInteractions(deps, { ...input, kind: "FAVOURITE" }));
}
