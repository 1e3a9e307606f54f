import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SignedInApp } from "../../../components/signed-in-app";
import { HomeView } from "./home-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("home");
  return { title: t("metadata.title") };
}

export default function Page() {
  return (
    <SignedInApp>
      <HomeView />
    </SignedInApp>
  );
}
