import { useTranslations } from "next-intl";
import Link from "next/link";
import type { SessionUser } from "../lib/session";
import { LanguagePicker } from "./language-picker";
import { SignOutButton } from "./sign-out-button";

export function SiteHeader({ user }: { user: SessionUser | null }) {
  const t = useTranslations("shell");
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t("skipToContent")}
      </a>
      <Link href={user ? "/home" : "/"} className="brand">
        movierec
      </Link>
      <nav aria-label={t("mainNavigation")}>
        <ul className="nav-list">
          {user ? (
            <>
              <li>
                <Link href="/home">{t("nav.home")}</Link>
              </li>
              <li>
                <Link href="/browse">{t("nav.browse")}</Link>
              </li>
              <li>
                <Link href="/search">{t("nav.search")}</Link>
              </li>
              <li>
                <Link href="/favourites">{t("nav.favourites")}</Link>
              </li>
              <li>
                <Link href="/watchlist">{t("nav.watchlist")}</Link>
              </li>
              <li>
                <Link href="/settings">{t("nav.settings")}</Link>
              </li>
              <li>
                <SignOutButton />
              </li>
            </>
          ) : (
            <>
              <li>
                <Link href="/signin">{t("nav.signIn")}</Link>
              </li>
              <li>
                <Link href="/signup" className="button button-primary">
                  {t("nav.signUp")}
                </Link>
              </li>
            </>
          )}
        </ul>
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
