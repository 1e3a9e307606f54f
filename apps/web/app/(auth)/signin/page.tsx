import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { oauthProviderIds } from "../../../lib/auth-options";
import { currentUser } from "../../../lib/session";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  if (await currentUser()) redirect("/home");
  return (
    <main id="main" className="page narrow">
      <h1>Sign in</h1>
      <SignInForm oauthProviders={oauthProviderIds} failed={Boolean(error)} />
    </main>
  );
}
