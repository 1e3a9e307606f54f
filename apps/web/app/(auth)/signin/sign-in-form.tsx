"use client";
import { IntentLink } from "../../../components/intent-link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { FieldError } from "../../../components/states";
import { nextAuthClient } from "../../../lib/next-auth-client";
import { SIGN_IN_UNAVAILABLE, type SignInProblem, signInProblem } from "../../../lib/sign-in-problem";

export function SignInForm({
  oauthProviders,
  problem: problemOnArrival = null,
  next = "/home",
}: {
  oauthProviders: { id: string; name: string }[];
  /** What went wrong before this page (a provider's sign-in sends the person back here with a code). */
  problem?: SignInProblem | null;
  next?: string;
}) {
  const t = useTranslations("auth.signIn");
  const router = useRouter();
  // Kept as a kind (shown in the current language, even after a switch); a wait is the API's message.
  const [problem, setProblem] = useState<SignInProblem | null>(problemOnArrival);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setProblem(null);
    let result: Awaited<ReturnType<Awaited<ReturnType<typeof nextAuthClient>>["signIn"]>>;
    try {
      const { signIn } = await nextAuthClient();
      result = await signIn("credentials", { email: String(form.get("email")), password: String(form.get("password")), redirect: false });
    } catch {
      // The network went (the script or next-auth's request did not arrive): say so, and let them try again.
      setProblem("unavailable");
      return;
    } finally {
      setBusy(false);
    }
    if (!result || result.error) {
      setProblem(signInProblem(result?.error ?? SIGN_IN_UNAVAILABLE));
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
        <FieldError message={problem === null ? null : typeof problem === "string" ? t(problem) : problem.wait} />
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
