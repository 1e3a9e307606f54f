import type { Metadata } from "next";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { SignedInApp } from "../../../components/signed-in-app";
import { Loading } from "../../../components/skeletons";
import { OnboardingView } from "./lazy-view";
import { OnboardingIntro } from "./onboarding-intro";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("onboarding");
  return { title: t("metadata.title") };
}

/** The heading and what onboarding asks, then a status until the view and its poster wall arrive. */
function OnboardingLoading() {
  const t = useTranslations("common");
  return (
    <div className="stack-lg onboarding">
      <OnboardingIntro />
      <Loading label={t("loading")} />
    </div>
  );
}

export default function Page() {
  return (
    <SignedInApp view="onboarding" fallback={<OnboardingLoading />}>
      <OnboardingView />
    </SignedInApp>
  );
}
