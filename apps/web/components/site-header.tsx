import Link from "next/link";
import type { SessionUser } from "../lib/session";
import { SignOutButton } from "./sign-out-button";

export function SiteHeader({ user }: { user: SessionUser | null }) {
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Link href={user ? "/home" : "/"} className="brand">
        movierec
      </Link>
      <nav aria-label="Main">
        <ul className="nav-list">
          {user ? (
            <>
              <li>
                <Link href="/home">Home</Link>
              </li>
              <li>
                <Link href="/browse">Browse</Link>
              </li>
              <li>
                <Link href="/search">Search</Link>
              </li>
              <li>
                <Link href="/favourites">Favourites</Link>
              </li>
              <li>
                <Link href="/watchlist">Watchlist</Link>
              </li>
              <li>
                <Link href="/settings">Settings</Link>
              </li>
              <li>
                <SignOutButton />
              </li>
            </>
          ) : (
            <>
              <li>
                <Link href="/signin">Sign in</Link>
              </li>
              <li>
                <Link href="/signup" className="button button-primary">
                  Sign up
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
  return (
    <footer className="site-footer">
      <p>
        This product uses the TMDB API but is not endorsed or certified by{" "}
        <a href="https://www.themoviedb.org/" rel="noreferrer">
          TMDB
        </a>
        . Film and series data and images come from The Movie Database.
      </p>
    </footer>
  );
}
