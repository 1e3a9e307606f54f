"use client";
import Link from "next/link";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { print } from "graphql";
import { FieldError } from "../../../components/states";
import { SignUpDocument, type SignUpMutationVariables } from "../../../lib/generated/graphql";

// (a plain POST: this page sits outside the signed-in app's Apollo provider)
const SIGN_UP = print(SignUpDocument);

export function SignUpForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email"));
    const password = String(form.get("password"));
    const name = String(form.get("name") ?? "").trim() || null;
    setBusy(true);
    setError(null);
    try {
      const response = await fetch("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: SIGN_UP, variables: { input: { email, password, name } } satisfies SignUpMutationVariables }),
      });
      const body = (await response.json()) as { errors?: { message: string }[] };
      if (body.errors?.length) throw new Error(body.errors[0]!.message);
      const result = await signIn("credentials", { email, password, redirect: false });
      if (!result || result.error) throw new Error("Your account was created, but signing in failed. Try signing in.");
      router.push("/onboarding");
      router.refresh();
    } catch (cause) {
      setError((cause as Error).message);
      setBusy(false);
    }
  }

  return (
    <>
      <form className="stack" onSubmit={onSubmit}>
        <label className="field">
          <span>Name (optional)</span>
          <input name="name" type="text" autoComplete="name" />
        </label>
        <label className="field">
          <span>Email</span>
          <input name="email" type="email" autoComplete="email" required />
        </label>
        <label className="field">
          <span>Password</span>
          <input name="password" type="password" autoComplete="new-password" minLength={8} maxLength={200} required aria-describedby="password-hint" />
          <small id="password-hint">At least 8 characters.</small>
        </label>
        <FieldError message={error} />
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? "Creating your account…" : "Sign up"}
        </button>
      </form>
      <p>
        Already have an account? <Link href="/signin">Sign in</Link>
      </p>
    </>
  );
}
