"use client";
// Search's form: rendered by the view (search-view.tsx) and, disabled, by the page's server stand-in
// (page.tsx), so the two are laid out alike and the view takes the stand-in's place without moving
// anything. Without `onSubmit` the controls show the address's query and wait for the page's
// JavaScript (text typed before it runs would be lost when the view replaces the stand-in). A Client
// Component, so the server's stand-in can render it (a handler cannot cross from a Server Component).
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import type { MediaType } from "../../../lib/graphql";

export function SearchForm({ query, type, onSubmit }: { query: string; type: MediaType | null; onSubmit?: (event: FormEvent<HTMLFormElement>) => void }) {
  const t = useTranslations("search");
  const disabled = !onSubmit;
  return (
    // biome-ignore lint/a11y/useSemanticElements: a form with role="search" is the landmark every browser and screen reader knows; <search> is too new
    <form role="search" className="search-form" onSubmit={onSubmit}>
      <label className="field grow">
        <span>{t("form.title")}</span>
        <input name="query" type="search" autoComplete="off" required maxLength={100} defaultValue={query} disabled={disabled} />
      </label>
      <label className="field">
        <span>{t("form.type")}</span>
        <select name="type" defaultValue={type ?? ""} disabled={disabled}>
          <option value="">{t("form.anyType")}</option>
          <option value="MOVIE">{t("form.films")}</option>
          <option value="TV">{t("form.series")}</option>
        </select>
      </label>
      <button type="submit" className="button button-primary" disabled={disabled}>
        {t("form.submit")}
      </button>
    </form>
  );
}
