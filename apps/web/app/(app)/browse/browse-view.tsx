"use client";
import { useQuery } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import { useDeferredValue, useState } from "react";
import { useUrlParams } from "../../../lib/url-state";
import { MediaGrid } from "../../../components/media-grid";
import { Loading } from "../../../components/skeletons";
import { EmptyState, ErrorState, FieldError } from "../../../components/states";
import { LANGUAGES, useLanguageOptions } from "../../../lib/choices";
import { OnMyServicesToggle, hasServices } from "../../../components/on-my-services";
import { BROWSE_QUERY, PREFERENCES_QUERY, type BrowseSort, type MediaType } from "../../../lib/graphql";
import { useGenres } from "../../../lib/use-genres";

/** The orders offered; `labelKey` names each in the browse.sorts messages. */
const SORTS = [
  { value: "POPULARITY", labelKey: "mostPopular" },
  { value: "RATING", labelKey: "highestRated" },
  { value: "NEWEST", labelKey: "newest" },
  { value: "OLDEST", labelKey: "oldest" },
  { value: "TITLE", labelKey: "titleAToZ" },
] as const satisfies ReadonlyArray<{ value: BrowseSort; labelKey: string }>;
/** The option a select's value names (the select only offers SORTS). */
const sortOf = (value: string): BrowseSort => SORTS.find((option) => option.value === value)?.value ?? "POPULARITY";

/** A year as a filter takes it (1900–2100), else null: typing "19" filters nothing yet. */
const toYear = (value: string | null) => (value && /^\d{4}$/.test(value.trim()) && Number(value) >= 1900 && Number(value) <= 2100 ? Number(value) : null);
const RATINGS = [5, 6, 7, 8];

/** The filters as the address holds them (anything else there is ignored): a reload or a shared link keeps them. */
function filtersOf(params: URLSearchParams) {
  const rating = Number(params.get("rating"));
  return {
    type: (params.get("type") === "TV" ? "TV" : "MOVIE") as MediaType,
    genreId: /^\d{1,9}$/.test(params.get("genre") ?? "") ? (params.get("genre") as string) : "",
    yearFrom: toYear(params.get("from")),
    yearTo: toYear(params.get("to")),
    language: LANGUAGES.some((option) => option.code === params.get("lang")) ? (params.get("lang") as string) : "",
    minRating: RATINGS.includes(rating) ? String(rating) : "",
    sort: sortOf(params.get("sort") ?? ""),
    onMyServices: params.get("mine") === "1",
  };
}

export function BrowseView() {
  const t = useTranslations("browse");
  const languages = useLanguageOptions();
  const genres = useGenres();
  const [params, setParams] = useUrlParams();
  const { type, genreId, yearFrom, yearTo, language, minRating, sort, onMyServices } = filtersOf(params);
  // What is typed in the year boxes, kept while it is not a year yet ("19").
  const [typedFrom, setTypedFrom] = useState(yearFrom === null ? "" : String(yearFrom));
  const [typedTo, setTypedTo] = useState(yearTo === null ? "" : String(yearTo));
  const preferences = useQuery(PREFERENCES_QUERY).data?.preferences;
  const yearsBackwards = yearFrom !== null && yearTo !== null && yearFrom > yearTo;

  const filter = {
    type,
    genreIds: genreId ? [Number(genreId)] : null,
    yearFrom,
    yearTo,
    language: language || null,
    minRating: minRating ? Number(minRating) : null,
    availableToMe: onMyServices || null,
  };
  const query = useQuery(BROWSE_QUERY, { variables: { filter, sort, first: 24 }, skip: yearsBackwards });
  const { error, refetch, fetchMore } = query;
  // Rendered in a background render React slices, not in the one task Apollo's update would take
  // (as on home: home-view.tsx); the filters answer at once meanwhile.
  const data = useDeferredValue(query.data);
  const items = yearsBackwards ? [] : (data?.browse.edges.map((edge) => edge.node) ?? []);
  const typeYear = (which: "from" | "to", value: string) => {
    (which === "from" ? setTypedFrom : setTypedTo)(value);
    if (value.trim() === "" || toYear(value) !== null) setParams({ [which]: value.trim() });
  };

  return (
    <>
      <h1>{t("heading")}</h1>
      <form className="filters" aria-label={t("filters.label")} onSubmit={(event) => event.preventDefault()}>
        <label className="field">
          <span>{t("filters.type")}</span>
          <select value={type} onChange={(event) => setParams({ type: event.target.value === "TV" ? "TV" : null })}>
            <option value="MOVIE">{t("filters.films")}</option>
            <option value="TV">{t("filters.series")}</option>
          </select>
        </label>
        <label className="field">
          <span>{t("filters.genre")}</span>
          <select value={genreId} onChange={(event) => setParams({ genre: event.target.value })}>
            <option value="">{t("filters.anyGenre")}</option>
            {genres.genres.map((genre) => (
              <option key={genre.id} value={genre.tmdbId}>
                {genre.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t("filters.fromYear")}</span>
          <input
            type="number"
            inputMode="numeric"
            min={1900}
            max={2100}
            value={typedFrom}
            aria-invalid={yearsBackwards || undefined}
            aria-describedby={yearsBackwards ? "years-error" : undefined}
            onChange={(event) => typeYear("from", event.target.value)}
          />
        </label>
        <label className="field">
          <span>{t("filters.toYear")}</span>
          <input
            type="number"
            inputMode="numeric"
            min={1900}
            max={2100}
            value={typedTo}
            aria-invalid={yearsBackwards || undefined}
            aria-describedby={yearsBackwards ? "years-error" : undefined}
            onChange={(event) => typeYear("to", event.target.value)}
          />
        </label>
        <label className="field">
          <span>{t("filters.language")}</span>
          <select value={language} onChange={(event) => setParams({ lang: event.target.value })}>
            <option value="">{t("filters.anyLanguage")}</option>
            {languages.map((option) => (
              <option key={option.code} value={option.code}>
                {option.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t("filters.minRating")}</span>
          <select value={minRating} onChange={(event) => setParams({ rating: event.target.value })}>
            <option value="">{t("filters.anyRating")}</option>
            {RATINGS.map((rating) => (
              <option key={rating} value={rating}>
                {t("filters.ratingAtLeast", { rating })}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t("filters.sortBy")}</span>
          <select value={sort} onChange={(event) => setParams({ sort: sortOf(event.target.value) === "POPULARITY" ? null : event.target.value })}>
            {SORTS.map((option) => (
              <option key={option.value} value={option.value}>
                {t(`sorts.${option.labelKey}`)}
              </option>
            ))}
          </select>
        </label>
      </form>
      <div id="years-error">
        <FieldError message={yearsBackwards ? t("yearsBackwards", { from: String(yearFrom), to: String(yearTo) }) : null} />
      </div>
      {hasServices(preferences) && <OnMyServicesToggle checked={onMyServices} onChange={(checked) => setParams({ mine: checked ? "1" : null })} />}
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {!data && !error && !yearsBackwards && <Loading label={t("loading")} />}
      {data && !yearsBackwards && items.length === 0 && <EmptyState title={t("empty.title")}>{t("empty.body")}</EmptyState>}
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
