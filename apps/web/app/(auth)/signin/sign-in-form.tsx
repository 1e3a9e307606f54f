"use client";
import Link from "next/link";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { FieldError } from "../../../components/states";

export function SignInForm({ oauthProviders, failed, next = "/home" }: { oauthProviders: { id: string; name: string }[]; failed: boolean; next?: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(failed ? "That email and password do not match an account." : null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const result = await signIn("credentials", { email: String(form.get("email")), password: String(form.get("password")), redirect: false });
    setBusy(false);
    if (!result || result.error) {
      // next-auth passes on the message of a refusal that is not a mismatch (a wait after too many attempts).
      setError(result?.error?.startsWith("Too many") ? result.error : "That email and password do not match an account.");
      return;
    }
    router.push(next);
    router.refresh();
  }

  return (
    <>
      <form className="stack" onSubmit={onSubmit} noValidate={false}>
        <label className="field">
          <span>Email</span>
          <input name="email" type="email" autoComplete="email" required />
        </label>
        <label className="field">
          <span>Password</span>
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        <FieldError message={error} />
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
      </form>
      {oauthProviders.map((provider) => (
        <p key={provider.id}>
          <button type="button" className="button" onClick={() => signIn(provider.id, { callbackUrl: next })}>
            Sign in with {provider.name}
          </button>
        </p>
      ))}
      <p>
        New here? <Link href="/signup">Create an account</Link>
      </p>
    </>
  );
}
