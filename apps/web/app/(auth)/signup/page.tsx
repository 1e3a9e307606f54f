import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "../../../lib/session";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Sign up" };

export default async function SignUpPage() {
  if (await currentUser()) redirect("/home");
  return (
    <main id="main" className="page narrow">
      <h1>Create your account</h1>
      <SignUpForm />
    </main>
  );
}
