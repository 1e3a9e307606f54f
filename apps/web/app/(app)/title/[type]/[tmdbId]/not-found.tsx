import { useTranslations } from "next-intl";
import Link from "next/link";

/** An unknown title (page.tsx calls notFound() when the API answers NOT_FOUND): what happened, and where to go instead. */
export default function TitleNotFound() {
  const t = useTranslations("title.notFound");
  return (
    <>
      <h1>{t("heading")}</h1>
      <div className="notice">
        <p>{t("body")}</p>
        <p>
          <Link className="button button-primary" href="/search">
            {t("search")}
          </Link>{" "}
          <Link className="button" href="/browse">
            {t("browse")}
          </Link>
        </p>
      </div>
    </>
  );
}
