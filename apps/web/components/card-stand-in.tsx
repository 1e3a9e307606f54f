// A title's card as the server renders it into the document (home's first row, browse's first page):
// the same markup, sizes and text as media-card.tsx's, with its buttons disabled until the page's
// JavaScript has started and the real card takes its place without moving anything. The first
// posters load at once, the very first with high priority: they are the page's largest paint.
// Renders on the server and in the browser.
import { useTranslations } from "next-intl";
import { CardMeta, type CardMetaFields } from "./card-meta";
import { Poster } from "./poster";

export interface StandInMedia extends CardMetaFields {
  id: string;
  tmdbId: number;
  title: string;
  posterUrl?: string | null;
  inWatchlist?: boolean | null;
}

/** The posters that load at once: those of a phone's first screen. */
export const EAGER_POSTERS = 3;

export function CardStandIn({ media, reasons = [], index }: { media: StandInMedia; reasons?: string[]; index: number }) {
  const t = useTranslations("cards.mediaCard");
  const tMenu = useTranslations("cards.menu");
  return (
    <li className="card">
      <a href={`/title/${media.type.toLowerCase()}/${media.tmdbId}`} className="card-link">
        <Poster url={media.posterUrl ?? null} title={media.title} eager={index < EAGER_POSTERS} priority={index === 0} />
        <span className="card-title">{media.title}</span>
      </a>
      <CardMeta media={media} />
      {reasons.length > 0 && (
        <ul className="reasons" aria-label={t("whyRecommended", { title: media.title })}>
          {reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
      <div className="card-actions">
        <button
          type="button"
          className="chip chip-primary"
          disabled
          aria-pressed={Boolean(media.inWatchlist)}
          aria-label={t("watchlistFor", { title: media.title })}
        >
          <span aria-hidden="true">{media.inWatchlist ? "✓" : "+"}</span> {t("watchlist")}
        </button>
        <button type="button" className="icon-button card-more" disabled aria-label={tMenu("moreActionsFor", { title: media.title })}>
          <span aria-hidden="true">⋯</span>
        </button>
      </div>
    </li>
  );
}
