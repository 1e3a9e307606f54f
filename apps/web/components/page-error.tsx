"use client";
// A page that failed while rendering (an answer the page did not expect, the API away at the wrong
// moment): the header and footer stay, and the person gets words, a way to try again and a way out,
// instead of Next's bare "Application error". What happened is in the server's log under `digest`.
//
// It is the error boundary (error.tsx) of the signed-in pages, the consent page and the device page,
// not of the root: a boundary at the root puts its script (0.8 kB gzip) in every route's first load,
// and the signed-out pages (landing, sign-in, sign-up) render nothing that can throw (the landing
// page explains the product without the API; bench/README.md).
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { startTransition } from "react";
import { IntentLink } from "./intent-link";

export interface PageErrorProps {
  error: Error & { digest?: string };
  reset: () => void;
}

/**
 * The failed page's words and ways on, inside the `<main>` its layout or boundary gives it.
 * `beforeRetry`: what must be done before the page renders again (the signed-in pages drop the
 * cached answers that may have made it fail).
 */
export function PageError({ error, reset, beforeRetry }: PageErrorProps & { beforeRetry?: () => Promise<void> }) {
  const t = useTranslations("shell.errorPage");
  const router = useRouter();
  return (
    <div className="narrow">
      <h1>{t("heading")}</h1>
      <p>{t("body")}</p>
      {error.digest && <p className="muted">{t("reference", { digest: error.digest })}</p>}
      <p>
        <button
          type="button"
          className="button button-primary"
          // A Server Component's error needs the server's page again, not only a new render here.
          onClick={async () => {
            await beforeRetry?.().catch(() => undefined);
            startTransition(() => {
              router.refresh();
              reset();
            });
          }}
        >
          {t("retry")}
        </button>{" "}
        <IntentLink href="/" className="button">
          {t("start")}
        </IntentLink>
      </p>
    </div>
  );
}

/** For a boundary whose layout has no `<main>` of its own (the consent and device pages). */
export function PageErrorMain(props: PageErrorProps) {
  return (
    <main id="main" className="page narrow">
      <PageError {...props} />
    </main>
  );
}
