"use client";
// Settings → Account: change the email address one signs in with, confirmed with the password.
// Sessions and tokens stay; the next sign-in uses the new address.
import { useMutation } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { FieldError } from "../../../components/states";
import { CHANGE_EMAIL } from "../../../lib/graphql";
import { useErrorReason } from "../../../lib/use-error-reason";

export function ChangeEmail() {
  const t = useTranslations("settings.account.changeEmail");
  const reasonOf = useErrorReason();
  const [changeEmail, { loading }] = useMutation(CHANGE_EMAIL);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setProblem(null);
    setDone(null);
    try {
      // The answer carries the account's id, so Apollo's cache (and "Signed in as") shows the new address at once.
      const result = await changeEmail({
        variables: { input: { newEmail: String(form.get("newEmail") ?? ""), password: String(form.get("password") ?? "") } },
      });
      setDone(t("done", { email: result.data?.changeEmail.email ?? "" }));
      formElement.reset();
    } catch (cause) {
      setProblem(reasonOf(cause));
    }
  }

  return (
    <form className="stack" onSubmit={onSubmit} aria-label={t("formLabel")}>
      <label className="field">
        <span>{t("newEmail")}</span>
        <input name="newEmail" type="email" autoComplete="email" required maxLength={254} />
      </label>
      <label className="field">
        <span>{t("password")}</span>
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      <FieldError message={problem} />
      {done && <p role="status">{done}</p>}
      <button type="submit" className="button" disabled={loading}>
        {t("submit")}
      </button>
    </form>
  );
}
