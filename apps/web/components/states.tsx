"use client";
import { useTranslations } from "next-intl";
import { IntentLink } from "./intent-link";
import { type ReactNode, useEffect } from "react";
import { usePathname } from "next/navigation";
import { classifyError, describeError } from "../lib/error-text";

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useTranslations("common");
  const { title, detail } = describeError(error, useTranslations("common.errors"));
  // Signed out meanwhile (Sign out everywhere, a password changed elsewhere): asking again cannot
  // work; signing in again, and coming back here, does. A whole page load, so the header follows.
  const signedOut = classifyError(error).kind === "signedOut";
  const pathname = usePathname();
  // Back online: try again without being asked.
  useEffect(() => {
    if (!onRetry) return;
    window.addEventListener("online", onRetry);
    return () => window.removeEventListener("online", onRetry);
  }, [onRetry]);
  return (
    <div className="notice notice-error" role="alert">
      <p>
        <strong>{title}</strong> {detail}
      </p>
      {signedOut ? (
        <a className="button button-primary" href={`/signin?next=${encodeURIComponent(pathname)}`}>
          {t("signInAgain")}
        </a>
      ) : (
        onRetry && (
          <button type="button" className="button" onClick={onRetry}>
            {t("tryAgain")}
          </button>
        )
      )}
    </div>
  );
}

export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: { href: string; label: string } }) {
  return (
    <div className="notice">
      <p>
        <strong>{title}</strong>
      </p>
      {children}
      {action && (
        <p>
          <IntentLink className="button button-primary" href={action.href}>
            {action.label}
          </IntentLink>
        </p>
      )}
    </div>
  );
}

/** A problem with what was just tried (a form, an action), read out by screen readers; nothing when there is none. */
export function FieldError({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p className="field-error" role="alert">
      {message}
    </p>
  );
}
