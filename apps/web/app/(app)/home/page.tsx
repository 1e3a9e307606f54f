import type { Metadata } from "next";
import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { SignedInApp } from "../../../components/signed-in-app";
import { HomePreviewDocument } from "../../../lib/generated/graphql";
import { serverGraphql } from "../../../lib/server-graphql";
import { hasServices } from "../../../lib/services";
import { currentUser } from "../../../lib/session";
import { HomePreview, type HomePreviewData, PREVIEW_CARDS } from "./home-preview";
import { HomeView } from "./lazy-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("home");
  return { title: t("metadata.title") };
}

/**
 * The first row of top picks, asked by the server with the visitor's own session (home-preview.tsx);
 * nothing for a visitor, someone not onboarded yet (the view sends them to onboarding) or when the
 * API is away (the view says so itself).
 */
async function firstRow(): Promise<HomePreviewData | undefined> {
  if (!(await currentUser())) return undefined;
  const headerStore = await headers();
  try {
    const { preferences, recommendations } = await serverGraphql({
      document: HomePreviewDocument,
      variables: { first: PREVIEW_CARDS },
      cookie: headerStore.get("cookie") ?? undefined,
      forwardedFor: headerStore.get("x-forwarded-for") ?? undefined,
      locale: await getLocale(),
    });
    if (!preferences.onboarded) return undefined;
    const items = recommendations.edges
      .filter((edge) => !edge.node.media.isDismissed)
      .map(({ node }) => ({ ...node.media, reason: node.reasons[0]?.text ?? null }));
    return items.length > 0 ? { items, servicesToggle: hasServices(preferences), coldStart: recommendations.coldStart } : undefined;
  } catch {
    return undefined;
  }
}

export default async function Page() {
  const preview = await firstRow();
  return (
    <SignedInApp view="home" fallback={preview && <HomePreview preview={preview} />}>
      <HomeView preview={preview} />
    </SignedInApp>
  );
}
