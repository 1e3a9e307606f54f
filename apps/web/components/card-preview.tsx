"use client";
// A card's preview, as streaming apps show one: a mouse resting on a card's poster, or keyboard focus
// staying on its link, for PREVIEW_DELAY_MS brings up the title's genres, runtime, tagline and the
// start of its overview beside the card, so a title can be judged without leaving the shelf.
//
// One layer serves the whole page and listens at the document: a home page has over a hundred cards,
// and none gets its own hooks or listeners (their cost is in bench/README.md's Lighthouse section).
// The preview's fields are asked for once per title (Apollo's cache keeps them). It repeats what the
// title page says, so assistive technology is not read it twice (aria-hidden); Escape, scrolling,
// a click or leaving the card hides it, and touch never shows it (a tap opens the title).
import { useApolloClient } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { CARD_PREVIEW_QUERY, type CardPreview, type MediaType } from "../lib/graphql";
import type { TitleQueryContext } from "../lib/title-mutation-order";
import { formatRuntime } from "../lib/runtime-text";

export const PREVIEW_DELAY_MS = 600;
const WIDTH = 300;
const GAP = 12;
const TITLE_PATH = /^\/title\/(movie|tv)\/(\d+)$/;

interface Shown {
  title: string;
  media: CardPreview;
  /** Where the card's link is on screen when the preview opens. */
  anchor: DOMRect;
}

function cardLinkOf(target: EventTarget | null): HTMLAnchorElement | null {
  return target instanceof Element ? target.closest<HTMLAnchorElement>("a.card-link") : null;
}

/** Beside the card: to its right when there is room, else to its left, else over it; kept on screen. */
function placement(anchor: DOMRect): { left: number; top: number } {
  const right = anchor.right + GAP;
  const left =
    right + WIDTH <= window.innerWidth - GAP
      ? right
      : anchor.left - GAP - WIDTH >= GAP
        ? anchor.left - GAP - WIDTH
        : Math.max(GAP, window.innerWidth - WIDTH - GAP);
  return { left, top: Math.max(GAP, Math.min(anchor.top, window.innerHeight - 320)) };
}

export function CardPreviewLayer() {
  const t = useTranslations("cards.preview");
  const tRuntime = useTranslations("common.runtime");
  const client = useApolloClient();
  const [shown, setShown] = useState<Shown | null>(null);

  useEffect(() => {
    let timer: number | undefined;
    /** The link a preview is on its way for (or shown for). */
    let pending: HTMLAnchorElement | null = null;
    const hide = () => {
      window.clearTimeout(timer);
      pending = null;
      setShown(null);
    };
    const schedule = (link: HTMLAnchorElement) => {
      if (pending === link) return;
      hide();
      const match = TITLE_PATH.exec(new URL(link.href).pathname);
      if (!match) return;
      pending = link;
      timer = window.setTimeout(() => {
        const variables = { type: match[1]!.toUpperCase() as MediaType, tmdbId: Number(match[2]) };
        client
          // Tagline, overview, runtime, genres: none of the person's state, so a change to the title
          // made meanwhile does not wait for this (lib/title-mutation-order.ts).
          .query({ query: CARD_PREVIEW_QUERY, variables, context: { withoutViewerState: true } satisfies TitleQueryContext })
          .then(({ data }) => {
            if (pending !== link || !link.isConnected || !data) return;
            const title = link.querySelector(".card-title")?.textContent ?? "";
            setShown({ title, media: data.media, anchor: link.getBoundingClientRect() });
          })
          .catch(() => {}); // a preview that cannot load is simply not shown
      }, PREVIEW_DELAY_MS);
    };
    const onPointerOver = (event: PointerEvent) => {
      if (event.pointerType !== "mouse") return;
      const link = cardLinkOf(event.target);
      if (link) schedule(link);
    };
    const onPointerOut = (event: PointerEvent) => {
      const link = cardLinkOf(event.target);
      if (link && link === pending && !link.contains(event.relatedTarget as Node | null) && document.activeElement !== link) hide();
    };
    const onFocusIn = (event: FocusEvent) => {
      const link = cardLinkOf(event.target);
      if (link?.matches(":focus-visible")) schedule(link);
      else if (pending) hide();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape" && pending) hide();
    };
    document.addEventListener("pointerover", onPointerOver);
    document.addEventListener("pointerout", onPointerOut);
    document.addEventListener("focusin", onFocusIn);
    document.addEventListener("keydown", onKeyDown);
    document.addEventListener("pointerdown", hide);
    // Capture: a shelf scrolling sideways moves the card too, and element scrolls do not bubble.
    window.addEventListener("scroll", hide, { capture: true, passive: true });
    return () => {
      window.clearTimeout(timer);
      document.removeEventListener("pointerover", onPointerOver);
      document.removeEventListener("pointerout", onPointerOut);
      document.removeEventListener("focusin", onFocusIn);
      document.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("pointerdown", hide);
      window.removeEventListener("scroll", hide, { capture: true });
    };
  }, [client]);

  if (!shown) return null;
  const { media } = shown;
  const facts = [media.genres.map((genre) => genre.name).join(", "), media.runtime ? formatRuntime(media.runtime, tRuntime) : ""].filter(Boolean).join(" · ");
  return (
    <div className="card-preview" aria-hidden="true" data-testid="card-preview" style={{ ...placement(shown.anchor), width: WIDTH }}>
      <p className="card-preview-title">{shown.title}</p>
      {facts && <p className="card-preview-facts">{facts}</p>}
      {media.tagline && <p className="card-preview-tagline">{media.tagline}</p>}
      <p className="card-preview-overview">{media.overview || t("noOverview")}</p>
    </div>
  );
}
