"use client";
// "Removed Heat from your favourites. [Undo] [Dismiss message]": shown after an action that takes a
// title off a page, with focus on Undo, so the title can come back at once and a second Enter does
// not act on the next card (whose button would otherwise have taken the focus).
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";

/**
 * Where focus goes when the message leaves (its buttons go with it, and focus would fall to the
 * page's start): the title's card once Undo has put it back, else the page's heading.
 */
function focusAfter(mediaId: string | undefined) {
  requestAnimationFrame(() => {
    const card = mediaId ? document.querySelector<HTMLElement>(`[data-media-id="${CSS.escape(mediaId)}"] a`) : null;
    if (card) return card.focus();
    const heading = document.querySelector<HTMLElement>("main h1");
    if (!heading) return;
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  });
}

export function UndoToast({ message, onUndo, onClose, mediaId }: { message: string; onUndo: () => void; onClose: () => void; mediaId?: string }) {
  const t = useTranslations("cards.undoToast");
  const undo = useRef<HTMLButtonElement>(null);
  useEffect(() => undo.current?.focus(), []);
  return (
    <div className="notice toast" role="status">
      {message}{" "}
      <button
        ref={undo}
        type="button"
        className="button"
        onClick={() => {
          onUndo();
          onClose();
          focusAfter(mediaId);
        }}
      >
        {t("undo")}
      </button>{" "}
      <button
        type="button"
        className="button"
        onClick={() => {
          onClose();
          focusAfter(undefined);
        }}
      >
        {t("dismiss")}
      </button>
    </div>
  );
}
