import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SignedInApp } from "../../../components/signed-in-app";
import { seedOf } from "../../../lib/cache-seed";
import { FavouritesDocument } from "../../../lib/generated/graphql";
import { FAVOURITES_VARIABLES } from "./first-query";
import { FavouritesView } from "./lazy-view";
import { FavouritesLoading } from "./favourites-loading";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("lists.favourites");
  return { title: t("metadata.title") };
}

export default async function Page() {
  // The view's first page, asked as the visitor to seed the browser's cache (lib/cache-seed.ts).
  const seed = await seedOf((ask) => [ask(FavouritesDocument, FAVOURITES_VARIABLES)]);
  return (
    <SignedInApp view="favourites" fallback={<FavouritesLoading />} seed={seed}>
      <FavouritesView />
    </SignedInApp>
  );
}
