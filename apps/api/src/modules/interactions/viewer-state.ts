// Where titles stand for the signed-in caller (the per-user fields of \`Media\`), batched per request.
import DataLoader from "dataloader";
import type { PrismaClient } from "../../db.ts";
import { parseMediaKey } from "../media/media-key.ts";
import { interactionStates } from "./interaction.service.ts";

/** Where a title stands for the signed-in caller: the per-user fields of `Media`. */
export interface ViewerState {
  isFavourite: boolean;
  inWatchlist: boolean;
  watchedAt: Date | null;
  isDismissed: boolean;
  /** 1–10 (half stars to five stars, doubled), or null when not rated. */
  rating: number | null;
}

export const NO_VIEWER_STATE: ViewerState = { isFavourite: false, inWatchlist: false, watchedAt: null, isDismissed: false, rating: null };

/** Favourite, watchlist, dismissal and rating state of a batch of titles for one user, in one statement. */
async function viewerStates(prisma: PrismaClient, userId: string, keys: readonly string[]): Promise<ViewerState[]> {
  const states = await interactionStates({ prisma }, { userId, refs: keys.map(parseMediaKey) });
  return states.map(({ kinds, rating }) => ({
    isFavourite: kinds.has("favourite"),
    inWatchlist: kinds.has("watchlist"),
    watchedAt: kinds.get("watched") ?? null,
    isDismissed: kinds.has("dismissed"),
    rating,
  }));
}

/** The caller's favourite/watchlist/dismissal/rating state per title (all false when anonymous). */
export function createViewerStateLoader(deps: { prisma: PrismaClient; userId: string | null }) {
  const { prisma, userId } = deps;
  return new DataLoader<string, ViewerState>(async (keys) => (userId ? viewerStates(prisma, userId, keys) : keys.map(() => NO_VIEWER_STATE)));
}
