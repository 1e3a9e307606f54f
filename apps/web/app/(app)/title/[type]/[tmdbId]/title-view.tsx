"use client";
// A title's page once Apollo Client and this view have loaded: its details (MediaDetails), the
// person's rating and lists, where to watch, the cast, and the "people also liked" and "more like
// this" rows. Until its answer comes, the server's hero stays (title-hero-preview.tsx).
import { useQuery } from "@apollo/client/react";
import { useLocale, useTranslations } from "next-intl";
import { useDeferredValue, useEffect } from "react";
import { Shelf } from "../../../../../components/shelf";
import { Poster } from "../../../../../components/poster";
import { StarRating } from "../../../../../components/star-rating";
import { WhereToWatch } from "../../../../../components/where-to-watch";
import { ErrorState, FieldError } from "../../../../../components/states";
import { MEDIA_QUERY, type MediaDetails, type MediaType } from "../../../../../lib/graphql";
import { countText, ratingText } from "../../../../../lib/number-text";
import { languageName } from "../../../../../lib/language-name";
import { formatRuntime } from "../../../../../lib/runtime-text";
import { type TitlePreview, TitleHeroPreview } from "./title-hero-preview";
import { useMediaActions } from "../../../../../lib/use-media-actions";
import { FirstReads } from "../../../../../components/first-reads";
import { KeepStandIn } from "../../../../../components/stand-in";
import { longDateText } from "../../../../../lib/date-text";

/**
 * Type, release, runtime, TMDB's rating and the original language — named by the server when it
 * named this title's (`language`, page.tsx), else here.
 */
function Facts({ media, language }: { media: MediaDetails; language?: TitlePreview["language"] }) {
  const t = useTranslations("title.details");
  const tRuntime = useTranslations("common.runtime");
  const tLanguage = useTranslations("common.languageName");
  const locale = useLocale();
  return (
    <dl className="facts">
      <div>
        <dt>{t("type")}</dt>
        <dd>{media.type === "TV" ? t("series") : t("film")}</dd>
      </div>
      {media.releaseDate && (
        <div>
          <dt>{t("released")}</dt>
          <dd data-testid="released">{longDateText(media.releaseDate, locale)}</dd>
        </div>
      )}
      <div>
        <dt>{t("runtime")}</dt>
        <dd data-testid="runtime">{media.runtime ? formatRuntime(media.runtime, tRuntime) : t("runtimeUnknown")}</dd>
      </div>
      <div>
        <dt>{t("rating")}</dt>
        <dd>
          {media.voteAverage != null
            ? t("votes", {
                average: ratingText(media.voteAverage, locale),
                // The plural chooses by the number; the text is written without an Intl.NumberFormat.
                count: media.voteCount ?? 0,
                votes: countText(media.voteCount ?? 0, locale),
              })
            : t("notRatedYet")}
        </dd>
      </div>
      <div>
        <dt>{t("language")}</dt>
        <dd data-testid="language">
          {language && language.code === (media.originalLanguage ?? null) ? language.name : languageName(media.originalLanguage, locale, tLanguage)}
        </dd>
      </div>
    </dl>
  );
}

