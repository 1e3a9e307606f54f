"use client";
// Settings → Apps: the third-party apps a person allowed into their account (each revocable), and
// for developers, the apps they registered (an OAuth clientId each; docs at the API's /docs).
import { useMutation, useQuery } from "@apollo/client/react";
import { useFormatter, useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { ErrorState } from "../../../components/states";
import { DELETE_OAUTH_APP, OAUTH_APPS_QUERY, REGISTER_OAUTH_APP, REVOKE_AUTHORIZED_APP } from "../../../lib/graphql";
import { focusAfterRemoval } from "../../../lib/focus-after-removal";
import { useErrorReason } from "../../../lib/use-error-reason";

/** A day as the reader writes it in their language ("Jun 5, 2024", "5 juin 2024"). */
function useFormatDay() {
  const format = useFormatter();
  return (value: string) => format.dateTime(new Date(value), { year: "numeric", month: "short", day: "numeric" });
}

export function AuthorizedApps() {
  const t = useTranslations("settings.authorizedApps");
  const reasonOf = useErrorReason();
  const tShared = useTranslations("settings.shared");
  const formatDate = useFormatDay();
  const { data, error, refetch } = useQuery(OAUTH_APPS_QUERY);
  const [revoke] = useMutation(REVOKE_AUTHORIZED_APP, { refetchQueries: [OAUTH_APPS_QUERY] });
  const [message, setMessage] = useState<string | null>(null);
  const apps = data?.authorizedApps ?? [];

  async function onRevoke(clientId: string, name: string, button: HTMLElement) {
    setMessage(null);
    // The app is signed out at once; using it again means allowing it again.
    if (!window.confirm(t("confirmRevoke", { name }))) return;
    // Its row leaves with the list's refetch (not awaited: a failed refetch is no failed revoke):
    // focus goes to the next app's Revoke once it has.
    const settle = focusAfterRemoval(button);
    try {
      await revoke({ variables: { clientId } });
      settle();
      setMessage(t("revoked", { name }));
    } catch (cause) {
      setMessage(t("revokeFailed", { name, reason: reasonOf(cause) }));
    }
  }

  return (
    <section aria-labelledby="authorized-apps-heading" className="panel">
      <h2 id="authorized-apps-heading">{t("heading")}</h2>
      <p>{t("intro")}</p>
      {message && <p role="status">{message}</p>}
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {data && apps.length === 0 && <p className="muted">{t("empty")}</p>}
      {apps.length > 0 && (
        <ul className="token-list" aria-label={t("listLabel")}>
          {apps.map((app) => (
            <li key={app.clientId} className="token">
              <span className="grow">
                <strong>{app.name}</strong> <small className="muted">{app.scopes.includes("WRITE") ? tShared("readAndWrite") : tShared("readOnly")}</small>
                <br />
                <small className="muted">{t("allowedOn", { date: formatDate(app.authorizedAt) })}</small>
              </span>
              <button
                type="button"
                className="button button-danger"
                aria-label={tShared("revokeNamed", { name: app.name })}
                onClick={(event) => void onRevoke(app.clientId, app.name, event.currentTarget)}
              >
                {tShared("revoke")}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function YourApps({ docsUrl }: { docsUrl: string }) {
  const t = useTranslations("settings.yourApps");
  const reasonOf = useErrorReason();
  const formatDate = useFormatDay();
  const { data, error, refetch } = useQuery(OAUTH_APPS_QUERY);
  const [register, registering] = useMutation(REGISTER_OAUTH_APP, { refetchQueries: [OAUTH_APPS_QUERY] });
  const [remove] = useMutation(DELETE_OAUTH_APP, { refetchQueries: [OAUTH_APPS_QUERY] });
  const [message, setMessage] = useState<string | null>(null);
  const apps = data?.oauthApps ?? [];

  async function onRegister(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setMessage(null);
    try {
      const redirectUris = String(form.get("redirectUris") ?? "")
        .split(/\s+/)
        .filter(Boolean);
      const result = await register({ variables: { input: { name: String(form.get("name")).trim(), redirectUris } } });
      if (result.data) setMessage(t("registered", { name: result.data.registerOAuthApp.name }));
      formElement.reset();
    } catch (cause) {
      setMessage(t("registerFailed", { reason: reasonOf(cause) }));
    }
  }

  async function onDelete(id: string, name: string) {
    setMessage(null);
    if (!window.confirm(t("confirmDelete", { name }))) return;
    try {
      await remove({ variables: { id } });
      setMessage(t("deleted", { name }));
    } catch (cause) {
      setMessage(t("deleteFailed", { name, reason: reasonOf(cause) }));
    }
  }

  return (
    <section aria-labelledby="your-apps-heading" className="panel">
      <h2 id="your-apps-heading">{t("heading")}</h2>
      <p>
        {t.rich("intro", {
          docs: (chunks) => (
            <a href={docsUrl} target="_blank" rel="noreferrer">
              {chunks}
            </a>
          ),
          hidden: (chunks) => <span className="visually-hidden">{chunks}</span>,
        })}
      </p>
      <form className="stack" onSubmit={onRegister} aria-label={t("formLabel")}>
        <label className="field">
          <span>{t("name")}</span>
          <input name="name" type="text" required maxLength={80} placeholder={t("namePlaceholder")} />
        </label>
        <label className="field">
          <span>{t("redirectUris")}</span>
          <textarea name="redirectUris" required rows={2} placeholder="https://filmdiary.example/callback" />
        </label>
        <button type="submit" className="button button-primary" disabled={registering.loading}>
          {t("submit")}
        </button>
      </form>
      {message && <p role="status">{message}</p>}
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {apps.length > 0 && (
        <ul className="token-list" aria-label={t("listLabel")}>
          {apps.map((app) => (
            <li key={app.id} className="token">
              <span className="grow">
                <strong>{app.name}</strong> <code data-testid="client-id">{app.clientId}</code>
                <br />
                <small className="muted">{t("registeredOn", { date: formatDate(app.createdAt), redirectUris: app.redirectUris.join(", ") })}</small>
              </span>
              <button
                type="button"
                className="button button-danger"
                aria-label={t("deleteNamed", { name: app.name })}
                onClick={() => void onDelete(app.id, app.name)}
              >
                {t("delete")}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
