"use client";
// Ends every web session of this person (other browsers and devices too), then this one.
import { useMutation } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FieldError } from "../../../components/states";
import { SIGN_OUT_EVERYWHERE } from "../../../lib/graphql";
import { nextAuthClient } from "../../../lib/next-auth-client";
import { useErrorReason } from "../../../lib/use-error-reason";

export function SignOutEverywhere() {
  const t = useTranslations("settings.sessions");
  const reasonOf = useErrorReason();
  const [signOutEverywhere, { loading }] = useMutation(SIGN_OUT_EVERYWHERE);
  const [message, setMessage] = useState<string | null>(null);

  async function onClick() {
    setMessage(null);
    try {
      await signOutEverywhere();
    } catch (cause) {
      setMessage(t("failed", { reason: reasonOf(cause) }));
      return;
    }
    const { forgetCachedData } = await import("../../../lib/apollo-cache");
    await forgetCachedData();
    await (await nextAuthClient()).signOut({ redirect: false });
    window.location.assign("/");
  }

  return (
    <section aria-labelledby="sessions-heading" className="panel">
      <h2 id="sessions-heading">{t("heading")}</h2>
      <p>{t("intro")}</p>
      <FieldError message={message} />
      <button type="button" className="button" onClick={onClick} disabled={loading}>
        {loading ? t("signingOut") : t("submit")}
      </button>
    </section>
  );
}
