"use client";
import { useQuery } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { MediaGrid } from "../../../components/media-grid";
import { Loading } from "../../../components/skeletons";
import { EmptyState, ErrorState } from "../../../components/states";
import { type MediaType, SEARCH_QUERY } from "../../../lib/graphql";
import { useUrlParams } from "../../../lib/url-state";

export function SearchView() {
  const t = useTranslations("search");
  // The query lives in the address (?q=…&type=…): a reload keeps it, a link shares it, Back returns.
  const [params, setParams] = useUrlParams();
  const query = (params.get("q") ?? "").trim().slice(0, 100);
  const kind = params.get("type");
  const type: MediaType | null = kind === "MOVIE" || kind === "TV" ? kind : null;
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
      {/* biome-ignore lint/a11y/useSemanticElements: a form with role="search" is the landmark every browser and screen reader knows; <search> is too new */}
      <form role="search" className="search-form" onSubmit={onSubmit} key={`${query}|${type ?? ""}`}>
        <label className="field grow">
          <span>{t("form.title")}</span>
          <input name="query" type="search" autoComplete="off" required maxLength={100} defaultValue={query} />
        </label>
        <label className="field">
          <span>{t("form.type")}</span>
          <select name="type" defaultValue={type ?? ""}>
            <option value="">{t("form.anyType")}</option>
            <option value="MOVIE">{t("form.films")}</option>
            <option value="TV">{t("form.series")}</option>
          </select>
        </label>
        <button type="submit" className="button button-primary">
          {t("form.submit")}
        </button>
      </form>
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
