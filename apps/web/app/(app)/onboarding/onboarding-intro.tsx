// Onboarding's heading and what it asks for: the top of the view (onboarding-view.tsx) and of the
// page's server stand-in (page.tsx), so it is in the document's first paint and stays put when the
// view takes over. Renders on the server and in the browser.
import { useTranslations } from "next-intl";

/** Three loved titles make a useful home (the genres, languages and eras are optional). */
export const MIN_LOVED = 3;

export function OnboardingIntro() {
  const t = useTranslations("onboarding");
  return (
    <div>
      <h1>{t("heading")}</h1>
      <p className="lead">{t("lead", { min: MIN_LOVED })}</p>
    </div>
  );
}
