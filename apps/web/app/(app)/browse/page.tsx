import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SignedInApp } from "../../../components/signed-in-app";
import { Suspense } from "react";
import { BrowseView } from "./browse-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("browse");
  return { title: t("metadata.title") };
}

export default function Page() {
  // The filters come from the address (useSearchParams), read in the browser.
  return (
    <SignedInApp>
      <Suspense>
        <BrowseView />
      </Suspense>
    </SignedInApp>
  );
}
