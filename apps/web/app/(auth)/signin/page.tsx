import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { oauthProviderIds } from "../../../lib/auth-options";
import { currentUser } from "../../../lib/session";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

/** Where to go after signing in: a path on this site only (an app's consent page, the device page), else home. */
function afterSignIn(next: string | undefined): string {
  return next && /^\/(?!\/)[\w\-./?=&%]*$/.test(next) ? next : "/home";
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ error?: string; next?: string }> }) {
  const { error, next } = await searchParams;
  const destination = afterSignIn(next);
  if (await currentUser()) redirect(destination);
  return (
    <main id="main" className="page narrow">
      <h1>Sign in</h1>
      <SignInForm oauthProviders={oauthProviderIds} failed={Boolean(error)} next={destination} />
    </main>
  );
}
