import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SignedInApp } from "../../../components/signed-in-app";
import { ClientMessages, SETTINGS_MESSAGES } from "../../../i18n/client-messages";
import { SettingsView } from "./lazy-view";
import { SettingsLoading } from "./settings-loading";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings.metadata");
  return { title: t("title") };
}

export default function Page() {
  return (
    <ClientMessages namespaces={SETTINGS_MESSAGES}>
      <SignedInApp view="settings" fallback={<SettingsLoading />}>
        <SettingsView />
      </SignedInApp>
    </ClientMessages>
  );
}
