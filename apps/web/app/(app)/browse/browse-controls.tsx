"use client";
// Browse's filter form, its years error and the "On my services" switch: rendered by the view
// (browse-view.tsx) and, disabled, by the server's stand-in (browse-preview.tsx), so the two have
// the same options, widths and wrapping and the view takes the stand-in's place without moving the
// grid. Without `onChange` the controls show the address's filters and wait for the page's
// JavaScript (a choice made before it runs would be lost). A Client Component, so the server's stand-in
// can render it (its handlers cannot cross from a Server Component).
import { useTranslations } from "next-intl";
import { OnMyServicesToggle } from "../../../components/on-my-services";
import { FieldError } from "../../../components/states";
import { useLanguageOptions } from "../../../lib/choices";
import type { MediaType } from "../../../lib/generated/graphql";
import type { GenresByType } from "../../../lib/genres";
import type { ParamChanges } from "../../../lib/url-state";
import { type BrowseFilters, RATINGS, SORTS, sortOf, yearsBackwards } from "./browse-filters";

export interface BrowseControlsProps {
  filters: BrowseFilters;
  /** The picker lists the chosen kind's genres (TMDB numbers film and series genres apart). */
  genres: GenresByType;
  /** What the year boxes hold, kept while it is not a year yet ("19"). */
  typedFrom: string;
  typedTo: string;
  /** Shown once Settings names a region and services. */
  servicesToggle: boolean;
  onChange?: (changes: ParamChanges) => void;
  onYear?: (which: "from" | "to", value: string) => void;
}

export function BrowseControls({ filters, genres, typedFrom, typedTo, servicesToggle, onChange, onYear }: BrowseControlsProps) {
  const t = useTranslations("browse");
  const languages = useLanguageOptions();
  const { type, genreId, yearFrom, yearTo, language, minRating, sort, onMyServices } = filters;
  const backwards = yearsBackwards(filters);
  const disabled = !onChange;
  const change = (changes: ParamChanges) => onChange?.(changes);
  // Films' Horror (27) is no series genre: a genre the other kind lacks goes with the switch, or the
  // grid would say "no titles match" for a choice the picker no longer shows.
  const changeType = (next: MediaType) => {
    const keepsGenre = genreId === "" || genres[next].some((genre) => String(genre.tmdbId) === genreId);
    change({ type: next === "TV" ? "TV" : null, ...(keepsGenre ? {} : { genre: null }) });
  };
  return (
    <>
      <form className="filters" aria-label={t("filters.label")} onSubmit={(event) => event.preventDefault()}>
        <label className="field">
          <span>{t("filters.type")}</span>
          <select value={type} disabled={disabled} onChange={(event) => changeType(event.target.value === "TV" ? "TV" : "MOVIE")}>
            <option value="MOVIE">{t("filters.films")}</option>
            <option value="TV">{t("filters.series")}</option>
          </select>
        </label>
        <label className="field">
          <span>{t("filters.genre")}</span>
          <select value={genreId} disabled={disabled} onChange={(event) => change({ genre: event.target.value })}>
            <option value="">{t("filters.anyGenre")}</option>
            {genres[type].map((genre) => (
              <option key={genre.id} value={genre.tmdbId}>
                {genre.name}
              </option>
            ))}
          </select>
        </label>
        {(["from", "to"] as const).map((which) => (
          <label className="field" key={which}>
            <span>{t(which === "from" ? "filters.fromYear" : "filters.toYear")}</span>
            <input
              type="number"
              inputMode="numeric"
              min={1900}
              max={2100}
              value={which === "from" ? typedFrom : typedTo}
              disabled={disabled}
              aria-invalid={backwards || undefined}
              aria-describedby={backwards ? "years-error" : undefined}
              onChange={(event) => onYear?.(which, event.target.value)}
            />
          </label>
        ))}
        <label className="field">
          <span>{t("filters.language")}</span>
          <select value={language} disabled={disabled} onChange={(event) => change({ lang: event.target.value })}>
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
          <select value={minRating} disabled={disabled} onChange={(event) => change({ rating: event.target.value })}>
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
          <select
            value={sort}
            disabled={disabled}
            onChange={(event) => change({ sort: sortOf(event.target.value) === "POPULARITY" ? null : event.target.value })}
          >
            {SORTS.map((option) => (
              <option key={option.value} value={option.value}>
                {t(`sorts.${option.labelKey}`)}
              </option>
            ))}
          </select>
        </label>
      </form>
      <div id="years-error">
        <FieldError message={backwards ? t("yearsBackwards", { from: String(yearFrom), to: String(yearTo) }) : null} />
      </div>
      {servicesToggle && <OnMyServicesToggle checked={onMyServices} onChange={onChange && ((checked) => onChange({ mine: checked ? "1" : null }))} />}
    </>
  );
}
