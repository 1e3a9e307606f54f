"use client";
// Title actions that failed after their card had left the page (lib/action-errors.ts), each with a
// button to close it. An alert, so a screen reader says it at once: the title has come back.
import { useTranslations } from "next-intl";
import { closeActionError, useActionErrors } from "../lib/action-errors";

export function ActionErrors() {
  const t = useTranslations("cards.undoToast");
  const errors = useActionErrors();
  if (errors.length === 0) return null;
  return (
    <div className="action-errors">
      {errors.map((error) => (
        <div key={error.id} className="notice toast notice-error" role="alert">
          {error.message}{" "}
          <button type="button" className="button" onClick={() => closeActionError(error.id)}>
            {t("dismiss")}
          </button>
        </div>
      ))}
    </div>
  );
}
