import type { Metadata } from "next";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { SignedInApp } from "../../../components/signed-in-app";
import { seedOf } from "../../../lib/cache-seed";
import { GenresDocument, OnboardingWallDocument } from "../../../lib/generated/graphql";
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

export default async function Page() {
  // The poster wall and the genres, asked as the visitor to seed the browser's cache (lib/cache-seed.ts).
  const seed = await seedOf((ask) => [ask(OnboardingWallDocument, {}), ask(GenresDocument, {})]);
  return (
    <SignedInApp view="onboarding" fallback={<OnboardingLoading />} seed={seed}>
      <OnboardingView />
    </SignedInApp>
  );
}
