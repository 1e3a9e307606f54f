"use client";
import Link from "next/link";
import type { MediaCard as MediaCardData, Reason } from "../lib/graphql";
import { useMediaActions } from "../lib/use-media-actions";
import { MoreActions } from "./more-actions";
import { Poster } from "./poster";
import { starGlyphs, starsLabel } from "../lib/stars";
import { FieldError } from "./states";

export function titleHref(media: Pick<MediaCardData, "type" | "tmdbId">): string {
  return `/title/${media.type.toLowerCase()}/${media.tmdbId}`;
}

/**
 * A title as a card: the poster first, title and facts, why it is recommended, one primary action
 * (watchlist: the "save it for later" people reach for on a recommendation) and the rest in a menu.
 */
export function MediaCard({
  media,
  reasons,
  maxReasons = 2,
  showDismiss = false,
  showWatched = false,
  onDismiss,
}: {
  media: MediaCardData;
  reasons?: Reason[];
  /** Shelves show one reason, grids two. */
  maxReasons?: number;
  showDismiss?: boolean;
  showWatched?: boolean;
  /** Told after "Not interested" (the list offers to undo it). */
  onDismiss?: (media: MediaCardData) => void;
}) {
  const actions = useMediaActions(media);
  return (
    <li className="card" data-testid="media-card" data-media-id={media.id}>
      <Link href={titleHref(media)} className="card-link">
        <Poster url={media.posterUrl} title={media.title} />
        <span className="card-title">{media.title}</span>
      </Link>
      <p className="card-meta">
        {media.type === "TV" ? "Series" : "Film"}
        {media.year ? ` · ${media.year}` : ""}
        {media.voteAverage != null ? ` · ★ ${media.voteAverage.toFixed(1)}` : ""}
        {media.myRating != null && (
          <>
            {" · "}
            <span className="card-rating" title={`You rated it ${starsLabel(media.myRating)}`}>
              <span aria-hidden="true">You {starGlyphs(media.myRating)}</span>
              <span className="visually-hidden">You rated it {starsLabel(media.myRating)}</span>
            </span>
          </>
        )}
        {media.isFavourite && (
          <>
            {" · "}
            <span className="card-favourite" title="In your favourites">
              <span aria-hidden="true">♥</span>
              <span className="visually-hidden">In your favourites</span>
            </span>
          </>
        )}
      </p>
      {reasons && reasons.length > 0 && (
        <ul className="reasons" aria-label={`Why ${media.title} is recommended`}>
          {reasons.slice(0, maxReasons).map((reason) => (
            <li key={`${reason.kind}:${reason.text}`}>{reason.text}</li>
          ))}
        </ul>
      )}
      <div className="card-actions">
        <button
          type="button"
          className="chip chip-primary"
          aria-pressed={media.inWatchlist}
          aria-label={`Watchlist ${media.title}`}
          onClick={actions.toggleWatchlist}
        >
          <span aria-hidden="true">{media.inWatchlist ? "✓" : "+"}</span> Watchlist
        </button>
        <MoreActions media={media} actions={actions} showWatched={showWatched} showDismiss={showDismiss} onDismiss={onDismiss} />
      </div>
      <FieldError message={actions.error} />
    </li>
  );
}
