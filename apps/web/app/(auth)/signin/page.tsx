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

/** A parameter the address may repeat (`?error=a&error=b`): its first value. */
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ error?: string | string[]; next?: string | string[] }> }) {
  const params = await searchParams;
  const [error, next] = [first(params.error), first(params.next)];
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
