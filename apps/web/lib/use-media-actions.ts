"use client";
// Favourite / watchlist / watched / not interested / rating, answered optimistically: Apollo shows the new
// state at once and drops the optimistic layer (rolling back) when the server refuses. Mutations go
// through the client directly rather than nine useMutation hooks a card: a home page renders over a
// hundred cards, and their hooks were a measurable part of its main-thread time (bench/README.md).
import { useApolloClient } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { reportActionError } from "./action-errors";
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
import { useErrorReason } from "./use-error-reason";

type MediaState = Pick<MediaCard, "__typename" | "id" | "isFavourite" | "inWatchlist" | "watchedAt" | "isDismissed" | "myRating">;

export function useMediaActions(media: MediaCard) {
  const t = useTranslations("cards.mediaActions");
  const reasonOf = useErrorReason();
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
  const client = useApolloClient();
  // Whether the card (or message) that asked is still on the page when the answer comes: a title
  // taken off a list leaves at once, and its error would be set on nothing.
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  /** Whether the server took the change; when not, says why (here, or in lib/action-errors.ts once gone). */
  async function save(change: () => Promise<unknown>): Promise<boolean> {
    setError(null);
    try {
      await change();
      return true;
    } catch (cause) {
      const message = t("saveFailed", { title: media.title, message: reasonOf(cause) });
      if (mounted.current) setError(message);
      else reportActionError(message);
      return false;
    }
  }

  return {
    error,
    /** `addedAt`, when adding: back in its place (Undo), not as new. */
    toggleFavourite: (addedAt?: string) =>
      save(() =>
        media.isFavourite
          ? client.mutate({ mutation: REMOVE_FAVOURITE, variables: { media: ref }, optimisticResponse: { removeFavourite: after({ isFavourite: false }) } })
          : client.mutate({ mutation: ADD_FAVOURITE, variables: { media: ref, addedAt }, optimisticResponse: { addFavourite: after({ isFavourite: true }) } }),
      ),
    /** `addedAt`, when adding: back in its place (Undo), not as new. */
    toggleWatchlist: (addedAt?: string) =>
      save(() =>
        media.inWatchlist
          ? client.mutate({
              mutation: REMOVE_FROM_WATCHLIST,
              variables: { media: ref },
              optimisticResponse: { removeFromWatchlist: after({ inWatchlist: false, watchedAt: null }) },
            })
          : client.mutate({
              mutation: ADD_TO_WATCHLIST,
              variables: { media: ref, addedAt },
              optimisticResponse: { addToWatchlist: after({ inWatchlist: true }) },
            }),
      ),
    toggleWatched: () =>
      save(() =>
        client.mutate({
          mutation: MARK_WATCHED,
          variables: { media: ref, watched: !media.watchedAt },
          optimisticResponse: { markWatched: after({ inWatchlist: true, watchedAt: media.watchedAt ? null : new Date().toISOString() }) },
        }),
      ),
    /** Back on the watchlist as added at `addedAt`, watched at `watchedAt` (Undo after a watched title was taken off). */
    restoreWatched: (watchedAt: string, addedAt?: string) =>
      save(() =>
        // Sent in this order: a title's changes reach the API in the order they were made.
        Promise.all([
          client.mutate({
            mutation: ADD_TO_WATCHLIST,
            variables: { media: ref, addedAt },
            optimisticResponse: { addToWatchlist: after({ inWatchlist: true }) },
          }),
          client.mutate({
            mutation: MARK_WATCHED,
            variables: { media: ref, watched: true, watchedAt },
            optimisticResponse: { markWatched: after({ inWatchlist: true, watchedAt }) },
          }),
        ]),
      ),
    dismiss: () => save(() => client.mutate({ mutation: DISMISS, variables: { media: ref }, optimisticResponse: { dismiss: after({ isDismissed: true }) } })),
    undoDismiss: () =>
      save(() => client.mutate({ mutation: UNDO_DISMISS, variables: { media: ref }, optimisticResponse: { undoDismiss: after({ isDismissed: false }) } })),
    /** 1–10: half stars to five stars, doubled. */
    rate: (rating: number) =>
      save(() => client.mutate({ mutation: RATE, variables: { media: ref, rating }, optimisticResponse: { rate: after({ myRating: rating }) } })),
    clearRating: () =>
      save(() => client.mutate({ mutation: CLEAR_RATING, variables: { media: ref }, optimisticResponse: { clearRating: after({ myRating: null }) } })),
  };
}
