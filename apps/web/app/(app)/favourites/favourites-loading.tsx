// The page's stand-in (in the document the server sends) and the view's while its first answer
// loads, the same component, so the view can keep the stand-in's elements (components/stand-in.tsx).
// Renders on the server and in the browser.
import { useTranslations } from "next-intl";
import { PageLoading } from "../../../components/page-loading";

/** The page's heading and loading status, until the view's first answer. */
export function FavouritesLoading() {
  const t = useTranslations("lists.favourites");
  return <PageLoading heading={t("heading")} label={t("loading")} />;
}
