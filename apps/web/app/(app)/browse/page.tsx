import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { SignedInApp } from "../../../components/signed-in-app";
import { askToSeed, type CacheSeed, cacheSeed, currentVisitor } from "../../../lib/cache-seed";
import { BrowseDocument, GenresDocument, PreferencesDocument } from "../../../lib/generated/graphql";
import { genresByType } from "../../../lib/genres";
import { hasServices } from "../../../lib/services";
import { currentUser } from "../../../lib/session";
import { BROWSE_PAGE, type BrowseFilters, browseArguments, filtersOf, yearsBackwards } from "./browse-filters";
import { BrowsePreview, type BrowseStandIn, STAND_IN_CARDS } from "./browse-preview";
import { BrowseView } from "./lazy-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("browse");
  return { title: t("metadata.title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * Browse's first answers, asked by the server with the visitor's own session: the view's own first
 * queries (the genres, the preferences, the first page for the address's filters), which seed the
 * browser's cache (lib/cache-seed.ts), so the view renders them without asking again; the first
 * cards are the stand-in (browse-preview.tsx). No cards for filters with nothing to ask ("from 2010
 * to 1990") or no titles; nothing when the API is away (the view asks, and says so itself).
 */
async function firstAnswers(filters: BrowseFilters): Promise<{ standIn?: BrowseStandIn; seed?: CacheSeed } | undefined> {
  if (!(await currentUser())) return undefined;
  const visitor = await currentVisitor();
  const asked = browseArguments(filters);
  try {
    const [genres, preferences, page] = await Promise.all([
      askToSeed(visitor, GenresDocument, {}),
      askToSeed(visitor, PreferencesDocument, {}),
      yearsBackwards(filters) ? undefined : askToSeed(visitor, BrowseDocument, { ...asked, first: BROWSE_PAGE }),
    ]);
    const items = (page?.data.browse.edges ?? []).slice(0, STAND_IN_CARDS).map(({ node }) => ({
      id: node.id,
      type: node.type,
      tmdbId: node.tmdbId,
      title: node.title,
      year: node.year,
      posterUrl: node.posterUrl,
      voteAverage: node.voteAverage,
      myRating: node.myRating,
      isFavourite: node.isFavourite,
      inWatchlist: node.inWatchlist,
    }));
    const standIn =
      items.length > 0
        ? {
            asked: JSON.stringify(asked),
            items,
            genres: genresByType(genres.data.movieGenres, genres.data.tvGenres),
            servicesToggle: hasServices(preferences.data.preferences),
          }
        : undefined;
    return { standIn, seed: cacheSeed([genres.answer, preferences.answer, ...(page ? [page.answer] : [])]) };
  } catch {
    return undefined;
  }
}

export default async function Page({ searchParams }: { searchParams: SearchParams }) {
  const address = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams)) for (const one of [value ?? []].flat()) address.append(key, one);
  const filters = filtersOf(address);
  const answers = await firstAnswers(filters);
  const standIn = answers?.standIn;
  // The view reads the filters from the address itself (useSearchParams), and changes them there.
  return (
    <SignedInApp view="browse" fallback={standIn && <BrowsePreview standIn={standIn} filters={filters} />} seed={answers?.seed}>
      <Suspense fallback={standIn && <BrowsePreview standIn={standIn} filters={filters} />}>
        <BrowseView standIn={standIn} />
      </Suspense>
    </SignedInApp>
  );
}
