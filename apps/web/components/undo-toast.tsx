"use client";
// "Removed Heat from your favourites. [Undo] [Dismiss message]": shown after an action that takes a
// title off a page, with focus on Undo, so the title can come back at once and a second Enter does
// not act on the next card (whose button would otherwise have taken the focus).
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";

export function UndoToast({ message, onUndo, onClose }: { message: string; onUndo: () => void; onClose: () => void }) {
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
        }}
      >
        {t("undo")}
      </button>{" "}
      <button type="button" className="button" onClick={onClose}>
        {t("dismiss")}
      </button>
    </div>
  );
}
