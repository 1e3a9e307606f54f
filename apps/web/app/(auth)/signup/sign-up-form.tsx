"use client";
import { IntentLink } from "../../../components/intent-link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { FieldError } from "../../../components/states";
import type { SignUpMutationVariables } from "../../../lib/generated/graphql";
import { nextAuthClient } from "../../../lib/next-auth-client";
import { useErrorReason } from "../../../lib/use-error-reason";

/**
 * `signUpQuery`: the SignUp mutation's text, printed by the page on the server (sent as a plain POST:
 * this page sits outside the signed-in app's Apollo provider), so graphql's printer stays out of the
 * page's scripts (7 kB gzip).
 */
export function SignUpForm({ signUpQuery }: { signUpQuery: string }) {
  const t = useTranslations("auth.signUp");
  const reasonOf = useErrorReason();
  const router = useRouter();
  // Our own message is kept as its key (shown in the current language, even after a switch); the API's as it says it.
  const [problem, setProblem] = useState<"signInFailed" | { api: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email"));
    const password = String(form.get("password"));
    const name = String(form.get("name") ?? "").trim() || null;
    setBusy(true);
    setProblem(null);
    try {
      const response = await fetch("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: signUpQuery, variables: { input: { email, password, name } } satisfies SignUpMutationVariables }),
      });
      // Not JSON (a proxy's 502 page): the status says what went wrong. The API's refusals keep their codes.
      const body = (await response.json().catch(() => {
        throw { statusCode: response.status };
      })) as { errors?: { message: string; extensions?: Record<string, unknown> }[] };
      if (body.errors?.length) throw { errors: body.errors };
      const { signIn } = await nextAuthClient();
      const result = await signIn("credentials", { email, password, redirect: false });
      if (!result || result.error) {
        setProblem("signInFailed");
        setBusy(false);
        return;
      }
      router.push("/onboarding");
      router.refresh();
    } catch (cause) {
      setProblem({ api: reasonOf(cause) });
      setBusy(false);
    }
  }

  return (
    <>
      <form className="stack" onSubmit={onSubmit} onFocusCapture={() => void nextAuthClient()}>
        <label className="field">
          <span>{t("name")}</span>
          <input name="name" type="text" autoComplete="name" />
        </label>
        <label className="field">
          <span>{t("email")}</span>
          <input name="email" type="email" autoComplete="email" required />
        </label>
        <label className="field">
          <span>{t("password")}</span>
          <input name="password" type="password" autoComplete="new-password" minLength={8} maxLength={200} required aria-describedby="password-hint" />
          <small id="password-hint">{t("passwordHint")}</small>
        </label>
        <FieldError message={problem === "signInFailed" ? t("signInFailed") : problem?.api} />
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t("submitting") : t("submit")}
        </button>
      </form>
      <p>{t.rich("haveAccount", { link: (text) => <IntentLink href="/signin">{text}</IntentLink> })}</p>
    </>
  );
}
