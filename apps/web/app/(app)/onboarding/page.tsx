import type { Metadata } from "next";
import { SignedInApp } from "../../../components/signed-in-app";
import { OnboardingView } from "./onboarding-view";

export const metadata: Metadata = { title: "Welcome" };

export default function Page() {
  return (
    <SignedInApp>
      <OnboardingView />
    </SignedInApp>
  );
}
