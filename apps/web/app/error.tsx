"use client";
// A page that failed while rendering (an answer the page did not expect, the API away at the wrong
// moment): the header and footer stay, and the person gets words, a way to try again and a way out,
// instead of Next's bare "Application error". What happened is in the server's log under `digest`.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { startTransition } from "react";
import { IntentLink } from "../components/intent-link";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("shell.errorPage");
  const router = useRouter();
  return (
    <main id="main" className="page narrow">
      <h1>{t("heading")}</h1>
      <p>{t("body")}</p>
      {error.digest && <p className="muted">{t("reference", { digest: error.digest })}</p>}
      <p>
        <button
          type="button"
          className="button button-primary"
          // A Server Component's error needs the server's page again, not only a new render here.
          onClick={() =>
            startTransition(() => {
              router.refresh();
              reset();
            })
          }
        >
          {t("retry")}
        </button>{" "}
        <IntentLink href="/" className="button">
          {t("start")}
        </IntentLink>
      </p>
    </main>
  );
}
