import type { Metadata } from "next";
import { SignedInApp } from "../../../components/signed-in-app";
import { HomeView } from "./home-view";

export const metadata: Metadata = { title: "Home" };

export default function Page() {
  return (
    <SignedInApp>
      <HomeView />
    </SignedInApp>
  );
}
