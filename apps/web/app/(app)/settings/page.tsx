import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SignedInApp } from "../../../components/signed-in-app";
import { SettingsView } from "./settings-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings.metadata");
  return { title: t("title") };
}

export default function Page() {
  return (
    <SignedInApp>
      <SettingsView />
    </SignedInApp>
  );
}
