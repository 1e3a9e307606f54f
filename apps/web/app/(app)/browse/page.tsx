import type { Metadata } from "next";
import { SignedInApp } from "../../../components/signed-in-app";
import { Suspense } from "react";
import { BrowseView } from "./browse-view";

export const metadata: Metadata = { title: "Browse" };

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
