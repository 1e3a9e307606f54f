import type { Metadata } from "next";
import { SignedInApp } from "../../../components/signed-in-app";
import { WatchlistView } from "./watchlist-view";

export const metadata: Metadata = { title: "Watchlist" };

export default function Page() {
  return (
    <SignedInApp>
      <WatchlistView />
    </SignedInApp>
  );
}
