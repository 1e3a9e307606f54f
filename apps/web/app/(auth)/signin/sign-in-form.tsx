"use client";
import { IntentLink } from "../../../components/intent-link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { FieldError } from "../../../components/states";
import { nextAuthClient } from "../../../lib/next-auth-client";

export function SignInForm({ oauthProviders, failed, next = "/home" }: { oauthProviders: { id: string; name: string }[]; failed: boolean; next?: string }) {
  const t = useTranslations("auth.signIn");
  const router = useRouter();
  // Our own refusal is kept as "mismatch" (shown in the current language, even after a switch); a wait is the API's message.
  const [problem, setProblem] = useState<"mismatch" | { api: string } | null>(failed ? "mismatch" : null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setProblem(null);
    const { signIn } = await nextAuthClient();
    const result = await signIn("credentials", { email: String(form.get("email")), password: String(form.get("password")), redirect: false });
    setBusy(false);
    if (!result || result.error) {
      // next-auth passes on the message of a refusal that is not a mismatch (a wait after too many attempts).
      setProblem(result?.error?.startsWith("Too many") ? { api: result.error } : "mismatch");
      return;
    }
    router.push(next);
    router.refresh();
  }

  return (
    <>
      <form className="stack" onSubmit={onSubmit} onFocusCapture={() => void nextAuthClient()} noValidate={false}>
        <label className="field">
          <span>{t("email")}</span>
          <input name="email" type="email" autoComplete="email" required />
        </label>
        <label className="field">
          <span>{t("password")}</span>
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        <FieldError message={problem === "mismatch" ? t("mismatch") : problem?.api} />
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t("submitting") : t("submit")}
        </button>
      </form>
      {oauthProviders.map((provider) => (
        <p key={provider.id}>
          <button type="button" className="button" onClick={async () => (await nextAuthClient()).signIn(provider.id, { callbackUrl: next })}>
            {t("withProvider", { provider: provider.name })}
          </button>
        </p>
      ))}
      <p>{t.rich("newHere", { link: (text) => <IntentLink href="/signup">{text}</IntentLink> })}</p>
    </>
  );
}
