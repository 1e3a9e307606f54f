"use client";
import { useTranslations } from "next-intl";
import { IntentLink } from "./intent-link";
import type { MediaCard as MediaCardData, Reason } from "../lib/graphql";
import { useMediaActions } from "../lib/use-media-actions";
import { CardMeta } from "./card-meta";
import { MoreActions } from "./more-actions";
import { Poster } from "./poster";
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
  const t = useTranslations("cards.mediaCard");
  const actions = useMediaActions(media);
  return (
    <li className="card" data-testid="media-card" data-media-id={media.id}>
      <IntentLink href={titleHref(media)} className="card-link">
        <Poster url={media.posterUrl} title={media.title} />
        <span className="card-title">{media.title}</span>
      </IntentLink>
      <CardMeta media={media} />
      {reasons && reasons.length > 0 && (
        <ul className="reasons" aria-label={t("whyRecommended", { title: media.title })}>
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
          aria-label={t("watchlistFor", { title: media.title })}
          onClick={() => void actions.toggleWatchlist()}
        >
          <span aria-hidden="true">{media.inWatchlist ? "✓" : "+"}</span> {t("watchlist")}
        </button>
        <MoreActions media={media} actions={actions} showWatched={showWatched} showDismiss={showDismiss} onDismiss={onDismiss} />
      </div>
      <FieldError message={actions.error} />
    </li>
  );
}
