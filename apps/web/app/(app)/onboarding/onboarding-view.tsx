"use client";
import { useLazyQuery, useMutation, useQuery } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { CheckboxGroup, LanguageCheckboxes } from "../../../components/checkbox-group";
import { Poster } from "../../../components/poster";
import { ErrorState } from "../../../components/states";
import { ERAS, yearRange } from "../../../lib/choices";
import { ADD_FAVOURITE, type MediaCard, ONBOARDING_WALL_QUERY, REMOVE_FAVOURITE, SEARCH_QUERY, UPDATE_PREFERENCES } from "../../../lib/graphql";
import { useGenres } from "../../../lib/use-genres";
import { MIN_LOVED, OnboardingIntro } from "./onboarding-intro";
import { interleave } from "./poster-wall";

const WALL_SIZE = 36;

/** Posters as toggle buttons: press one to love the title, again to take it back. */
function PosterPicker({ items, label, loved, onToggle }: { items: MediaCard[]; label: string; loved: MediaCard[]; onToggle: (media: MediaCard) => void }) {
  const t = useTranslations("onboarding.loved");
  return (
    <ul className="poster-wall" aria-label={label}>
      {items.map((media) => {
        const isLoved = loved.some((item) => item.id === media.id);
        return (
          <li key={media.id}>
            <button type="button" className="poster-pick" aria-pressed={isLoved} aria-label={t("love", { title: media.title })} onClick={() => onToggle(media)}>
              <Poster url={media.posterUrl} title={media.title} />
              <span className="poster-pick-mark" aria-hidden="true">
                {isLoved ? "♥" : "♡"}
              </span>
              <span className="poster-pick-title" aria-hidden="true">
                {media.title}
                {media.year ? ` (${media.year})` : ""}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

export function OnboardingView() {
  const t = useTranslations("onboarding");
  const router = useRouter();
  const genres = useGenres();
  const [likedGenreIds, setLikedGenreIds] = useState<number[]>([]);
  const [languages, setLanguages] = useState<string[]>([]);
  const [eras, setEras] = useState<string[]>([]);
  const [loved, setLoved] = useState<MediaCard[]>([]);
  const [search, searchResult] = useLazyQuery(SEARCH_QUERY, { fetchPolicy: "network-only" });
  const wall = useQuery(ONBOARDING_WALL_QUERY);
  const [addFavourite] = useMutation(ADD_FAVOURITE);
  const [removeFavourite] = useMutation(REMOVE_FAVOURITE);
  const [updatePreferences] = useMutation(UPDATE_PREFERENCES);
  // The cause itself, so ErrorState says its kind (offline, signed out…) in its own words.
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  function onSearch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const query = String(new FormData(event.currentTarget).get("query") ?? "").trim();
    if (query) void search({ variables: { query, first: 12 } });
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
      setError(cause);
    }
  }

  async function finish() {
    setSaving(true);
    setError(null);
    try {
      await updatePreferences({ variables: { input: { likedGenreIds, languages, ...yearRange(eras), onboarded: true } } });
      router.push("/home");
    } catch (cause) {
      setError(cause);
      setSaving(false);
    }
  }

  const results = searchResult.data?.searchMedia.edges.map((edge) => edge.node) ?? [];
  const wallItems = wall.data
    ? interleave(
        [wall.data.popularMovies, wall.data.acclaimedMovies, wall.data.popularSeries].map((page) => page.edges.map((edge) => edge.node)),
        WALL_SIZE,
      )
    : [];
  const ready = loved.length >= MIN_LOVED;
  const onToggle = (media: MediaCard) => void toggleLoved(media);
  return (
    <div className="stack-lg onboarding">
      <OnboardingIntro />

      <section aria-labelledby="step-loved" className="stack">
        <h2 id="step-loved">{t("loved.heading")}</h2>
        {/* biome-ignore lint/a11y/useSemanticElements: a form with role="search" is the landmark every browser and screen reader knows; <search> is too new */}
        <form role="search" className="search-form" onSubmit={onSearch}>
          <label className="field grow">
            <span>{t("loved.searchLabel")}</span>
            <input name="query" type="search" autoComplete="off" />
          </label>
          <button type="submit" className="button">
            {t("loved.searchButton")}
          </button>
        </form>
        {searchResult.error && <ErrorState error={searchResult.error} />}
        {searchResult.loading && <p role="status">{t("loved.searching")}</p>}
        {searchResult.called && !searchResult.loading && results.length === 0 && !searchResult.error && <p>{t("loved.noResults")}</p>}
        {results.length > 0 && <PosterPicker items={results} label={t("loved.results")} loved={loved} onToggle={onToggle} />}
        {wall.error && <ErrorState error={wall.error} onRetry={() => void wall.refetch()} />}
        {wallItems.length > 0 && (
          <>
            <h3 className="wall-heading">{t("loved.wallHeading")}</h3>
            <PosterPicker items={wallItems} label={t("loved.wallLabel")} loved={loved} onToggle={onToggle} />
          </>
        )}
      </section>

      <section aria-labelledby="step-taste" className="stack">
        <h2 id="step-taste">{t("taste.heading")}</h2>
        {genres.error && <ErrorState error={genres.error} onRetry={() => void genres.refetch()} />}
        <CheckboxGroup
          legend={t("taste.genres")}
          name="genre"
          options={genres.genres.map((genre) => ({ value: genre.tmdbId, label: genre.name }))}
          selected={likedGenreIds}
          onChange={setLikedGenreIds}
        />
        <LanguageCheckboxes hint={t("taste.languagesHint")} selected={languages} onChange={setLanguages} />
        <CheckboxGroup
          legend={t("taste.eras")}
          name="era"
          hint={t("taste.erasHint")}
          options={ERAS.map((era) => ({ value: era.id, label: t(`eras.${era.labelKey}`) }))}
          selected={eras}
          onChange={setEras}
        />
      </section>

      {error ? <ErrorState error={error} /> : null}
      <div className="onboarding-bar">
        <p aria-live="polite" className="onboarding-count">
          {loved.length > 0
            ? t("progress.countWithTitles", { count: loved.length, min: MIN_LOVED, titles: loved.map((media) => media.title).join(", ") })
            : t("progress.count", { count: loved.length, min: MIN_LOVED })}
        </p>
        <button type="button" className="button button-primary" disabled={!ready || saving} onClick={() => void finish()}>
          {saving ? t("finish.saving") : t("finish.submit")}
        </button>
      </div>
    </div>
  );
}
