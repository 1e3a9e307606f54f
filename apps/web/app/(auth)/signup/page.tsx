import { print } from "graphql";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignUpDocument } from "../../../lib/generated/graphql";
import { currentUser } from "../../../lib/session";
import { SignUpForm } from "./sign-up-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.signUp");
  return { title: t("title") };
}

export default async function SignUpPage() {
  if (await currentUser()) redirect("/home");
  const t = await getTranslations("auth.signUp");
  return (
    <main id="main" className="page narrow">
      <h1>{t("heading")}</h1>
      <SignUpForm signUpQuery={print(SignUpDocument)} />
    </main>
  );
}
