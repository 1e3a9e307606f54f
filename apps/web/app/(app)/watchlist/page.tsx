import type { Metadata } from "next";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { PageLoading } from "../../../components/page-loading";
import { SignedInApp } from "../../../components/signed-in-app";
import { WatchlistView } from "./lazy-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("lists.watchlist");
  return { title: t("metadata.title") };
}

/** The page's heading and loading status, as the view shows them until its first answer. */
function WatchlistLoading() {
  const t = useTranslations("lists.watchlist");
  return <PageLoading heading={t("heading")} label={t("loading")} />;
}

export default function Page() {
  return (
    <SignedInApp view="watchlist" fallback={<WatchlistLoading />}>
      <WatchlistView />
    </SignedInApp>
  );
}
