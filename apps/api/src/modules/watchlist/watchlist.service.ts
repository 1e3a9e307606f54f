// The watchlist: interactions of kind WATCHLIST (and WATCHED for its watched mark), answered with the title.
import type { PrismaClient } from "../../db.ts";
import { badInput } from "../../errors.ts";
import type { AddedCursor } from "../../graphql/media-ref.input.ts";
import { listWatchlistInteractions, pastTime, recordInteraction, removeInteractions } from "../interactions/interaction.service.ts";
import type { MediaRef } from "../media/media-key.ts";
import { getMedia, type MediaReadDeps, withMedia } from "../media/media.service.ts";

type Deps = MediaReadDeps & { prisma: PrismaClient };

/**
 * Adds to the watchlist (idempotent); with `watched`, also marks it watched (a WATCHED interaction,
 * whose time is when it was watched; marking twice keeps the first) or clears that mark.
 */
export async function saveWatchlistItem(
  deps: Deps,
  input: { userId: string; ref: MediaRef; watched?: boolean; watchedAt?: Date | null; addedAt?: Date | null },
) {
  const watchedAt = checkWatchedAt(input.watched, input.watchedAt ?? null);
  const addedAt = pastTime(input.addedAt, "addedAt");
  const media = await getMedia(deps, input.ref);
  const { userId, ref } = input;
  // Marked watched: both rows in one statement (one round trip fewer than one after the other).
  await recordInteraction(deps, {
    userId,
    ref,
    kinds: input.watched === true ? ["WATCHLIST", "WATCHED"] : ["WATCHLIST"],
    at: { ...(addedAt ? { WATCHLIST: addedAt } : {}), ...(watchedAt ? { WATCHED: watchedAt } : {}) },
  });
  if (input.watched === false) await removeInteractions(deps, { userId, ref, kinds: ["WATCHED"] });
  return media;
}

/** A watched date given with markWatched: only with watched: true, and not in the future. */
function checkWatchedAt(watched: boolean | undefined, watchedAt: Date | null): Date | null {
  if (watchedAt === null) return null;
  if (watched !== true) throw badInput("watchedAt goes only with watched: true (it is when the title was watched).", { field: "watchedAt" });
  return pastTime(watchedAt, "watchedAt");
}

/** Takes the title off the watchlist, and with it its watched mark. */
export async function removeWatchlistItem(deps: Deps, input: { userId: string; ref: MediaRef }) {
  await removeInteractions(deps, { ...input, kinds: ["WATCHLIST", "WATCHED"] });
  return getMedia(deps, input.ref);
}

/** The watchlist, newest first, optionally only watched (true) or unwatched (false) titles; at most `size + 1`. */
export async function listWatchlist(deps: Deps, input: { userId: string; after: AddedCursor | null; size: number; watched: boolean | null }) {
  return withMedia(deps, await listWatchlistInteractions(deps, input));
}
