"use client";
import { useQuery } from "@apollo/client/react";
import { useState } from "react";
import { MediaGrid } from "../../../components/media-grid";
import { Loading } from "../../../components/skeletons";
import { EmptyState, ErrorState } from "../../../components/states";
import { LANGUAGES } from "../../../lib/choices";
import { OnMyServicesToggle, hasServices } from "../../../components/on-my-services";
import { BROWSE_QUERY, PREFERENCES_QUERY, type BrowseSort, type MediaType } from "../../../lib/graphql";
import { useGenres } from "../../../lib/use-genres";

const SORTS: ReadonlyArray<{ value: BrowseSort; label: string }> = [
  { value: "POPULARITY", label: "Most popular" },
  { value: "RATING", label: "Highest rated" },
  { value: "NEWEST", label: "Newest" },
  { value: "OLDEST", label: "Oldest" },
  { value: "TITLE", label: "Title A–Z" },
];
/** The option a select's value names (the select only offers SORTS). */
const sortOf = (value: string): BrowseSort => SORTS.find((option) => option.value === value)?.value ?? "POPULARITY";

const toInt = (value: string) => (value.trim() === "" ? null : Number.parseInt(value, 10));

export function BrowseView() {
  const genres = useGenres();
  const [type, setType] = useState<MediaType>("MOVIE");
  const [genreId, setGenreId] = useState("");
  const [yearFrom, setYearFrom] = useState("");
  const [yearTo, setYearTo] = useState("");
  const [language, setLanguage] = useState("");
  const [minRating, setMinRating] = useState("");
  const [sort, setSort] = useState<BrowseSort>("POPULARITY");
  const [onMyServices, setOnMyServices] = useState(false);
  const preferences = useQuery(PREFERENCES_QUERY).data?.preferences;

  const filter = {
    type,
    genreIds: genreId ? [Number(genreId)] : null,
    yearFrom: toInt(yearFrom),
    yearTo: toInt(yearTo),
    language: language || null,
    minRating: minRating ? Number(minRating) : null,
    availableToMe: onMyServices || null,
  };
  const { data, error, loading, refetch, fetchMore } = useQuery(BROWSE_QUERY, { variables: { filter, sort, first: 24 } });
  const items = data?.browse.edges.map((edge) => edge.node) ?? [];

  return (
    <>
      <h1>Browse</h1>
      <form className="filters" aria-label="Filters" onSubmit={(event) => event.preventDefault()}>
        <label className="field">
          <span>Type</span>
          <select value={type} onChange={(event) => setType(event.target.value as MediaType)}>
            <option value="MOVIE">Films</option>
            <option value="TV">Series</option>
          </select>
        </label>
        <label className="field">
          <span>Genre</span>
          <select value={genreId} onChange={(event) => setGenreId(event.target.value)}>
            <option value="">Any genre</option>
            {genres.genres.map((genre) => (
              <option key={genre.id} value={genre.tmdbId}>
                {genre.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>From year</span>
          <input type="number" inputMode="numeric" min={1900} max={2100} value={yearFrom} onChange={(event) => setYearFrom(event.target.value)} />
        </label>
        <label className="field">
          <span>To year</span>
          <input type="number" inputMode="numeric" min={1900} max={2100} value={yearTo} onChange={(event) => setYearTo(event.target.value)} />
        </label>
        <label className="field">
          <span>Language</span>
          <select value={language} onChange={(event) => setLanguage(event.target.value)}>
            <option value="">Any language</option>
            {LANGUAGES.map((option) => (
              <option key={option.code} value={option.code}>
                {option.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Minimum rating</span>
          <select value={minRating} onChange={(event) => setMinRating(event.target.value)}>
            <option value="">Any rating</option>
            {[5, 6, 7, 8].map((rating) => (
              <option key={rating} value={rating}>
                {rating}+
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Sort by</span>
          <select value={sort} onChange={(event) => setSort(sortOf(event.target.value))}>
            {SORTS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
      </form>
      {hasServices(preferences) && <OnMyServicesToggle checked={onMyServices} onChange={setOnMyServices} />}
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {!data && loading && <Loading label="Loading titles" />}
      {data && items.length === 0 && (
        <EmptyState title="No titles match these filters.">Widen the years, pick another genre or lower the minimum rating.</EmptyState>
      )}
      {items.length > 0 && (
        <MediaGrid
          items={items}
          label="Titles"
          pageInfo={data?.browse.pageInfo}
          onMore={() => void fetchMore({ variables: { after: data?.browse.pageInfo.endCursor } })}
        />
      )}
    </>
  );
}
