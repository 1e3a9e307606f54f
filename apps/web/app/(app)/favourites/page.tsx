import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SignedInApp } from "../../../components/signed-in-app";
import { FavouritesView } from "./lazy-view";
import { FavouritesLoading } from "./favourites-loading";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("lists.favourites");
  return { title: t("metadata.title") };
}

export default function Page() {
  return (
    <SignedInApp view="favourites" fallback={<FavouritesLoading />}>
      <FavouritesView />
    </SignedInApp>
  );
}
