"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { reportActionError } from "../lib/action-errors";
import { endThisWebSession } from "../lib/end-session";
import { nextAuthClient } from "../lib/next-auth-client";

export function SignOutButton() {
  const t = useTranslations("shell.nav");
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className="nav-button"
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        // The session ends at the API first. If it cannot (the API away, this browser offline), the
        // person stays signed in and is told, rather than losing the cookie while a copy of it keeps
        // working (lib/end-session.ts).
        const ended = await endThisWebSession().catch(() => false);
        if (!ended) {
          reportActionError(t("signOutFailed"));
          setBusy(false);
          return;
        }
        // Ended: the cookie no longer works anywhere, so whatever fails from here the person is out.
        try {
          // Loaded on demand so visitors' pages do not ship Apollo; it is the same module instance the app uses.
          const { forgetCachedData } = await import("../lib/apollo-cache");
          await forgetCachedData();
          // No next-auth redirect: it would go to NEXTAUTH_URL's host, which may not be the one in use.
          await (await nextAuthClient()).signOut({ redirect: false });
        } catch {
          // The start page, rendered for nobody signed in, removes what is kept (forget-signed-out-data.tsx).
        }
        window.location.assign("/");
      }}
    >
      {t("signOut")}
    </button>
  );
}
