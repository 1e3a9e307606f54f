"use client";
// A card's secondary actions (favourite, watched, not interested) behind one "More" button: Radix's
// dropdown menu gives the menu semantics (arrow keys, typeahead, Escape, focus back to the button)
// that a hand-made popover would have to re-invent. more-actions.tsx loads and mounts it for one card
// at a time, when someone reaches for that card's button.
import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import type { MediaCard } from "../lib/graphql";
import type { useMediaActions } from "../lib/use-media-actions";

export interface CardMenuProps {
  media: MediaCard;
  actions: ReturnType<typeof useMediaActions>;
  showWatched?: boolean;
  showDismiss?: boolean;
  /** Told after "Not interested" (the page offers Undo and moves focus there). */
  onDismiss?: (media: MediaCard) => void;
  /** Open at once (the button was clicked before the menu had loaded). */
  defaultOpen?: boolean;
  /** Take focus at once (it replaces a button that had it). */
  focusTrigger?: boolean;
}

/**
 * Focus on `mediaId`'s "More actions" button wherever its card now is: "Watched" moves a watchlist
 * title to the page's other section, a new card, and the button the menu would return to is gone.
 */
function focusMovedCard(mediaId: string) {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-media-id="${CSS.escape(mediaId)}"] .card-more`)?.focus());
}

export default function CardMenu({ media, actions, showWatched, showDismiss, onDismiss, defaultOpen, focusTrigger }: CardMenuProps) {
  const t = useTranslations("cards.menu");
  const dismissed = useRef(false);
  const trigger = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusTrigger) trigger.current?.focus();
  }, [focusTrigger]);
  return (
    <DropdownMenu.Root modal={false} defaultOpen={defaultOpen}>
      <DropdownMenu.Trigger ref={trigger} className="icon-button card-more" aria-label={t("moreActionsFor", { title: media.title })}>
        <span aria-hidden="true">⋯</span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          className="menu"
          align="end"
          sideOffset={4}
          collisionPadding={8}
          aria-label={t("actionsFor", { title: media.title })}
          // After "Not interested" the card is gone and the page's Undo takes focus; the menu must
          // not pull it back to a button that no longer exists. After "Watched" on the watchlist the
          // card is another section's: focus follows it there.
          onCloseAutoFocus={(event) => {
            if (dismissed.current) return event.preventDefault();
            if (trigger.current?.isConnected) return;
            event.preventDefault();
            focusMovedCard(media.id);
          }}
        >
          <DropdownMenu.CheckboxItem className="menu-item" checked={media.isFavourite} onCheckedChange={() => void actions.toggleFavourite()}>
            <span aria-hidden="true" className="menu-icon">
              {media.isFavourite ? "♥" : "♡"}
            </span>
            {t("favourite")}
          </DropdownMenu.CheckboxItem>
          {showWatched && (
            <DropdownMenu.CheckboxItem className="menu-item" checked={Boolean(media.watchedAt)} onCheckedChange={() => void actions.toggleWatched()}>
              <span aria-hidden="true" className="menu-icon">
                {media.watchedAt ? "●" : "○"}
              </span>
              {t("watched")}
            </DropdownMenu.CheckboxItem>
          )}
          {showDismiss && (
            <>
              <DropdownMenu.Separator className="menu-separator" />
              <DropdownMenu.Item
                className="menu-item"
                onSelect={() => {
                  dismissed.current = true;
                  void actions.dismiss();
                  onDismiss?.(media);
                }}
              >
                <span aria-hidden="true" className="menu-icon">
                  ⊘
                </span>
                {t("notInterested")}
              </DropdownMenu.Item>
            </>
          )}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
