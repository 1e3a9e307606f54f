"use client";
// A page rendered for nobody signed in removes what this browser keeps of whoever was signed in
// (lib/persisted-data.ts): the session may have ended elsewhere ("Sign out everywhere", a password
// change, the account deleted from a phone), so this browser's own sign-out, which removes it, never
// ran. On a shared computer, the next person would otherwise find the last one's lists and ratings
// in localStorage until someone signed in here. Mounted by the root layout for a full page load and
// by the sign-in pages' layout for a client-side navigation there (a layout already on the page is
// not rendered again), where a signed-in page's Apollo client may still be persisting: it is stopped
// first (lib/persisted-data.ts).
import { useEffect } from "react";
import { forgetPersistedData } from "../lib/persisted-data";

export function ForgetSignedOutData({ confirmSignedOut = false }: { confirmSignedOut?: boolean }) {
  useEffect(() => {
    const forget = () => {
      try {
        forgetPersistedData();
      } catch {
        // Storage refused (a privacy mode): nothing was kept either.
      }
    };
    if (!confirmSignedOut) return forget();
    // A page kept in the router's cache may be older than a sign-in: next-auth says who is signed in now.
    let current = true;
    void fetch("/api/auth/session", { cache: "no-store" })
      .then((response) => (response.ok ? response.json() : undefined))
      .then((session: { user?: unknown } | undefined) => {
        if (current && session && !session.user) forget();
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [confirmSignedOut]);
  return null;
}
