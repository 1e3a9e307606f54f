"use client";
import { useQuery } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { MediaGrid } from "../../../components/media-grid";
import { Loading } from "../../../components/skeletons";
import { EmptyState, ErrorState } from "../../../components/states";
import { SEARCH_QUERY } from "../../../lib/graphql";
import { useUrlParams } from "../../../lib/url-state";
import { SearchForm } from "./search-form";
import { searchFromParams } from "./search-params";

export function SearchView() {
  const t = useTranslations("search");
  // The query lives in the address (?q=…&type=…): a reload keeps it, a link shares it, Back returns.
  const [params, setParams] = useUrlParams();
  const { query, type } = searchFromParams((name) => params.get(name));
  const { data, error, loading, refetch, fetchMore } = useQuery(SEARCH_QUERY, {
    variables: { query, type, first: 24 },
    skip: query === "",
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const asked = form.get("type");
    setParams(
      {
        q: String(form.get("query") ?? "")
          .trim()
          .slice(0, 100),
        type: asked === "MOVIE" || asked === "TV" ? asked : null,
      },
      { push: true },
    );
  }

  const items = data?.searchMedia.edges.map((edge) => edge.node) ?? [];
  return (
    <>
      <h1>{t("heading")}</h1>
      <SearchForm key={`${query}|${type ?? ""}`} query={query} type={type} onSubmit={onSubmit} />
      {query === "" && <p className="muted">{t("hint")}</p>}
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {query !== "" && !data && loading && <Loading label={t("searching")} count={4} />}
      {data && items.length === 0 && <EmptyState title={t("empty.title", { query })}>{t("empty.body")}</EmptyState>}
      {items.length > 0 && (
        <MediaGrid
          items={items}
          label={t("results")}
          pageInfo={data?.searchMedia.pageInfo}
          onMore={() => fetchMore({ variables: { after: data?.searchMedia.pageInfo.endCursor } })}
        />
      )}
    </>
  );
}
