"use client";
// Favourite / watchlist / watched / not interested / rating, answered optimistically: Apollo shows the new
// state at once and drops the optimistic layer (rolling back) when the server refuses.
import { useMutation } from "@apollo/client/react";
import { useState } from "react";
import {
  ADD_FAVOURITE,
  ADD_TO_WATCHLIST,
  CLEAR_RATING,
  DISMISS,
  MARK_WATCHED,
  type MediaCard,
  RATE,
  REMOVE_FAVOURITE,
  REMOVE_FROM_WATCHLIST,
  UNDO_DISMISS,
} from "./graphql";

type MediaState = Pick<MediaCard, "__typename" | "id" | "isFavourite" | "inWatchlist" | "watchedAt" | "isDismissed" | "myRating">;

export function useMediaActions(media: MediaCard) {
  const [error, setError] = useState<string | null>(null);
  const ref = { type: media.type, tmdbId: media.tmdbId };
  /** The title's state after a change, as the server will answer it (Apollo shows it at once). */
  const after = (next: Partial<MediaState>): MediaState => ({
    __typename: "Media",
    id: media.id,
    isFavourite: media.isFavourite,
    inWatchlist: media.inWatchlist,
    watchedAt: media.watchedAt,
    isDismissed: media.isDismissed,
    myRating: media.myRating,
    ...next,
  });
  const [addFavourite] = useMutation(ADD_FAVOURITE);
  const [removeFavourite] = useMutation(REMOVE_FAVOURITE);
  const [addToWatchlist] = useMutation(ADD_TO_WATCHLIST);
  const [removeFromWatchlist] = useMutation(REMOVE_FROM_WATCHLIST);
  const [markWatched] = useMutation(MARK_WATCHED);
  const [dismiss] = useMutation(DISMISS);
  const [undoDismiss] = useMutation(UNDO_DISMISS);
  const [rate] = useMutation(RATE);
  const [clearRating] = useMutation(CLEAR_RATING);

  async function save(change: () => Promise<unknown>) {
    setError(null);
    try {
      await change();
    } catch (cause) {
      setError(`Could not save that change: ${(cause as Error).message}`);
    }
  }

  return {
    error,
    toggleFavourite: () =>
      save(() =>
        media.isFavourite
          ? removeFavourite({ variables: { media: ref }, optimisticResponse: { removeFavourite: after({ isFavourite: false }) } })
          : addFavourite({ variables: { media: ref }, optimisticResponse: { addFavourite: after({ isFavourite: true }) } }),
      ),
    toggleWatchlist: () =>
      save(() =>
        media.inWatchlist
          ? removeFromWatchlist({ variables: { media: ref }, optimisticResponse: { removeFromWatchlist: after({ inWatchlist: false, watchedAt: null }) } })
          : addToWatchlist({ variables: { media: ref }, optimisticResponse: { addToWatchlist: after({ inWatchlist: true }) } }),
      ),
    toggleWatched: () =>
      save(() =>
        markWatched({
          variables: { media: ref, watched: !media.watchedAt },
          optimisticResponse: { markWatched: after({ inWatchlist: true, watchedAt: media.watchedAt ? null : new Date().toISOString() }) },
        }),
      ),
    dismiss: () => save(() => dismiss({ variables: { media: ref }, optimisticResponse: { dismiss: after({ isDismissed: true }) } })),
    undoDismiss: () => save(() => undoDismiss({ variables: { media: ref }, optimisticResponse: { undoDismiss: after({ isDismissed: false }) } })),
    /** 1–10: half stars to five stars, doubled. */
    rate: (rating: number) => save(() => rate({ variables: { media: ref, rating }, optimisticResponse: { rate: after({ myRating: rating }) } })),
    clearRating: () => save(() => clearRating({ variables: { media: ref }, optimisticResponse: { clearRating: after({ myRating: null }) } })),
  };
}
