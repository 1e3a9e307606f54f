import { useTranslations } from "next-intl";
import { IntentLink } from "./intent-link";
import type { SessionUser } from "../lib/session";
import { LanguagePicker } from "./language-picker";
import { type NavIcon, NavTab } from "./nav-tab";
import { SignOutButton } from "./sign-out-button";

const SECTIONS: { href: string; icon: NavIcon }[] = [
  { href: "/home", icon: "home" },
  { href: "/browse", icon: "browse" },
  { href: "/search", icon: "search" },
  { href: "/favourites", icon: "favourites" },
  { href: "/watchlist", icon: "watchlist" },
];

export function SiteHeader({ user }: { user: SessionUser | null }) {
  const t = useTranslations("shell");
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t("skipToContent")}
      </a>
      <IntentLink href={user ? "/home" : "/"} className="brand">
        movierec
      </IntentLink>
      <nav aria-label={t("mainNavigation")}>
        {user ? (
          <>
            {/* The sections: a tab bar along the bottom on a phone (nav-tab.tsx). */}
            <ul className="nav-list nav-tabs">
              {SECTIONS.map(({ href, icon }) => (
                <li key={href}>
                  <NavTab href={href} icon={icon} label={t(`nav.${icon}`)} />
                </li>
              ))}
            </ul>
            <ul className="nav-list nav-account">
              <li>
                <IntentLink href="/settings">{t("nav.settings")}</IntentLink>
              </li>
              <li>
                <SignOutButton />
              </li>
            </ul>
          </>
        ) : (
          <ul className="nav-list">
            <li>
              <IntentLink href="/signin">{t("nav.signIn")}</IntentLink>
            </li>
            <li>
              <IntentLink href="/signup" className="button button-primary">
                {t("nav.signUp")}
              </IntentLink>
            </li>
          </ul>
        )}
      </nav>
    </header>
  );
}

export function SiteFooter() {
  const t = useTranslations("shell");
  return (
    <footer className="site-footer">
      <p>
        {t.rich("attribution", {
          tmdb: (name) => (
            <a href="https://www.themoviedb.org/" rel="noreferrer">
              {name}
            </a>
          ),
        })}
      </p>
      <LanguagePicker />
    </footer>
  );
}
