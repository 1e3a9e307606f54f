"use client";
import { useMutation, useQuery } from "@apollo/client/react";
import { type FormEvent, useEffect, useState } from "react";
import { CheckboxGroup, LanguageCheckboxes } from "../../../components/checkbox-group";
import { ErrorState } from "../../../components/states";
import { type MediaType, PREFERENCES_QUERY, UPDATE_PREFERENCES } from "../../../lib/graphql";
import { useGenres } from "../../../lib/use-genres";

const toNumber = (value: string) => (value.trim() === "" ? null : Number(value));

export function PreferencesForm() {
  const genres = useGenres();
  const { data, error, refetch } = useQuery(PREFERENCES_QUERY);
  const [save, saving] = useMutation(UPDATE_PREFERENCES);
  const [liked, setLiked] = useState<number[]>([]);
  const [disliked, setDisliked] = useState<number[]>([]);
  const [languages, setLanguages] = useState<string[]>([]);
  const [mediaTypes, setMediaTypes] = useState<MediaType[]>([]);
  const [status, setStatus] = useState<string | null>(null);
  const preferences = data?.preferences;

  useEffect(() => {
    if (!preferences) return;
    setLiked(preferences.likedGenreIds);
    setDisliked(preferences.dislikedGenreIds);
    setLanguages(preferences.languages);
    setMediaTypes(preferences.mediaTypes);
  }, [preferences]);

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
      setStatus("Saved. Your recommendations follow these preferences now.");
    } catch (cause) {
      setStatus(`Could not save: ${(cause as Error).message}`);
    }
  }

  const genreOptions = genres.genres.map((genre) => ({ value: genre.tmdbId, label: genre.name }));
  return (
    <section aria-labelledby="preferences-heading" className="panel">
      <h2 id="preferences-heading">Preferences</h2>
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {!preferences && !error && <p role="status">Loading your preferences…</p>}
      {preferences && (
        <form className="stack" onSubmit={onSubmit} key={String(preferences.onboarded)}>
          <CheckboxGroup legend="Genres you like" name="liked" options={genreOptions} selected={liked} onChange={setLiked} />
          <CheckboxGroup legend="Genres to avoid" name="disliked" options={genreOptions} selected={disliked} onChange={setDisliked} />
          <LanguageCheckboxes hint="None picked means any language." selected={languages} onChange={setLanguages} />
          <CheckboxGroup<MediaType>
            legend="Show me"
            name="mediaType"
            hint="None picked means both."
            options={[
              { value: "MOVIE", label: "Films" },
              { value: "TV", label: "Series" },
            ]}
            selected={mediaTypes}
            onChange={setMediaTypes}
          />
          <div className="filters">
            <label className="field">
              <span>From year</span>
              <input name="yearFrom" type="number" min={1900} max={2100} defaultValue={preferences.yearFrom ?? ""} />
            </label>
            <label className="field">
              <span>To year</span>
              <input name="yearTo" type="number" min={1900} max={2100} defaultValue={preferences.yearTo ?? ""} />
            </label>
            <label className="field">
              <span>Minimum rating (0–10)</span>
              <input name="minRating" type="number" min={0} max={10} step={0.5} defaultValue={preferences.minRating ?? ""} />
            </label>
            <label className="field">
              <span>Longest runtime (minutes)</span>
              <input name="maxRuntime" type="number" min={1} max={1000} defaultValue={preferences.maxRuntime ?? ""} />
            </label>
          </div>
          <p>
            <button type="submit" className="button button-primary" disabled={saving.loading}>
              {saving.loading ? "Saving…" : "Save preferences"}
            </button>
          </p>
          <p role="status">{status}</p>
        </form>
      )}
    </section>
  );
}
