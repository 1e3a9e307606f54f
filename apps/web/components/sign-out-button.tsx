"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
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
        try {
          // Loaded on demand so visitors' pages do not ship Apollo; it is the same module instance the app uses.
          const { forgetCachedData } = await import("../lib/apollo-cache");
          await forgetCachedData();
          // No next-auth redirect: it would go to NEXTAUTH_URL's host, which may not be the one in use.
          await (await nextAuthClient()).signOut({ redirect: false });
        } catch {
          // Offline or the server away: still signed in, and the button works again for another try.
          setBusy(false);
          return;
        }
        window.location.assign("/");
      }}
    >
      {t("signOut")}
    </button>
  );
}
