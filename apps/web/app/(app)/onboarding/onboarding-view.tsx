"use client";
import { useLazyQuery, useMutation } from "@apollo/client/react";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { CheckboxGroup, LanguageCheckboxes } from "../../../components/checkbox-group";
import { Poster } from "../../../components/poster";
import { ErrorState } from "../../../components/states";
import { ERAS, yearRange } from "../../../lib/choices";
import { ADD_FAVOURITE, type MediaCard, REMOVE_FAVOURITE, SEARCH_QUERY, UPDATE_PREFERENCES } from "../../../lib/graphql";
import { useGenres } from "../../../lib/use-genres";

const MIN_LOVED = 3;

export function OnboardingView() {
  const router = useRouter();
  const genres = useGenres();
  const [likedGenreIds, setLikedGenreIds] = useState<number[]>([]);
  const [languages, setLanguages] = useState<string[]>([]);
  const [eras, setEras] = useState<string[]>([]);
  const [loved, setLoved] = useState<MediaCard[]>([]);
  const [search, searchResult] = useLazyQuery(SEARCH_QUERY, { fetchPolicy: "network-only" });
  const [addFavourite] = useMutation(ADD_FAVOURITE);
  const [removeFavourite] = useMutation(REMOVE_FAVOURITE);
  const [updatePreferences] = useMutation(UPDATE_PREFERENCES);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  function onSearch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const query = String(new FormData(event.currentTarget).get("query") ?? "").trim();
    if (query) void search({ variables: { query, first: 8 } });
  }

  async function toggleLoved(media: MediaCard) {
    const isLoved = loved.some((item) => item.id === media.id);
    setError(null);
    try {
      const ref = { type: media.type, tmdbId: media.tmdbId };
      if (isLoved) {
        setLoved((items) => items.filter((item) => item.id !== media.id));
        await removeFavourite({ variables: { media: ref } });
      } else {
        setLoved((items) => [...items, media]);
        await addFavourite({ variables: { media: ref } });
      }
    } catch (cause) {
      setLoved((items) => (isLoved ? [...items, media] : items.filter((item) => item.id !== media.id)));
      setError((cause as Error).message);
    }
  }

  async function finish() {
    setSaving(true);
    setError(null);
    try {
      await updatePreferences({ variables: { input: { likedGenreIds, languages, ...yearRange(eras), onboarded: true } } });
      router.push("/home");
    } catch (cause) {
      setError((cause as Error).message);
      setSaving(false);
    }
  }

  const results = searchResult.data?.searchMedia.edges.map((edge) => edge.node) ?? [];
  const ready = likedGenreIds.length > 0 && loved.length >= MIN_LOVED;
  return (
    <div className="stack-lg">
      <h1>Welcome! What do you like?</h1>
      <p className="lead">Your answers shape your recommendations. You can change them later in settings.</p>

      <section aria-labelledby="step-taste" className="stack">
        <h2 id="step-taste">1. Genres, languages and eras</h2>
        {genres.error && <ErrorState error={genres.error} onRetry={() => void genres.refetch()} />}
        <CheckboxGroup
          legend="Genres you enjoy"
          name="genre"
          hint="Pick at least one."
          options={genres.genres.map((genre) => ({ value: genre.tmdbId, label: genre.name }))}
          selected={likedGenreIds}
          onChange={setLikedGenreIds}
        />
        <LanguageCheckboxes hint="Leave empty for any language." selected={languages} onChange={setLanguages} />
        <CheckboxGroup
          legend="Eras"
          name="era"
          hint="Leave empty for any year."
          options={ERAS.map((era) => ({ value: era.id, label: era.label }))}
          selected={eras}
          onChange={setEras}
        />
      </section>

      <section aria-labelledby="step-loved" className="stack">
        <h2 id="step-loved">2. At least {MIN_LOVED} titles you love</h2>
        {/* biome-ignore lint/a11y/useSemanticElements: a form with role="search" is the landmark every browser and screen reader knows; <search> is too new */}
        <form role="search" className="search-form" onSubmit={onSearch}>
          <label className="field grow">
            <span>Find a film or series</span>
            <input name="query" type="search" autoComplete="off" />
          </label>
          <button type="submit" className="button">
            Search
          </button>
        </form>
        {searchResult.error && <ErrorState error={searchResult.error} />}
        {searchResult.loading && <p role="status">Searching…</p>}
        {searchResult.called && !searchResult.loading && results.length === 0 && !searchResult.error && <p>No titles match. Try other words.</p>}
        {results.length > 0 && (
          <ul className="pick-list" aria-label="Search results">
            {results.map((media) => {
              const isLoved = loved.some((item) => item.id === media.id);
              return (
                <li key={media.id} className="pick">
                  <Poster url={media.posterUrl} title={media.title} className="poster-thumb" />
                  <span className="grow">
                    {media.title} {media.year ? <span className="muted">({media.year})</span> : null}
                  </span>
                  <button type="button" className="chip" aria-pressed={isLoved} aria-label={`Love ${media.title}`} onClick={() => void toggleLoved(media)}>
                    {isLoved ? "♥ Loved" : "♡ Love it"}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        <p aria-live="polite">
          {loved.length} of {MIN_LOVED} loved{loved.length > 0 ? `: ${loved.map((media) => media.title).join(", ")}` : ""}
        </p>
      </section>

      {error && <ErrorState error={{ message: error }} />}
      <p>
        <button type="button" className="button button-primary" disabled={!ready || saving} onClick={() => void finish()}>
          {saving ? "Saving…" : "See my recommendations"}
        </button>
        {!ready && <span className="muted"> Pick at least one genre and {MIN_LOVED} titles.</span>}
      </p>
    </div>
  );
}
