import type { Metadata } from "next";
import { SignedInApp } from "../../../components/signed-in-app";
import { Suspense } from "react";
import { SearchView } from "./search-view";

export const metadata: Metadata = { title: "Search" };

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
