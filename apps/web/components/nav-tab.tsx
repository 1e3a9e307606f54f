"use client";
// One of the signed-in sections in the header (Home, Browse, Search, Favourites, Watchlist). On a
// desktop it is a link in the header's row; on a phone the five form a tab bar along the bottom of
// the screen (globals.css, "Navigation"), each with its icon over its name, as streaming apps do.
// The current section is marked (aria-current="page") for the eye and for screen readers alike.
import { usePathname } from "next/navigation";
import { IntentLink } from "./intent-link";

export type NavIcon = "home" | "browse" | "search" | "favourites" | "watchlist";

/** 24-px outline icons (stroke paths), drawn for this bar; decorative: the label names the link. */
const ICONS: Record<NavIcon, string> = {
  home: "M3 10.5 12 3l9 7.5M5 9v11h5v-6h4v6h5V9",
  browse: "M4 4h7v7H4zM13 4h7v7h-7zM4 13h7v7H4zM13 13h7v7h-7z",
  search: "M10.5 17a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13ZM15.5 15.5 21 21",
  favourites: "M12 20s-7.5-4.6-7.5-10.1A4.4 4.4 0 0 1 12 7.3a4.4 4.4 0 0 1 7.5 2.6C19.5 15.4 12 20 12 20Z",
  watchlist: "M6.5 3.5h11v17L12 16.5l-5.5 4z",
};

export function NavTab({ href, icon, label }: { href: string; icon: NavIcon; label: string }) {
  const pathname = usePathname();
  const current = pathname === href || pathname.startsWith(`${href}/`);
  return (
    <IntentLink href={href} className="nav-tab" aria-current={current ? "page" : undefined}>
      <svg className="nav-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d={ICONS[icon]} />
      </svg>
      <span>{label}</span>
    </IntentLink>
  );
}
