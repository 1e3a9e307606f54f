import type { Metadata } from "next";
import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { SignedInApp } from "../../../components/signed-in-app";
import { BrowsePreviewDocument } from "../../../lib/generated/graphql";
import { mergeGenres } from "../../../lib/genres";
import { serverGraphql } from "../../../lib/server-graphql";
import { hasServices } from "../../../lib/services";
import { currentUser } from "../../../lib/session";
import { type BrowseFilters, browseArguments, filtersOf, yearsBackwards } from "./browse-filters";
import { BrowsePreview, type BrowseStandIn, STAND_IN_CARDS } from "./browse-preview";
import { BrowseView } from "./lazy-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("browse");
  return { title: t("metadata.title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The first cards of the address's filters, asked by the server with the visitor's own session
 * (browse-preview.tsx); nothing for filters with nothing to ask ("from 2010 to 1990"), no titles,
 * or the API away (the view says so itself).
 */
async function firstCards(filters: BrowseFilters): Promise<BrowseStandIn | undefined> {
  if (yearsBackwards(filters) || !(await currentUser())) return undefined;
  const headerStore = await headers();
  const asked = browseArguments(filters);
  try {
    const data = await serverGraphql({
      document: BrowsePreviewDocument,
      variables: { ...asked, first: STAND_IN_CARDS },
      cookie: headerStore.get("cookie") ?? undefined,
      forwardedFor: headerStore.get("x-forwarded-for") ?? undefined,
      locale: await getLocale(),
    });
    const items = data.browse.edges.map((edge) => edge.node);
    if (items.length === 0) return undefined;
    return { asked: JSON.stringify(asked), items, genres: mergeGenres(data.movieGenres, data.tvGenres), servicesToggle: hasServices(data.preferences) };
  } catch {
    return undefined;
  }
}

export default async function Page({ searchParams }: { searchParams: SearchParams }) {
  const address = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams)) for (const one of [value ?? []].flat()) address.append(key, one);
  const filters = filtersOf(address);
  const standIn = await firstCards(filters);
  // The view reads the filters from the address itself (useSearchParams), and changes them there.
  return (
    <SignedInApp view="browse" fallback={standIn && <BrowsePreview standIn={standIn} filters={filters} />}>
      <Suspense fallback={standIn && <BrowsePreview standIn={standIn} filters={filters} />}>
        <BrowseView standIn={standIn} />
      </Suspense>
    </SignedInApp>
  );
}
