import type { Metadata } from "next";
import { OnboardingView } from "./onboarding-view";

export const metadata: Metadata = { title: "Welcome" };

export default function Page() {
  return <OnboardingView />;
}
