"use client";
// Settings → Apps: the third-party apps a person allowed into their account (each revocable), and
// for developers, the apps they registered (an OAuth clientId each; docs at the API's /docs).
import { useMutation, useQuery } from "@apollo/client/react";
import { type FormEvent, useState } from "react";
import { ErrorState } from "../../../components/states";
import { DELETE_OAUTH_APP, OAUTH_APPS_QUERY, REGISTER_OAUTH_APP, REVOKE_AUTHORIZED_APP } from "../../../lib/graphql";

const formatDate = (value: string) => new Date(value).toLocaleDateString("en-GB", { year: "numeric", month: "short", day: "numeric" });

export function AuthorizedApps() {
  const { data, error, refetch } = useQuery(OAUTH_APPS_QUERY);
  const [revoke] = useMutation(REVOKE_AUTHORIZED_APP, { refetchQueries: [OAUTH_APPS_QUERY] });
  const [message, setMessage] = useState<string | null>(null);
  const apps = data?.authorizedApps ?? [];

  async function onRevoke(clientId: string, name: string) {
    setMessage(null);
    try {
      await revoke({ variables: { clientId } });
      setMessage(`${name} can no longer use your account.`);
    } catch (cause) {
      setMessage(`Could not revoke ${name}: ${(cause as Error).message}`);
    }
  }

  return (
    <section aria-labelledby="authorized-apps-heading" className="panel">
      <h2 id="authorized-apps-heading">Apps</h2>
      <p>Apps and devices you allowed into your account. Revoking one signs it out at once.</p>
      {message && <p role="status">{message}</p>}
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {data && apps.length === 0 && <p className="muted">You have not allowed any apps.</p>}
      {apps.length > 0 && (
        <ul className="token-list" aria-label="Apps you allowed">
          {apps.map((app) => (
            <li key={app.clientId} className="token">
              <span className="grow">
                <strong>{app.name}</strong> <small className="muted">{app.scopes.includes("WRITE") ? "read and write" : "read only"}</small>
                <br />
                <small className="muted">Allowed {formatDate(app.authorizedAt)}</small>
              </span>
              <button type="button" className="button button-danger" aria-label={`Revoke ${app.name}`} onClick={() => void onRevoke(app.clientId, app.name)}>
                Revoke
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function YourApps({ docsUrl }: { docsUrl: string }) {
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
      if (result.data) setMessage(`Registered ${result.data.registerOAuthApp.name}: its client ID is below.`);
      formElement.reset();
    } catch (cause) {
      setMessage(`Could not register the app: ${(cause as Error).message}`);
    }
  }

  async function onDelete(id: string, name: string) {
    setMessage(null);
    if (!window.confirm(`Delete ${name}? Everyone who allowed it is signed out of it.`)) return;
    try {
      await remove({ variables: { id } });
      setMessage(`Deleted ${name}.`);
    } catch (cause) {
      setMessage(`Could not delete ${name}: ${(cause as Error).message}`);
    }
  }

  return (
    <section aria-labelledby="your-apps-heading" className="panel">
      <h2 id="your-apps-heading">Apps you build</h2>
      <p>
        Register an app to let other people sign in to it with their movierec account (OAuth 2.0 with PKCE, or the device flow for CLIs and TVs).{" "}
        <a href={docsUrl} target="_blank" rel="noreferrer">
          How to use it<span className="visually-hidden"> (opens in a new tab)</span>
        </a>
        .
      </p>
      <form className="stack" onSubmit={onRegister} aria-label="Register an app">
        <label className="field">
          <span>App name</span>
          <input name="name" type="text" required maxLength={80} placeholder="e.g. Film Diary" />
        </label>
        <label className="field">
          <span>Redirect URIs (one per line)</span>
          <textarea name="redirectUris" required rows={2} placeholder="https://filmdiary.example/callback" />
        </label>
        <button type="submit" className="button button-primary" disabled={registering.loading}>
          Register app
        </button>
      </form>
      {message && <p role="status">{message}</p>}
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {apps.length > 0 && (
        <ul className="token-list" aria-label="Your apps">
          {apps.map((app) => (
            <li key={app.id} className="token">
              <span className="grow">
                <strong>{app.name}</strong> <code data-testid="client-id">{app.clientId}</code>
                <br />
                <small className="muted">
                  Registered {formatDate(app.createdAt)} · {app.redirectUris.join(", ")}
                </small>
              </span>
              <button type="button" className="button button-danger" aria-label={`Delete ${app.name}`} onClick={() => void onDelete(app.id, app.name)}>
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
