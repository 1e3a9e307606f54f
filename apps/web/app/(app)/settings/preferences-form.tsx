"use client";
import { useMutation, useQuery } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useEffect, useState } from "react";
import { CheckboxGroup, LanguageCheckboxes } from "../../../components/checkbox-group";
import { ErrorState } from "../../../components/states";
import { type MediaType, PREFERENCES_QUERY, UPDATE_PREFERENCES } from "../../../lib/graphql";
import { useGenres } from "../../../lib/use-genres";
import { useErrorReason } from "../../../lib/use-error-reason";

const toNumber = (value: string) => (value.trim() === "" ? null : Number(value));

export function PreferencesForm() {
  const t = useTranslations("settings.preferences");
  const reasonOf = useErrorReason();
  const tShared = useTranslations("settings.shared");
  const genres = useGenres();
  const { data, error, refetch } = useQuery(PREFERENCES_QUERY);
  const [save, saving] = useMutation(UPDATE_PREFERENCES);
  const [liked, setLiked] = useState<number[]>([]);
  const [disliked, setDisliked] = useState<number[]>([]);
  const [languages, setLanguages] = useState<string[]>([]);
  const [mediaTypes, setMediaTypes] = useState<MediaType[]>([]);
  const [status, setStatus] = useState<string | null>(null);
  // Ticked but not saved yet: kept when the saved preferences change under the form (saving Your
  // services answers with the whole preferences, which would otherwise reset every box).
  const [edited, setEdited] = useState(false);
  const preferences = data?.preferences;
  const editing =
    <Value,>(set: (value: Value) => void) =>
    (value: Value) => {
      setEdited(true);
      set(value);
    };

  useEffect(() => {
    if (!preferences || edited) return;
    setLiked(preferences.likedGenreIds);
    setDisliked(preferences.dislikedGenreIds);
    setLanguages(preferences.languages);
    setMediaTypes(preferences.mediaTypes);
  }, [preferences, edited]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setStatus(null);
    try {
      await save({
        variables: {
          input: {
            likedGenreIds: liked,
            dislikedGenreIds: disliked,
            languages,
            mediaTypes,
            yearFrom: toNumber(String(form.get("yearFrom"))),
            yearTo: toNumber(String(form.get("yearTo"))),
            minRating: toNumber(String(form.get("minRating"))),
            maxRuntime: toNumber(String(form.get("maxRuntime"))),
          },
        },
      });
      setEdited(false);
      setStatus(t("saved"));
    } catch (cause) {
      setStatus(tShared("couldNotSave", { reason: reasonOf(cause) }));
    }
  }

  const genreOptions = genres.genres.map((genre) => ({ value: genre.tmdbId, label: genre.name }));
  return (
    <section aria-labelledby="preferences-heading" className="panel">
      <h2 id="preferences-heading">{t("heading")}</h2>
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {!preferences && !error && <p role="status">{t("loading")}</p>}
      {preferences && (
        <form className="stack" onSubmit={onSubmit} key={String(preferences.onboarded)}>
          <CheckboxGroup legend={t("likedGenres")} name="liked" options={genreOptions} selected={liked} onChange={editing(setLiked)} />
          <CheckboxGroup legend={t("dislikedGenres")} name="disliked" options={genreOptions} selected={disliked} onChange={editing(setDisliked)} />
          <LanguageCheckboxes hint={t("languagesHint")} selected={languages} onChange={editing(setLanguages)} />
          <CheckboxGroup<MediaType>
            legend={t("showMe")}
            name="mediaType"
            hint={t("showMeHint")}
            options={[
              { value: "MOVIE", label: t("films") },
              { value: "TV", label: t("series") },
            ]}
            selected={mediaTypes}
            onChange={editing(setMediaTypes)}
          />
          <div className="filters">
            <label className="field">
              <span>{t("yearFrom")}</span>
              <input name="yearFrom" type="number" min={1900} max={2100} defaultValue={preferences.yearFrom ?? ""} />
            </label>
            <label className="field">
              <span>{t("yearTo")}</span>
              <input name="yearTo" type="number" min={1900} max={2100} defaultValue={preferences.yearTo ?? ""} />
            </label>
            <label className="field">
              <span>{t("minRating")}</span>
              <input name="minRating" type="number" min={0} max={10} step={0.5} defaultValue={preferences.minRating ?? ""} />
            </label>
            <label className="field">
              <span>{t("maxRuntime")}</span>
              <input name="maxRuntime" type="number" min={1} max={1000} defaultValue={preferences.maxRuntime ?? ""} />
            </label>
          </div>
          <p>
            <button type="submit" className="button button-primary" disabled={saving.loading}>
              {saving.loading ? tShared("saving") : t("save")}
            </button>
          </p>
          <p role="status">{status}</p>
        </form>
      )}
    </section>
  );
}
