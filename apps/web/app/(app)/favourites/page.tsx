import type { Metadata } from "next";
import { FavouritesView } from "./favourites-view";

export const metadata: Metadata = { title: "Favourites" };

export default function Page() {
  return <FavouritesView />;
}
