import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SignedInApp } from "../../../components/signed-in-app";
import { seedOf } from "../../../lib/cache-seed";
import { WatchlistDocument } from "../../../lib/generated/graphql";
import { WATCHLIST_VARIABLES } from "./first-query";
import { WatchlistView } from "./lazy-view";
import { WatchlistLoading } from "./watchlist-loading";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("lists.watchlist");
  return { title: t("metadata.title") };
}

export default async function Page() {
  // The view's first page, asked as the visitor to seed the browser's cache (lib/cache-seed.ts).
  const seed = await seedOf((ask) => [ask(WatchlistDocument, WATCHLIST_VARIABLES)]);
  return (
    <SignedInApp view="watchlist" fallback={<WatchlistLoading />} seed={seed}>
      <WatchlistView />
    </SignedInApp>
  );
}
