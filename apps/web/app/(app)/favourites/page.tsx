import type { Metadata } from "next";
import { SignedInApp } from "../../../components/signed-in-app";
import { FavouritesView } from "./favourites-view";

export const metadata: Metadata = { title: "Favourites" };

export default function Page() {
  return (
    <SignedInApp>
      <FavouritesView />
    </SignedInApp>
  );
}
