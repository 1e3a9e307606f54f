// Browse's filters as the address holds them, read the same way by the server (page.tsx renders the
// first page into the document) and the browser (browse-view.tsx): anything else in the address is
// ignored, so a reload or a shared link keeps the filters and a mangled one shows everything.
import { LANGUAGES } from "../../../lib/choices";
import type { BrowseSort, MediaType } from "../../../lib/generated/graphql";

/** The orders offered; `labelKey` names each in the browse.sorts messages. */
export const SORTS = [
  { value: "POPULARITY", labelKey: "mostPopular" },
  { value: "RATING", labelKey: "highestRated" },
  { value: "NEWEST", labelKey: "newest" },
  { value: "OLDEST", labelKey: "oldest" },
  { value: "TITLE", labelKey: "titleAToZ" },
] as const satisfies ReadonlyArray<{ value: BrowseSort; labelKey: string }>;

/** The option a select's value names (the select only offers SORTS). */
export const sortOf = (value: string): BrowseSort => SORTS.find((option) => option.value === value)?.value ?? "POPULARITY";

/** A year as a filter takes it (1900–2100), else null: typing "19" filters nothing yet. */
export const toYear = (value: string | null) =>
  value && /^\d{4}$/.test(value.trim()) && Number(value) >= 1900 && Number(value) <= 2100 ? Number(value) : null;

export const RATINGS = [5, 6, 7, 8];

/** How many titles a page of the grid holds. */
export const BROWSE_PAGE = 24;

export type BrowseFilters = ReturnType<typeof filtersOf>;

/** The filters in the address (`URLSearchParams`, or what `useSearchParams` gives). */
export function filtersOf(params: Pick<URLSearchParams, "get">) {
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

/** "From 2010 to 1990": nothing to ask the API, the form says what is wrong. */
export const yearsBackwards = ({ yearFrom, yearTo }: Pick<BrowseFilters, "yearFrom" | "yearTo">) => yearFrom !== null && yearTo !== null && yearFrom > yearTo;

/** The API's `browse` arguments for these filters. */
export function browseArguments(filters: BrowseFilters) {
  return {
    filter: {
      type: filters.type,
      genreIds: filters.genreId ? [Number(filters.genreId)] : null,
      yearFrom: filters.yearFrom,
      yearTo: filters.yearTo,
      language: filters.language || null,
      minRating: filters.minRating ? Number(filters.minRating) : null,
      availableToMe: filters.onMyServices || null,
    },
    sort: filters.sort,
  };
}
