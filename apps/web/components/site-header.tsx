import { useTranslations } from "next-intl";
import { IntentLink } from "./intent-link";
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
      <IntentLink href={user ? "/home" : "/"} className="brand">
        movierec
      </IntentLink>
      <nav aria-label={t("mainNavigation")}>
        <ul className="nav-list">
          {user ? (
            <>
              <li>
                <IntentLink href="/home">{t("nav.home")}</IntentLink>
              </li>
              <li>
                <IntentLink href="/browse">{t("nav.browse")}</IntentLink>
              </li>
              <li>
                <IntentLink href="/search">{t("nav.search")}</IntentLink>
              </li>
              <li>
                <IntentLink href="/favourites">{t("nav.favourites")}</IntentLink>
              </li>
              <li>
                <IntentLink href="/watchlist">{t("nav.watchlist")}</IntentLink>
              </li>
              <li>
                <IntentLink href="/settings">{t("nav.settings")}</IntentLink>
              </li>
              <li>
                <SignOutButton />
              </li>
            </>
          ) : (
            <>
              <li>
                <IntentLink href="/signin">{t("nav.signIn")}</IntentLink>
              </li>
              <li>
                <IntentLink href="/signup" className="button button-primary">
                  {t("nav.signUp")}
                </IntentLink>
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
