import { useTranslations } from "next-intl";
import { IntentLink } from "../../../../../components/intent-link";

/** An unknown title (page.tsx calls notFound() when the API answers NOT_FOUND): what happened, and where to go instead. */
export default function TitleNotFound() {
  const t = useTranslations("title.notFound");
  return (
    <>
      <h1>{t("heading")}</h1>
      <div className="notice">
        <p>{t("body")}</p>
        <p>
          <IntentLink className="button button-primary" href="/search">
            {t("search")}
          </IntentLink>{" "}
          <IntentLink className="button" href="/browse">
            {t("browse")}
          </IntentLink>
        </p>
      </div>
    </>
  );
}
