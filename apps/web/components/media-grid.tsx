"use client";
import type { MediaCard as MediaCardData, PageInfo } from "../lib/graphql";
import { MediaCard } from "./media-card";

export function MediaGrid({
  items,
  label,
  pageInfo,
  onMore,
  showWatched,
}: {
  items: MediaCardData[];
  label: string;
  pageInfo?: PageInfo;
  onMore?: () => void;
  showWatched?: boolean;
}) {
  return (
    <>
      <ul className="card-grid" aria-label={label}>
        {items.map((media) => (
          <MediaCard key={media.id} media={media} showWatched={showWatched} />
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
