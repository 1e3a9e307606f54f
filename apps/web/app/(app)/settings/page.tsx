import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SignedInApp } from "../../../components/signed-in-app";
import { ClientMessages, SETTINGS_MESSAGES } from "../../../i18n/client-messages";
import { seedOf } from "../../../lib/cache-seed";
import {
  AccountDocument,
  ApiTokensDocument,
  DismissedDocument,
  GenresDocument,
  ImportsDocument,
  OAuthAppsDocument,
  PreferencesDocument,
} from "../../../lib/generated/graphql";
import { NOT_INTERESTED_VARIABLES } from "./first-queries";
import { SettingsView } from "./lazy-view";
import { SettingsLoading } from "./settings-loading";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings.metadata");
  return { title: t("title") };
}

/**
 * What Settings' panels ask as they mount, asked by the server with the visitor's own session, to
 * seed the browser's cache (lib/cache-seed.ts): preferences and genres (the first panel, which the
 * page waits for), not interested, imports, third-party apps, API tokens and the account's panels.
 * Not the services panel's regions and providers (every provider of every region: larger than the
 * rest together, and they change only with TMDB's lists). Nothing when the API is away (the panels
 * ask, and say so themselves).
 */
const firstAnswers = () =>
  seedOf((ask) => [
    ask(PreferencesDocument, {}),
    ask(GenresDocument, {}),
    ask(DismissedDocument, NOT_INTERESTED_VARIABLES),
    ask(ImportsDocument, {}),
    ask(OAuthAppsDocument, {}),
    ask(ApiTokensDocument, {}),
    ask(AccountDocument, {}),
  ]);

export default async function Page() {
  const seed = await firstAnswers();
  return (
    <ClientMessages namespaces={SETTINGS_MESSAGES}>
      <SignedInApp view="settings" fallback={<SettingsLoading />} seed={seed}>
        <SettingsView />
      </SignedInApp>
    </ClientMessages>
  );
}
