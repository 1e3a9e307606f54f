"use client";
import type { MediaCard as MediaCardData, PageInfo, Reason } from "../lib/graphql";
import { MediaCard } from "./media-card";

/** A grid of title cards with "Show more" while there is a next page; every list of titles in the app is one. */
export function MediaGrid({
  items,
  label,
  pageInfo,
  onMore,
  reasonsOf,
  showWatched,
  showDismiss,
  onDismiss,
  testId,
}: {
  items: MediaCardData[];
  label: string;
  pageInfo?: PageInfo | null;
  onMore?: () => void;
  /** Why each title is shown (recommendations). */
  reasonsOf?: (media: MediaCardData) => Reason[];
  showWatched?: boolean;
  showDismiss?: boolean;
  /** Told after a card's "Not interested". */
  onDismiss?: (media: MediaCardData) => void;
  testId?: string;
}) {
  return (
    <>
      <ul className="card-grid" aria-label={label} data-testid={testId}>
        {items.map((media) => (
          <MediaCard key={media.id} media={media} reasons={reasonsOf?.(media)} showWatched={showWatched} showDismiss={showDismiss} onDismiss={onDismiss} />
        ))}
      </ul>
      {pageInfo?.hasNextPage && onMore && (
        <p className="center">
          <button type="button" className="button" onClick={onMore}>
            Show more
          </button>
        </p>
      )}
    </>
  );
}
