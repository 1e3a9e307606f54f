import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { oauthProviderIds } from "../../../lib/auth-options";
import { currentUser } from "../../../lib/session";
import { signInProblem } from "../../../lib/sign-in-problem";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.signIn");
  return { title: t("title") };
}

/** Where to go after signing in: a path on this site only (an app's consent page, the device page), else home. */
function afterSignIn(next: string | undefined): string {
  return next && /^\/(?!\/)[\w\-./?=&%]*$/.test(next) ? next : "/home";
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ error?: string; next?: string }> }) {
  const { error, next } = await searchParams;
  const destination = afterSignIn(next);
  if (await currentUser()) redirect(destination);
  const t = await getTranslations("auth.signIn");
  return (
    <main id="main" className="page narrow">
      <h1>{t("heading")}</h1>
      <SignInForm oauthProviders={oauthProviderIds} problem={signInProblem(error, { fromAddress: true })} next={destination} />
    </main>
  );
}
