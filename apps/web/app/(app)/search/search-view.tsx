"use client";
import { useQuery } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
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
  // The form is made anew only when the address changes by itself (Back, a link), so its boxes show
  // that search; a search the form sent itself keeps it, and the focus stays where it was.
  const address = `${query}|${type ?? ""}`;
  const [sent, setSent] = useState<string | null>(null);
  const [form, setForm] = useState({ address, key: 0 });
  if (form.address !== address) {
    const fromForm = address === sent;
    setForm({ address, key: fromForm ? form.key : form.key + 1 });
    // Taken: Back and then Forward to this search come from the address again.
    if (fromForm) setSent(null);
  }
  const { data, error, loading, refetch, fetchMore } = useQuery(SEARCH_QUERY, {
    variables: { query, type, first: 24 },
    skip: query === "",
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields = new FormData(event.currentTarget);
    const asked = fields.get("type");
    const q = String(fields.get("query") ?? "")
      .trim()
      .slice(0, 100);
    const kind = asked === "MOVIE" || asked === "TV" ? asked : null;
    setSent(`${q}|${kind ?? ""}`);
    setParams({ q, type: kind }, { push: true });
  }

  const items = data?.searchMedia.edges.map((edge) => edge.node) ?? [];
  return (
    <>
      <h1>{t("heading")}</h1>
      <SearchForm key={form.key} query={query} type={type} onSubmit={onSubmit} />
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
      {/* What the search found, said to a screen reader (the focus stays in the form); last, so it
          takes no place in the layout the server's stand-in holds. */}
      <p className="visually-hidden" role="status">
        {data && query !== "" ? (items.length > 0 ? t("found", { query }) : t("foundNone", { query })) : ""}
      </p>
    </>
  );
}
