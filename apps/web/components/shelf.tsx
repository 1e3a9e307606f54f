"use client";
// A horizontal row of title cards (home's "Top picks", "Because you liked Heat"): scrolls by touch
// and trackpad with snap points, by keyboard as Tab moves through its cards (the browser scrolls the
// focused card into view), and by the ‹ › buttons for a mouse without a horizontal wheel.
import { useTranslations } from "next-intl";
import { useId, useRef } from "react";
import type { MediaCard as MediaCardData, Reason } from "../lib/graphql";
import { MediaCard } from "./media-card";

export function Shelf({
  title,
  items,
  reasonsOf,
  showDismiss,
  onDismiss,
  testId,
}: {
  title: string;
  items: MediaCardData[];
  reasonsOf?: (media: MediaCardData) => Reason[];
  showDismiss?: boolean;
  onDismiss?: (media: MediaCardData) => void;
  testId?: string;
}) {
  const t = useTranslations("cards.shelf");
  const headingId = useId();
  const row = useRef<HTMLUListElement>(null);
  const scroll = (direction: 1 | -1) => {
    const list = row.current;
    if (!list) return;
    const reduced = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    list.scrollBy({ left: direction * list.clientWidth * 0.85, behavior: reduced ? "auto" : "smooth" });
  };
  return (
    <section className="shelf" aria-labelledby={headingId} data-testid={testId ? `${testId}-shelf` : undefined}>
      <div className="shelf-head">
        <h2 id={headingId}>{title}</h2>
        <div className="shelf-scroll">
          <button type="button" className="icon-button" aria-label={t("scrollBack", { title })} onClick={() => scroll(-1)}>
            <span aria-hidden="true">‹</span>
          </button>
          <button type="button" className="icon-button" aria-label={t("scrollOn", { title })} onClick={() => scroll(1)}>
            <span aria-hidden="true">›</span>
          </button>
        </div>
      </div>
      <ul ref={row} className="shelf-row" aria-labelledby={headingId} data-testid={testId}>
        {items.map((media) => (
          <MediaCard key={media.id} media={media} reasons={reasonsOf?.(media)} maxReasons={1} showDismiss={showDismiss} onDismiss={onDismiss} />
        ))}
      </ul>
    </section>
  );
}
