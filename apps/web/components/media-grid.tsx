"use client";
// A grid of title cards; every list of titles in the app is one. While there is a next page it loads
// itself as its end nears the viewport (infinite scroll), and keeps a "Show more" button for keyboards
// and for anyone who wants to ask: a page loaded by that button moves focus to its first new card, and
// every page loaded is announced to screen readers ("20 more loaded, 40 titles shown").
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import type { MediaCard as MediaCardData, PageInfo, Reason } from "../lib/graphql";
import { MediaCard } from "./media-card";

/** How far below the viewport the end of the grid starts the next page. */
const AUTO_LOAD_MARGIN = "600px 0px";

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
  /** Loads the next page; when it settles without new cards (an error, an empty page) the grid may ask again. */
  onMore?: () => Promise<unknown>;
  /** Why each title is shown (recommendations). */
  reasonsOf?: (media: MediaCardData) => Reason[];
  showWatched?: boolean;
  showDismiss?: boolean;
  /** Told after a card's "Not interested". */
  onDismiss?: (media: MediaCardData) => void;
  testId?: string;
}) {
  const t = useTranslations("cards.grid");
  const list = useRef<HTMLUListElement>(null);
  const end = useRef<HTMLParagraphElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const [announcement, setAnnouncement] = useState<{ added: number; total: number } | null>(null);
  /** The page being loaded: how many cards there were, and whether its first card takes focus. */
  const pending = useRef<{ from: number; focus: boolean } | null>(null);
  const hasMore = Boolean(pageInfo?.hasNextPage && onMore);

  const more = (focus: boolean) => {
    if (!onMore) return;
    const loading = pending.current;
    if (loading) {
      if (focus) loading.focus = true; // a click while the page loads: its first card takes focus
      return;
    }
    const asked = { from: items.length, focus };
    pending.current = asked;
    const settled = () => {
      if (pending.current === asked) pending.current = null;
    };
    // A second after the answer (the effect below has cleared it by then when cards arrived).
    onMore().then(
      () => setTimeout(settled, 1_000),
      () => setTimeout(settled, 1_000),
    );
  };

  // When the page has arrived: announce it, and move focus to its first card if it was asked for.
  useEffect(() => {
    const loading = pending.current;
    if (!loading || items.length <= loading.from) return;
    pending.current = null;
    setAnnouncement({ added: items.length - loading.from, total: items.length });
    if (loading.focus) list.current?.querySelectorAll<HTMLElement>(":scope > li .card-link")[loading.from]?.focus();
  }, [items.length]);

  // Infinite scroll: the next page when the grid's end comes near (again after each page, while it is near).
  const moreRef = useRef(more);
  moreRef.current = more;
  // biome-ignore lint/correctness/useExhaustiveDependencies: observing anew after each page (endCursor) is the point: an observer reports only changes, so a grid end still in view would otherwise never ask again
  useEffect(() => {
    const target = end.current;
    if (!hasMore || !target) return;
    const observer = new IntersectionObserver(
      (entries) => {
        // Someone on the button (Tab brought it into view) decides themselves: Enter loads and focuses the page.
        if (document.activeElement === button.current) return;
        if (entries.some((entry) => entry.isIntersecting)) moreRef.current(false);
      },
      { rootMargin: AUTO_LOAD_MARGIN },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [hasMore, pageInfo?.endCursor]);

  return (
    <>
      <ul ref={list} className="card-grid" aria-label={label} data-testid={testId}>
        {items.map((media) => (
          <MediaCard key={media.id} media={media} reasons={reasonsOf?.(media)} showWatched={showWatched} showDismiss={showDismiss} onDismiss={onDismiss} />
        ))}
      </ul>
      <p className="visually-hidden" aria-live="polite">
        {announcement && t("moreLoaded", announcement)}
      </p>
      {hasMore && (
        <p ref={end} className="center">
          <button ref={button} type="button" className="button" onClick={() => more(true)}>
            {t("showMore")}
          </button>
        </p>
      )}
    </>
  );
}
