import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SignedInApp } from "../../../components/signed-in-app";
import { WatchlistView } from "./lazy-view";
import { WatchlistLoading } from "./watchlist-loading";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("lists.watchlist");
  return { title: t("metadata.title") };
}

export default function Page() {
  return (
    <SignedInApp view="watchlist" fallback={<WatchlistLoading />}>
      <WatchlistView />
    </SignedInApp>
  );
}
