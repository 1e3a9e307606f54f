"use client";
import { useMutation, useQuery } from "@apollo/client/react";
import { type FormEvent, useState } from "react";
import { ErrorState } from "../../../components/states";
import type { TokenScope } from "../../../lib/generated/graphql";
import { API_TOKENS_QUERY, type ApiToken, CREATE_API_TOKEN, REVOKE_API_TOKEN } from "../../../lib/graphql";

const formatDate = (value: string | null) =>
  value ? new Date(value).toLocaleDateString("en-GB", { year: "numeric", month: "short", day: "numeric" }) : "never";

export function ApiTokens() {
  const { data, error, refetch } = useQuery(API_TOKENS_QUERY);
  const [createToken, creating] = useMutation(CREATE_API_TOKEN, { refetchQueries: [API_TOKENS_QUERY] });
  const [revokeToken] = useMutation(REVOKE_API_TOKEN);
  // The secret lives only in this component's state: it is never written to the persisted cache.
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  async function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const days = String(form.get("expiresInDays") ?? "");
    setMessage(null);
    setCopied(false);
    try {
      const scopes: TokenScope[] = form.get("write") ? ["READ", "WRITE"] : ["READ"];
      const result = await createToken({ variables: { input: { name: String(form.get("name")).trim(), expiresInDays: days ? Number(days) : null, scopes } } });
      if (result.data) setCreated({ name: result.data.createApiToken.token.name, secret: result.data.createApiToken.secret });
      formElement.reset();
    } catch (cause) {
      setMessage(`Could not create the token: ${(cause as Error).message}`);
    }
  }

  async function onRevoke(token: ApiToken) {
    setMessage(null);
    try {
      await revokeToken({
        variables: { id: token.id },
        optimisticResponse: { revokeApiToken: { ...token, revokedAt: new Date().toISOString() } },
      });
      setMessage(`Revoked “${token.name}”.`);
    } catch (cause) {
      setMessage(`Could not revoke the token: ${(cause as Error).message}`);
    }
  }

  async function copySecret() {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.secret);
      setCopied(true);
    } catch {
      setMessage("Copying was blocked by the browser: select the token and copy it yourself.");
    }
  }

  const tokens = data?.apiTokens ?? [];
  return (
    <section aria-labelledby="tokens-heading" className="panel">
      <h2 id="tokens-heading">API tokens</h2>
      <p>
        Personal tokens let your own tools call the GraphQL API as you: send <code>Authorization: Bearer &lt;token&gt;</code>.
      </p>
      <form className="filters" onSubmit={onCreate} aria-label="Create an API token">
        <label className="field grow">
          <span>Token name</span>
          <input name="name" type="text" required maxLength={100} placeholder="e.g. Home server" />
        </label>
        <label className="field">
          <span>Expires</span>
          <select name="expiresInDays" defaultValue="90">
            <option value="30">in 30 days</option>
            <option value="90">in 90 days</option>
            <option value="365">in a year</option>
            <option value="">never</option>
          </select>
        </label>
        <label className="choice">
          <input name="write" type="checkbox" defaultChecked />
          <span>Can change things (write)</span>
        </label>
        <button type="submit" className="button button-primary" disabled={creating.loading}>
          Create token
        </button>
      </form>
      {created && (
        <div className="notice notice-success" role="status">
          <p>
            <strong>Token “{created.name}” created.</strong> Copy it now: it is shown only once.
          </p>
          <p className="secret-row">
            <code data-testid="new-token-secret">{created.secret}</code>
            <button type="button" className="button" onClick={() => void copySecret()}>
              {copied ? "Copied" : "Copy"}
            </button>
            <button type="button" className="button" onClick={() => setCreated(null)}>
              Done
            </button>
          </p>
        </div>
      )}
      {message && <p role="status">{message}</p>}
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {data && tokens.length === 0 && <p className="muted">No tokens yet.</p>}
      {tokens.length > 0 && (
        <ul className="token-list" aria-label="Your API tokens">
          {tokens.map((token) => (
            <li key={token.id} className="token">
              <span className="grow">
                <strong>{token.name}</strong> <code>{token.prefix}…</code>{" "}
                <small className="muted">{token.scopes.includes("WRITE") ? "read and write" : "read only"}</small>
                <br />
                <small className="muted">
                  Created {formatDate(token.createdAt)} · last used {formatDate(token.lastUsedAt)} ·{" "}
                  {token.revokedAt ? `revoked ${formatDate(token.revokedAt)}` : token.expiresAt ? `expires ${formatDate(token.expiresAt)}` : "never expires"}
                </small>
              </span>
              {!token.revokedAt && (
                <button type="button" className="button button-danger" aria-label={`Revoke ${token.name}`} onClick={() => void onRevoke(token)}>
                  Revoke
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
