import type { Metadata } from "next";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { PageLoading } from "../../../components/page-loading";
import { SignedInApp } from "../../../components/signed-in-app";
import { FavouritesView } from "./lazy-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("lists.favourites");
  return { title: t("metadata.title") };
}

/** The page's heading and loading status, as the view shows them until its first answer. */
function FavouritesLoading() {
  const t = useTranslations("lists.favourites");
  return <PageLoading heading={t("heading")} label={t("loading")} />;
}

export default function Page() {
  return (
    <SignedInApp view="favourites" fallback={<FavouritesLoading />}>
      <FavouritesView />
    </SignedInApp>
  );
}
