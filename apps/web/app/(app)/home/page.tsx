import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SignedInApp } from "../../../components/signed-in-app";
import { askToSeed, type CacheSeed, cacheSeed, currentVisitor, type SeedAnswer } from "../../../lib/cache-seed";
import { HomeDocument, OnMyServicesShelfDocument } from "../../../lib/generated/graphql";
import { hasServices } from "../../../lib/services";
import { currentUser } from "../../../lib/session";
import { HomePreview, type HomePreviewData, PREVIEW_CARDS } from "./home-preview";
import { HomeView } from "./lazy-view";
import { HOME_PAGE_SIZE, MAX_SHELF } from "./shelves";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("home");
  return { title: t("metadata.title") };
}

/**
 * Home's answers, asked by the server with the visitor's own session: the same queries and variables
 * as the view's first (home-view.tsx; the services shelf when Settings names services), so they seed
 * the browser's cache (lib/cache-seed.ts) and the view renders them without asking again; the first
 * row is the stand-in (home-preview.tsx). Nothing for a visitor, someone not onboarded yet (the view
 * sends them to onboarding) or when the API is away (the view asks, and says so itself).
 */
async function firstAnswer(): Promise<{ preview?: HomePreviewData; seed?: CacheSeed } | undefined> {
  if (!(await currentUser())) return undefined;
  const visitor = await currentVisitor();
  try {
    const home = await askToSeed(visitor, HomeDocument, { first: HOME_PAGE_SIZE, filter: null });
    const { preferences, recommendations } = home.data;
    if (!preferences.onboarded) return undefined;
    const answers: SeedAnswer[] = [home.answer];
    if (hasServices(preferences)) answers.push((await askToSeed(visitor, OnMyServicesShelfDocument, { first: MAX_SHELF })).answer);
    const items = recommendations.edges
      .filter((edge) => !edge.node.media.isDismissed)
      .slice(0, PREVIEW_CARDS)
      .map(({ node: { media, reasons } }) => ({
        id: media.id,
        type: media.type,
        tmdbId: media.tmdbId,
        title: media.title,
        year: media.year,
        posterUrl: media.posterUrl,
        voteAverage: media.voteAverage,
        reason: reasons[0]?.text ?? null,
      }));
    return {
      preview: items.length > 0 ? { items, servicesToggle: hasServices(preferences), coldStart: recommendations.coldStart } : undefined,
      seed: cacheSeed(answers),
    };
  } catch {
    return undefined;
  }
}

export default async function Page() {
  const answer = await firstAnswer();
  const preview = answer?.preview;
  return (
    <SignedInApp view="home" fallback={preview && <HomePreview preview={preview} />} seed={answer?.seed}>
      <HomeView preview={preview} />
    </SignedInApp>
  );
}
