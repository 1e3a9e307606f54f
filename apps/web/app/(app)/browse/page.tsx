import type { Metadata } from "next";
import { Suspense } from "react";
import { BrowseView } from "./browse-view";

export const metadata: Metadata = { title: "Browse" };

export default function Page() {
  // The filters come from the address (useSearchParams), read in the browser.
  return (
    <Suspense>
      <BrowseView />
    </Suspense>
  );
}
