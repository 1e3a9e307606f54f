import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { SignedInApp } from "../../../../../components/signed-in-app";
import { askToSeed, type CacheSeed, cacheSeed, currentVisitor, seedWithin } from "../../../../../lib/cache-seed";
import { MediaDetailsDocument, type MediaType, TitleMetadataDocument } from "../../../../../lib/generated/graphql";
import { languageName } from "../../../../../lib/language-name";
import { currentUser } from "../../../../../lib/session";
import { ApiError, serverGraphql } from "../../../../../lib/server-graphql";
import { type TitlePreview, TitleHeroPreview } from "./title-hero-preview";
import { TitleView } from "./lazy-view";

type Params = Promise<{ type: string; tmdbId: string }>;

/**
 * The title's name in the interface's language, asked once per request (the metadata and the page
 * share it), as the visitor: with their session, a title the API has not stored yet counts against
 * their own budget, not the one of the web server's address (docs/security.md).
 */
const titleMetadata = cache(async (type: MediaType, tmdbId: number) =>
  serverGraphql({ document: TitleMetadataDocument, variables: { type, tmdbId }, ...(await currentVisitor()) }),
);

/**
 * How long the document waits for the view's own answer (the title's details as the visitor sees
 * them): the API may first ask TMDB for what it has not stored yet. Past it the page goes without a
 * seed and the view asks the API itself.
 */
const DETAILS_BUDGET_MS = 400;

/**
 * The view's first query (title-view.tsx), asked by the server with the visitor's own session and
 * normalised for the browser's cache (lib/cache-seed.ts), so the view renders the whole page without
 * asking again; undefined for a visitor, past the budget, for an unknown title or with the API away.
 */
async function detailsSeed(type: MediaType, tmdbId: number): Promise<CacheSeed | undefined> {
  if (!(await currentUser())) return undefined; // a visitor is sent to sign in
  const details = await seedWithin(askToSeed(await currentVisitor(), MediaDetailsDocument, { type, tmdbId }), DETAILS_BUDGET_MS);
  return details && cacheSeed([details.answer]);
}

function parseParams({ type, tmdbId }: { type: string; tmdbId: string }) {
  const id = Number(tmdbId);
  if ((type !== "movie" && type !== "tv") || !Number.isInteger(id) || id <= 0) return null;
  return { type: type === "movie" ? ("MOVIE" as const) : ("TV" as const), tmdbId: id };
}

/** A description for search results and link previews: the overview's first sentences, at most ~160 characters. */
function describe(overview: string | null | undefined): string | undefined {
  const text = overview?.replace(/\s+/g, " ").trim();
  if (!text) return undefined;
  if (text.length <= 160) return text;
  const cut = text.slice(0, 159);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), 120))}…`;
}

/**
 * The tab's title is the film's or series' own ("Heat · movierec") and the description its
 * overview. Set here rather than only by the client once the title loads: Next applies a page's
 * metadata when a navigation settles, which would otherwise overwrite a title set earlier from
 * Apollo's cache. Both land in the document's <head> (search-title.spec checks both), where
 * crawlers and link previews read them.
 */
export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const ref = parseParams(await params);
  if (!ref) return {};
  try {
    const { media } = await titleMetadata(ref.type, ref.tmdbId);
    const description = describe(media.overview);
    // Without an overview the key is left out, so the site's description stays: Next.js reads a
    // description given as undefined as "none" and the page would have no description at all.
    return description ? { title: media.title, description } : { title: media.title };
  } catch {
    return {}; // unknown title or API away: the page says so itself; the tab keeps "movierec"
  }
}

/**
 * A title TMDB does not have is the "Title not found" page (not-found.tsx) with HTTP status 404,
 * decided here before the browser-side view (SignedInApp) is rendered: nothing inside that renders on
 * the server, so once it is reached the document's status is settled. With the API away the page
 * still renders, and the client view says so and retries. The hero the server knows (title-hero-preview.tsx)
 * is in the document while the view starts.
 */
export default async function TitlePage({ params }: { params: Params }) {
  const ref = parseParams(await params);
  if (!ref) notFound();
  // Asked alongside the hero's, which decides the page's status.
  const seed = detailsSeed(ref.type, ref.tmdbId);
  let preview: TitlePreview | undefined;
  try {
    const { originalLanguage, ...media } = (await titleMetadata(ref.type, ref.tmdbId)).media;
    // Named here: the browser's first Intl.DisplayNames loads its locale data in one long task
    // (100–125 ms at Lighthouse's 4× CPU, the title page's longest; bench/README.md).
    const name = languageName(originalLanguage, await getLocale(), await getTranslations("common.languageName"));
    preview = { ...media, language: { code: originalLanguage ?? null, name } };
  } catch (error) {
    if (error instanceof ApiError && error.code === "NOT_FOUND") notFound();
  }
  // The hero as the server knows it is in the document itself, while the view starts and loads.
  return (
    <SignedInApp view="title" fallback={preview && <TitleHeroPreview preview={preview} />} seed={await seed}>
      <TitleView type={ref.type} tmdbId={ref.tmdbId} preview={preview} />
    </SignedInApp>
  );
}
