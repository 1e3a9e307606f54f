// Settings while its panels load: the heading and a status line, a screen tall so the footer stays out
// of view. The page's server-rendered stand-in (page.tsx gives it to the gate) and the view's own
// loading state (settings-view.tsx), so the heading — the page's largest text until the panels come —
// is in the document's first paint (Lighthouse's LCP) and stays put when the view takes over.
// Renders on the server and in the browser.
import { useTranslations } from "next-intl";

export function SettingsLoading() {
  const t = useTranslations("settings");
  return (
    <div className="stack-lg settings-loading">
      <h1>{t("heading")}</h1>
      <p role="status">{t("loading")}</p>
    </div>
  );
}