function Details({ media, language }: { media: MediaDetails; language?: TitlePreview["language"] }) {
  const t = useTranslations("title.details");
  const actions = useMediaActions(media);
  useEffect(() => {
    document.title = `${media.title} · movierec`;
  }, [media.title]);
  return (
    <article className="title-page">
      <div className="backdrop" aria-hidden="true">
        {media.backdropUrl && <img src={media.backdropUrl} alt="" width={1280} height={720} fetchPriority="high" />}
      </div>
      <div className="title-layout">
        <Poster url={media.posterUrl} title={media.title} className="poster title-poster" eager />
        <div className="stack">
          <h1>
            {media.title} {media.year && <span className="muted">({media.year})</span>}
          </h1>
          {media.tagline && <p className="tagline">{media.tagline}</p>}
          <Facts media={media} language={language} />
          {media.genres.length > 0 && (
            <ul className="tags" aria-label={t("genres")}>
              {media.genres.map((genre) => (
                <li key={genre.id}>{genre.name}</li>
              ))}
            </ul>
          )}
          <div className="card-actions">
            <button type="button" className="button" aria-pressed={media.isFavourite} onClick={() => void actions.toggleFavourite()}>
              {media.isFavourite ? t("favourite") : t("notFavourite")}
            </button>
            <button type="button" className="button" aria-pressed={media.inWatchlist} onClick={() => void actions.toggleWatchlist()}>
              {media.inWatchlist ? t("onWatchlist") : t("addToWatchlist")}
            </button>
            {media.trailer && (
              // A link to the video's own page: nothing of YouTube's or Vimeo's loads in ours (no embed, no third-party cookies).
              <a className="button" href={media.trailer.url} target="_blank" rel="noreferrer" data-testid="trailer">
                {t.rich("trailer", { site: media.trailer.site, hidden: (chunks) => <span className="visually-hidden">{chunks}</span> })}
              </a>
            )}
          </div>
          <StarRating title={media.title} value={media.myRating ?? null} onRate={actions.rate} onClear={actions.clearRating} />
          <FieldError message={actions.error} />
          <h2>{t("overview")}</h2>
          <p>{media.overview || t("noOverview")}</p>
          {media.directors.length > 0 && (
            <p>
              <strong>{media.type === "TV" ? t("createdBy") : t("directedBy")}</strong>{" "}
              <span data-testid="directors">{media.directors.map((person) => person.name).join(", ")}</span>
            </p>
          )}
        </div>
      </div>
      <WhereToWatch where={media.whereToWatch} />
      <section aria-labelledby="cast-heading">
        <h2 id="cast-heading">{t("cast")}</h2>
        {media.cast.length === 0 ? (
          <p className="muted">{t("noCast")}</p>
        ) : (
          // A row that scrolls sideways: focusable, so a keyboard can scroll it (its people are not links).
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus to be scrolled by keyboard (WCAG 2.1.1; axe's scrollable-region-focusable)
          <ul className="cast-list" data-testid="cast" aria-labelledby="cast-heading" tabIndex={0}>
            {media.cast.map((person) => (
              <li key={person.id}>
                {person.profileUrl ? (
                  <img src={person.profileUrl} alt="" width={92} height={138} loading="lazy" />
                ) : (
                  <div className="profile-missing" aria-hidden="true">
                    {person.name.slice(0, 1)}
                  </div>
                )}
                <span className="cast-name">{person.name}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {media.alsoLiked.length > 0 && <Shelf title={t("alsoLiked")} items={media.alsoLiked} testId="also-liked" />}
      {media.similar.length > 0 && <Shelf title={t("moreLikeThis")} items={media.similar} testId="similar" />}
    </article>
  );
}

export function TitleView({ type, tmdbId, preview }: { type: MediaType; tmdbId: number; preview?: TitlePreview }) {
  // The server's answer, read from the cache in a task of its own before the page renders it.
  return (
    <FirstReads reads={[{ query: MEDIA_QUERY, variables: { type, tmdbId } }]} fallback={preview && <TitleHeroPreview preview={preview} />}>
      <TitleContent type={type} tmdbId={tmdbId} preview={preview} />
    </FirstReads>
  );
}

function TitleContent({ type, tmdbId, preview }: { type: MediaType; tmdbId: number; preview?: TitlePreview }) {
  const t = useTranslations("title");
  const query = useQuery(MEDIA_QUERY, { variables: { type, tmdbId } });
  const { error, loading, refetch } = query;
  // Rendered in a background render React slices, while the server's hero stays (as on home: home-view.tsx).
  const data = useDeferredValue(query.data);
  if (data?.media) return <Details media={data.media} language={preview?.language} />;
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  // The hero the server rendered into the document stays, the same elements (components/stand-in.tsx).
  if (preview)
    return (
      <KeepStandIn>
        <TitleHeroPreview preview={preview} />
      </KeepStandIn>
    );
  return (
    <div role="status" aria-busy={loading} className="title-page">
      <span className="visually-hidden">{t("loading")}</span>
      <div className="backdrop backdrop-loading" aria-hidden="true" />
      <div className="title-layout">
        <div className="poster title-poster skeleton" />
        <div className="stack grow">
          <div className="skeleton skeleton-line" />
          <div className="skeleton skeleton-line short" />
        </div>
      </div>
    </div>
  );
}
