"use client";
import { useQuery } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import { useDeferredValue, useEffect, useState } from "react";
import { MediaGrid } from "../../../components/media-grid";
import { Loading } from "../../../components/skeletons";
import { EmptyState, ErrorState } from "../../../components/states";
import { FirstReads } from "../../../components/first-reads";
import { BROWSE_QUERY, GENRES_QUERY, PREFERENCES_QUERY } from "../../../lib/graphql";
import { hasServices } from "../../../lib/services";
import { useUrlParams } from "../../../lib/url-state";
import { useGenres } from "../../../lib/use-genres";
import { BrowseControls } from "./browse-controls";
import { BROWSE_PAGE, browseArguments, filtersOf, toYear, yearsBackwards } from "./browse-filters";
import { type BrowseStandIn, BrowseStandInCards } from "./browse-preview";

/**
 * Browse: filters kept in the address (browse-filters.ts) and an infinitely scrolling grid. The
 * server's first cards for the address's filters (`standIn`, page.tsx) stay until this view's own
 * first page answers, and the genres and services the server knew fill the form until the view's own.
 */
export function BrowseView({ standIn }: { standIn?: BrowseStandIn }) {
  // The server's answers, read from the cache in tasks of their own before the page renders them.
  const [params] = useUrlParams();
  const filters = filtersOf(params);
  return (
    <FirstReads
      reads={[
        { query: GENRES_QUERY },
        { query: PREFERENCES_QUERY },
        ...(yearsBackwards(filters)
          ? []
          : [{ query: BROWSE_QUERY, variables: { ...browseArguments(filters), first: BROWSE_PAGE }, entitiesAt: ["browse", "edges", "node"] }]),
      ]}
    >
      <Browse standIn={standIn} />
    </FirstReads>
  );
}

const NO_GENRES = { MOVIE: [], TV: [] };

function Browse({ standIn }: { standIn?: BrowseStandIn }) {
  const t = useTranslations("browse");
  const genres = useGenres();
  const [params, setParams] = useUrlParams();
  const filters = filtersOf(params);
  const { yearFrom, yearTo } = filters;
  // What is typed in the year boxes, kept while it is not a year yet ("19").
  const [typedFrom, setTypedFrom] = useState(yearFrom === null ? "" : String(yearFrom));
  const [typedTo, setTypedTo] = useState(yearTo === null ? "" : String(yearTo));
  const preferences = useQuery(PREFERENCES_QUERY).data?.preferences;
  const backwards = yearsBackwards(filters);
  const asked = browseArguments(filters);
  const query = useQuery(BROWSE_QUERY, { variables: { ...asked, first: BROWSE_PAGE }, skip: backwards });
  const { error, refetch, fetchMore } = query;
  // Rendered in a background render React slices, not in the one task Apollo's update would take
  // (as on home: home-view.tsx); the filters answer at once meanwhile.
  const data = useDeferredValue(query.data);
  const items = backwards ? [] : (data?.browse.edges.map((edge) => edge.node) ?? []);
  const waiting = !data && !error && !backwards;
  const standInCards = waiting && standIn?.asked === JSON.stringify(asked) ? standIn.items : null;
  // An address from before genres went by kind (?type=TV&genre=27: Horror is a film genre) would
  // filter by a genre the picker does not offer, and say nothing matches with no visible cause.
  const foreignGenre =
    Boolean(genres.byType) && filters.genreId !== "" && !genres.byType?.[filters.type].some((genre) => String(genre.tmdbId) === filters.genreId);
  useEffect(() => {
    if (foreignGenre) setParams({ genre: null });
  }, [foreignGenre, setParams]);
  const typeYear = (which: "from" | "to", value: string) => {
    (which === "from" ? setTypedFrom : setTypedTo)(value);
    if (value.trim() === "" || toYear(value) !== null) setParams({ [which]: value.trim() });
  };

  return (
    <>
      <h1>{t("heading")}</h1>
      <BrowseControls
        filters={filters}
        genres={genres.byType ?? standIn?.genres ?? NO_GENRES}
        typedFrom={typedFrom}
        typedTo={typedTo}
        servicesToggle={preferences ? hasServices(preferences) : Boolean(standIn?.servicesToggle)}
        onChange={setParams}
        onYear={typeYear}
      />
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {standInCards && <BrowseStandInCards items={standInCards} />}
      {waiting && !standInCards && <Loading label={t("loading")} />}
      {data && !backwards && items.length === 0 && <EmptyState title={t("empty.title")}>{t("empty.body")}</EmptyState>}
      {items.length > 0 && (
        <MediaGrid
          items={items}
          label={t("results")}
          pageInfo={data?.browse.pageInfo}
          onMore={() => fetchMore({ variables: { after: data?.browse.pageInfo.endCursor } })}
        />
      )}
    </>
  );
}
