// A signed-in page while its view loads: the page's heading, anything that belongs above its
// content, and a status with skeleton cards. The page's server-rendered stand-in (SignedInApp's
// `fallback`), matching the view's own loading state, so the heading is in the document's first
// paint and stays put when the view takes over; without it the gate's heading-less skeleton showed
// until Apollo Client's and the view's code had arrived. Renders on the server and in the browser.
import type { ReactNode } from "react";
import { Loading } from "./skeletons";

export function PageLoading({ heading, label, count, children }: { heading: string; label: string; count?: number; children?: ReactNode }) {
  return (
    <>
      <h1>{heading}</h1>
      {children}
      <Loading label={label} count={count} />
    </>
  );
}
