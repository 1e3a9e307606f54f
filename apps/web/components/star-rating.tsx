"use client";
// Your rating on Letterboxd's scale: ½ to 5 stars, stored as 1–10. Ten radio buttons in one group,
// each drawn as half a star, so the keyboard works as in any radio group (Tab in, arrow keys to
// move and choose) and a screen reader reads "3½ stars"; hovering previews the stars up to the
// pointer. "Clear rating" takes the rating off. Arrowing from ½ to 3½ stars passes six values: the
// choice shows at once, and only the one settled on for SAVE_AFTER_MS (or when focus leaves the
// stars, or the page is left) is saved: one write, and no earlier value can land after it.
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { starsLabel } from "../lib/stars";

const VALUES = Array.from({ length: 10 }, (_, index) => index + 1);

const SAVE_AFTER_MS = 400;

export function StarRating({ title, value, onRate, onClear }: { title: string; value: number | null; onRate: (rating: number) => void; onClear: () => void }) {
  const t = useTranslations("cards.starRating");
  const tStars = useTranslations("common.stars");
  const name = useId();
  const [chosen, setChosen] = useState<number | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = useRef<number | null>(null);
  const save = useRef(onRate);
  save.current = onRate;
  /** Saves a choice still waiting, at once. */
  const flush = useRef(() => {});
  flush.current = () => {
    if (!timer.current) return;
    clearTimeout(timer.current);
    timer.current = undefined;
    const rating = pending.current;
    pending.current = null;
    if (rating !== null) save.current(rating);
    setChosen(null);
  };
  // Leaving the page (another route, or the tab hidden or closed) saves a choice still waiting.
  useEffect(() => {
    const onHide = () => flush.current();
    window.addEventListener("pagehide", onHide);
    document.addEventListener("visibilitychange", onHide);
    return () => {
      window.removeEventListener("pagehide", onHide);
      document.removeEventListener("visibilitychange", onHide);
      flush.current();
    };
  }, []);
  const choose = (rating: number) => {
    setChosen(rating);
    pending.current = rating;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = undefined;
      pending.current = null;
      save.current(rating); // shows the saved value (optimistically) before the choice is let go
      setChosen(null);
    }, SAVE_AFTER_MS);
  };
  const clear = () => {
    clearTimeout(timer.current);
    timer.current = undefined;
    pending.current = null;
    setChosen(null);
    onClear();
  };
  const shown = chosen ?? value;
  return (
    <fieldset
      className="star-rating"
      data-testid="star-rating"
      onBlur={(event) => {
        // Focus leaving the stars (Tab away) settles the choice.
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) flush.current();
      }}
    >
      <legend>{t("legend")}</legend>
      <div className="stars">
        {VALUES.map((rating) => (
          <label key={rating} className={`star-half ${rating % 2 === 1 ? "star-left" : "star-right"}${shown !== null && rating <= shown ? " star-on" : ""}`}>
            <input
              type="radio"
              className="visually-hidden"
              name={name}
              value={rating}
              checked={shown === rating}
              onChange={() => choose(rating)}
              aria-label={t("option", { stars: starsLabel(rating, tStars), title })}
            />
            <span aria-hidden="true">★</span>
          </label>
        ))}
      </div>
      <output className="star-value" aria-live="polite">
        {shown === null ? t("notRated") : starsLabel(shown, tStars)}
      </output>
      {shown !== null && (
        <button type="button" className="chip chip-quiet" onClick={clear}>
          {t("clear")}
        </button>
      )}
    </fieldset>
  );
}
