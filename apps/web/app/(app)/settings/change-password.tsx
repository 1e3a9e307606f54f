"use client";
// Settings → Account: who is signed in, the email form (change-email.tsx), and the password
// (confirmed with the current one): the API signs out every other device at once; this one stays.
import { useMutation, useQuery } from "@apollo/client/react";
import { type FormEvent, useState } from "react";
import { FieldError } from "../../../components/states";
import { ACCOUNT_QUERY, CHANGE_PASSWORD } from "../../../lib/graphql";
import { ChangeEmail } from "./change-email";

export function ChangePassword() {
  const { data } = useQuery(ACCOUNT_QUERY);
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
      setProblem("The new password and its confirmation differ.");
      return;
    }
    try {
      const result = await changePassword({ variables: { input: { currentPassword: String(form.get("currentPassword") ?? ""), newPassword } } });
      const others = result.data?.changePassword ?? 0;
      setDone(`Password changed.${others ? ` ${others === 1 ? "Another device was" : `${others} other devices were`} signed out.` : ""}`);
      formElement.reset();
    } catch (cause) {
      setProblem((cause as Error).message);
    }
  }

  if (!data?.me) return null;
  return (
    <section aria-labelledby="account-heading" className="panel">
      <h2 id="account-heading">Account</h2>
      <p>
        Signed in as <strong>{data.me.email}</strong>.
      </p>
      {data.me.hasPassword && <ChangeEmail />}
      {data.me.hasPassword ? (
        <form className="stack" onSubmit={onSubmit} aria-label="Change password">
          <label className="field">
            <span>Current password</span>
            <input name="currentPassword" type="password" autoComplete="current-password" required />
          </label>
          <label className="field">
            <span>New password</span>
            <input name="newPassword" type="password" autoComplete="new-password" required minLength={8} maxLength={200} />
          </label>
          <label className="field">
            <span>New password again</span>
            <input name="confirmPassword" type="password" autoComplete="new-password" required minLength={8} maxLength={200} />
          </label>
          <FieldError message={problem} />
          {done && <p role="status">{done}</p>}
          <button type="submit" className="button button-primary" disabled={loading}>
            Change password
          </button>
        </form>
      ) : (
        <p className="muted">You sign in with a provider, which gives your email address, so there is no email or password to change here.</p>
      )}
    </section>
  );
}
