"use client";
// Favourite / watchlist / watched / not interested, answered optimistically: Apollo shows the new
// state at once and drops the optimistic layer (rolling back) when the server refuses.
import { useMutation } from "@apollo/client/react";
import { useState } from "react";
import { ADD_FAVOURITE, ADD_TO_WATCHLIST, DISMISS, MARK_WATCHED, type MediaCard, REMOVE_FAVOURITE, REMOVE_FROM_WATCHLIST, UNDO_DISMISS } from "./graphql";

type MediaState = Pick<MediaCard, "id" | "isFavourite" | "inWatchlist" | "watchedAt" | "isDismissed">;

export function useMediaActions(media: MediaCard) {
  const [error, setError] = useState<string | null>(null);
  const ref = { type: media.type, tmdbId: media.tmdbId };
  const current: MediaState = { id: media.id, isFavourite: media.isFavourite, inWatchlist: media.inWatchlist, watchedAt: media.watchedAt, isDismissed: media.isDismissed };
  const [addFavourite] = useMutation(ADD_FAVOURITE);
  const [removeFavourite] = useMutation(REMOVE_FAVOURITE);
  const [addToWatchlist] = useMutation(ADD_TO_WATCHLIST);
  const [removeFromWatchlist] = useMutation(REMOVE_FROM_WATCHLIST);
  const [markWatched] = useMutation(MARK_WATCHED);
  const [dismiss] = useMutation(DISMISS);
  const [undoDismiss] = useMutation(UNDO_DISMISS);

  async function run(field: string, mutate: (options: { variables: Record<string, unknown>; optimisticResponse: unknown }) => Promise<unknown>, next: Partial<MediaState>, variables: Record<string, unknown> = {}) {
    setError(null);
    try {
      await mutate({ variables: { media: ref, ...variables }, optimisticResponse: { [field]: { __typename: "Media", ...current, ...next } } });
    } catch (cause) {
      setError(`Could not save that change: ${(cause as Error).message}`);
    }
  }

  return {
    error,
    toggleFavourite: () =>
      media.isFavourite ? run("removeFavourite", removeFavourite, { isFavourite: false }) : run("addFavourite", addFavourite, { isFavourite: true }),
    toggleWatchlist: () =>
      media.inWatchlist
        ? run("removeFromWatchlist", removeFromWatchlist, { inWatchlist: false, watchedAt: null })
        : run("addToWatchlist", addToWatchlist, { inWatchlist: true }),
    toggleWatched: () =>
      run("markWatched", markWatched, { inWatchlist: true, watchedAt: media.watchedAt ? null : new Date().toISOString() }, { watched: !media.watchedAt }),
    dismiss: () => run("dismiss", dismiss, { isDismissed: true }),
    undoDismiss: () => run("undoDismiss", undoDismiss, { isDismissed: false }),
  };
}
