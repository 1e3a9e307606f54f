import type { Metadata } from "next";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { PageLoading } from "../../../components/page-loading";
import { SignedInApp } from "../../../components/signed-in-app";
import type { MediaType } from "../../../lib/graphql";
import { SearchView } from "./lazy-view";
import { SearchForm } from "./search-form";
import { searchFromParams } from "./search-params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("search");
  return { title: t("metadata.title") };
}

/** The heading, the address's query in the form (disabled until the view's code runs) and the view's first state below it. */
function SearchLoading({ query, type }: { query: string; type: MediaType | null }) {
  const t = useTranslations("search");
  const form = <SearchForm query={query} type={type} />;
  if (query !== "")
    return (
      <PageLoading heading={t("heading")} label={t("searching")} count={4}>
        {form}
      </PageLoading>
    );
  return (
    <>
      <h1>{t("heading")}</h1>
      {form}
      <p className="muted">{t("hint")}</p>
    </>
  );
}

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const first = (name: string) => [params[name] ?? []].flat()[0] ?? null;
  const standIn = <SearchLoading {...searchFromParams(first)} />;
  // The view reads the query from the address (useSearchParams) in the browser.
  return (
    <SignedInApp view="search" fallback={standIn}>
      <Suspense fallback={standIn}>
        <SearchView />
      </Suspense>
    </SignedInApp>
  );
}
