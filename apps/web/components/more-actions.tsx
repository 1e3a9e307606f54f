"use client";
// A card's "More actions" button. Every card shows a plain button; the Radix menu (card-menu.tsx)
// is loaded and mounted only for the card someone reaches for: on hover or focus (so it is ready
// before the click or key), or on the click itself. A home page of 120 cards thus mounts no menu
// until one is wanted, and the menu's code is in no page's first load.
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import type { CardMenuProps } from "./card-menu";

type CardMenuComponent = typeof import("./card-menu")["default"];
let loaded: CardMenuComponent | null = null;
let loading: Promise<CardMenuComponent> | null = null;
function loadCardMenu(): Promise<CardMenuComponent> {
  loading ??= import("./card-menu").then(
    (module) => (loaded = module.default),
    (error: unknown) => {
      loading = null; // offline or a new deployment: the next hover or click tries again
      throw error;
    },
  );
  return loading;
}

export function MoreActions(props: CardMenuProps) {
  const t = useTranslations("cards.menu");
  const [Menu, setMenu] = useState<CardMenuComponent | null>(null);
  /** How the menu should start once mounted: open (it was clicked), focused (the button had focus). */
  const start = useRef({ open: false, focus: false });
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  /**
   * True between a press on this button and its click: swapping the button then would send the
   * release to another element and lose the click, so the swap waits for the click (which opens).
   */
  const pressing = useRef(false);

  const mount = (how: { open?: boolean; focus?: boolean }) => {
    start.current = { open: start.current.open || Boolean(how.open), focus: start.current.focus || Boolean(how.focus) };
    const swap = (menu: CardMenuComponent) => live.current && (!pressing.current || how.open) && setMenu(() => menu);
    if (loaded) swap(loaded);
    else loadCardMenu().then(swap, () => undefined); // the button stays; the offline banner says why
  };

  if (Menu) return <Menu {...props} defaultOpen={start.current.open} focusTrigger={start.current.focus && !start.current.open} />;
  return (
    <button
      type="button"
      className="icon-button card-more"
      aria-label={t("moreActionsFor", { title: props.media.title })}
      aria-haspopup="menu"
      aria-expanded={false}
      onPointerEnter={() => mount({})}
      onPointerDown={() => {
        pressing.current = true;
        // A swap already on its way (the hover's load) may land before the click: the menu then
        // mounts open, as the press asked, instead of a trigger that never saw the press.
        start.current = { ...start.current, open: true };
      }}
      onPointerLeave={() => {
        pressing.current = false;
        start.current = { ...start.current, open: false };
      }}
      onFocus={() => mount({ focus: true })}
      onClick={() => {
        pressing.current = false;
        mount({ open: true });
      }}
    >
      <span aria-hidden="true">⋯</span>
    </button>
  );
}
