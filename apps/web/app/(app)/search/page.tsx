import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SignedInApp } from "../../../components/signed-in-app";
import { Suspense } from "react";
import { SearchView } from "./lazy-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("search");
  return { title: t("metadata.title") };
}

export default function Page() {
  // The query comes from the address (useSearchParams), read in the browser.
  return (
    <SignedInApp>
      <Suspense>
        <SearchView />
      </Suspense>
    </SignedInApp>
  );
}
