"use client";
// Deletes the person's account and everything of theirs, for good, once they confirm: with their
// password, or (an account that signs in only with a provider) by signing in again first. Then the
// browser forgets its cached data and the session, and goes to the start page.
import { useMutation, useQuery } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { ErrorState, FieldError } from "../../../components/states";
import { ACCOUNT_QUERY, DELETE_ACCOUNT } from "../../../lib/graphql";
import { nextAuthClient } from "../../../lib/next-auth-client";
import { useErrorReason } from "../../../lib/use-error-reason";

export function DeleteAccount() {
  const t = useTranslations("settings.deleteAccount");
  const reasonOf = useErrorReason();
  const { data, error, refetch } = useQuery(ACCOUNT_QUERY);
  const [deleteAccount, { loading }] = useMutation(DELETE_ACCOUNT);
  const [message, setMessage] = useState<string | null>(null);
  const [sure, setSure] = useState(false);
  const hasPassword = data?.me?.hasPassword ?? true;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessage(null);
    const password = hasPassword ? String(new FormData(event.currentTarget).get("password") ?? "") : null;
    try {
      await deleteAccount({ variables: { input: { password } } });
    } catch (cause) {
      setMessage(reasonOf(cause));
      return;
    }
    const { forgetCachedData } = await import("../../../lib/apollo-cache");
    await forgetCachedData();
    await (await nextAuthClient()).signOut({ redirect: false });
    window.location.assign("/?account=deleted");
  }

  return (
    <section aria-labelledby="delete-account-heading" className="panel danger-zone">
      <h2 id="delete-account-heading">{t("heading")}</h2>
      <p>{t("intro")}</p>
      {/* Whether the account has a password decides what the form asks: not guessed when unknown. */}
      {error && !data && <ErrorState error={error} onRetry={() => void refetch()} />}
      <form onSubmit={onSubmit} className="stack" hidden={Boolean(error && !data)}>
        {hasPassword ? (
          <label className="field">
            <span>{t("password")}</span>
            <input name="password" type="password" autoComplete="current-password" required />
          </label>
        ) : (
          <p className="muted">{t("providerOnly")}</p>
        )}
        <label className="checkbox">
          <input type="checkbox" checked={sure} onChange={(event) => setSure(event.target.checked)} /> {t("understand")}
        </label>
        <FieldError message={message} />
        <button type="submit" className="button button-danger" disabled={!sure || loading}>
          {loading ? t("deleting") : t("submit")}
        </button>
      </form>
    </section>
  );
}
