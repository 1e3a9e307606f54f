"use client";
import { useMutation, useQuery } from "@apollo/client/react";
import { useFormatter, useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { ErrorState } from "../../../components/states";
import type { TokenScope } from "../../../lib/generated/graphql";
import { API_TOKENS_QUERY, type ApiToken, CREATE_API_TOKEN, REVOKE_API_TOKEN } from "../../../lib/graphql";
import { focusAfterRemoval } from "../../../lib/focus-after-removal";
import { useErrorReason } from "../../../lib/use-error-reason";

export function ApiTokens() {
  const t = useTranslations("settings.apiTokens");
  const reasonOf = useErrorReason();
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
      setMessage(t("createFailed", { reason: reasonOf(cause) }));
    }
  }

  async function onRevoke(token: ApiToken, button: HTMLElement) {
    setMessage(null);
    // Whatever uses the token stops working at once, and it cannot be brought back.
    if (!window.confirm(t("confirmRevoke", { name: token.name }))) return;
    // The row keeps its place as revoked, without its button: focus goes to the next Revoke.
    const settle = focusAfterRemoval(button);
    try {
      const revoking = revokeToken({
        variables: { id: token.id },
        optimisticResponse: { revokeApiToken: { ...token, revokedAt: new Date().toISOString() } },
      });
      settle();
      await revoking;
      setMessage(t("revoked", { name: token.name }));
    } catch (cause) {
      setMessage(t("revokeFailed", { reason: reasonOf(cause) }));
    }
  }

  async function copySecret() {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.secret);
      setCopied(true);
    } catch {
      setMessage(t("copyBlocked"));
    }
  }

  const tokens = data?.apiTokens ?? [];
  return (
    <section aria-labelledby="tokens-heading" className="panel">
      <h2 id="tokens-heading">{t("heading")}</h2>
      <p>{t.rich("intro", { code: (chunks) => <code>{chunks}</code> })}</p>
      <form className="filters" onSubmit={onCreate} aria-label={t("formLabel")}>
        <label className="field grow">
          <span>{t("name")}</span>
          <input name="name" type="text" required maxLength={100} placeholder={t("namePlaceholder")} />
        </label>
        <label className="field">
          <span>{t("expires")}</span>
          <select name="expiresInDays" defaultValue="90">
            <option value="30">{t("expiry.days30")}</option>
            <option value="90">{t("expiry.days90")}</option>
            <option value="365">{t("expiry.year")}</option>
            <option value="">{t("expiry.never")}</option>
          </select>
        </label>
        <label className="choice">
          <input name="write" type="checkbox" defaultChecked />
          <span>{t("write")}</span>
        </label>
        <button type="submit" className="button button-primary" disabled={creating.loading}>
          {t("submit")}
        </button>
      </form>
      {created && (
        <div className="notice notice-success" role="status">
          <p>{t.rich("created", { name: created.name, strong: (chunks) => <strong>{chunks}</strong> })}</p>
          <p className="secret-row">
            <code data-testid="new-token-secret">{created.secret}</code>
            <button type="button" className="button" onClick={() => void copySecret()}>
              {copied ? t("copied") : t("copy")}
            </button>
            <button type="button" className="button" onClick={() => setCreated(null)}>
              {t("done")}
            </button>
          </p>
        </div>
      )}
      {message && <p role="status">{message}</p>}
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {data && tokens.length === 0 && <p className="muted">{t("empty")}</p>}
      {tokens.length > 0 && (
        <ul className="token-list" aria-label={t("listLabel")}>
          {tokens.map((token) => (
            <TokenRow key={token.id} token={token} onRevoke={(button) => void onRevoke(token, button)} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** One token: its name, prefix and access, when it was made, last used and ends, and Revoke while it works. */
function TokenRow({ token, onRevoke }: { token: ApiToken; onRevoke: (button: HTMLElement) => void }) {
  const t = useTranslations("settings.apiTokens");
  const tShared = useTranslations("settings.shared");
  const format = useFormatter();
  const formatDate = (value: string) => format.dateTime(new Date(value), { year: "numeric", month: "short", day: "numeric" });
  const state = token.revokedAt
    ? t("revokedOn", { date: formatDate(token.revokedAt) })
    : token.expiresAt
      ? t("expiresOn", { date: formatDate(token.expiresAt) })
      : t("neverExpires");
  return (
    <li className="token">
      <span className="grow">
        <strong>{token.name}</strong> <code>{token.prefix}…</code>{" "}
        <small className="muted">{token.scopes.includes("WRITE") ? tShared("readAndWrite") : tShared("readOnly")}</small>
        <br />
        <small className="muted">
          {t("history", { created: formatDate(token.createdAt), lastUsed: token.lastUsedAt ? formatDate(token.lastUsedAt) : t("never"), state })}
        </small>
      </span>
      {!token.revokedAt && (
        <button
          type="button"
          className="button button-danger"
          aria-label={tShared("revokeNamed", { name: token.name })}
          onClick={(event) => onRevoke(event.currentTarget)}
        >
          {tShared("revoke")}
        </button>
      )}
    </li>
  );
}
