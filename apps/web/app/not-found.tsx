import { useTranslations } from "next-intl";
import { IntentLink } from "../components/intent-link";

export default function NotFound() {
  const t = useTranslations("shell.notFound");
  return (
    <main id="main" className="page">
      <h1>{t("heading")}</h1>
      <p>{t.rich("body", { start: (text) => <IntentLink href="/">{text}</IntentLink> })}</p>
    </main>
  );
}
