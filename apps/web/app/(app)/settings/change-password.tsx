"use client";
// Settings → Account: who is signed in, the email form (change-email.tsx), and the password
// (confirmed with the current one): the API signs out every other device at once; this one stays.
import { useMutation, useQuery } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { ErrorState, FieldError } from "../../../components/states";
import { ACCOUNT_QUERY, CHANGE_PASSWORD } from "../../../lib/graphql";
import { ChangeEmail } from "./change-email";
import { useErrorReason } from "../../../lib/use-error-reason";

export function ChangePassword() {
  const t = useTranslations("settings.account");
  const reasonOf = useErrorReason();
  const { data, error, refetch } = useQuery(ACCOUNT_QUERY);
  const tCommon = useTranslations("common");
  const [changePassword, { loading }] = useMutation(CHANGE_PASSWORD);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const newPassword = String(form.get("newPassword") ?? "");
    setProblem(null);
    setDone(null);
    if (newPassword !== String(form.get("confirmPassword") ?? "")) {
      setProblem(t("changePassword.mismatch"));
      return;
    }
    try {
      const result = await changePassword({ variables: { input: { currentPassword: String(form.get("currentPassword") ?? ""), newPassword } } });
      setDone(t("changePassword.done", { others: result.data?.changePassword ?? 0 }));
      formElement.reset();
    } catch (cause) {
      setProblem(reasonOf(cause));
    }
  }

  // The panel stays where it is while its answer loads or when it failed, so the person can find
  // where to change their password and try again.
  if (!data?.me)
    return (
      <section aria-labelledby="account-heading" className="panel">
        <h2 id="account-heading">{t("heading")}</h2>
        {error ? <ErrorState error={error} onRetry={() => void refetch()} /> : <p role="status">{tCommon("loading")}</p>}
      </section>
    );
  return (
    <section aria-labelledby="account-heading" className="panel">
      <h2 id="account-heading">{t("heading")}</h2>
      <p>{t.rich("signedInAs", { email: data.me.email, strong: (chunks) => <strong>{chunks}</strong> })}</p>
      {data.me.hasPassword && <ChangeEmail />}
      {data.me.hasPassword ? (
        <form className="stack" onSubmit={onSubmit} aria-label={t("changePassword.formLabel")}>
          <label className="field">
            <span>{t("changePassword.current")}</span>
            <input name="currentPassword" type="password" autoComplete="current-password" required />
          </label>
          <label className="field">
            <span>{t("changePassword.new")}</span>
            <input name="newPassword" type="password" autoComplete="new-password" required minLength={8} maxLength={200} />
          </label>
          <label className="field">
            <span>{t("changePassword.confirm")}</span>
            <input name="confirmPassword" type="password" autoComplete="new-password" required minLength={8} maxLength={200} />
          </label>
          <FieldError message={problem} />
          {done && <p role="status">{done}</p>}
          <button type="submit" className="button button-primary" disabled={loading}>
            {t("changePassword.submit")}
          </button>
        </form>
      ) : (
        <p className="muted">{t("providerOnly")}</p>
      )}
    </section>
  );
}
