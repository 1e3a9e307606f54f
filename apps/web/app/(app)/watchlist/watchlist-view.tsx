"use client";
import { useQuery } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import { MediaGrid } from "../../../components/media-grid";
import { EmptyState, ErrorState } from "../../../components/states";
import { UndoToast } from "../../../components/undo-toast";
import { type MediaCard, WATCHLIST_QUERY } from "../../../lib/graphql";
import { useMediaActions } from "../../../lib/use-media-actions";
import { useAddedDates, useUndoRemoval } from "../../../lib/use-undo-removal";
import { FirstReads } from "../../../components/first-reads";
import { KeepStandIn } from "../../../components/stand-in";
import { WatchlistLoading } from "./watchlist-loading";
import { WATCHLIST_VARIABLES } from "./first-query";

/** "Removed X from your watchlist. Undo": puts it back in its place, watched on the day it was if it had been. */
function UndoUnwatchlist({
  media,
  addedAt,
  watchedAt,
  onClose,
}: {
  media: MediaCard;
  addedAt: string | undefined;
  watchedAt: string | null;
  onClose: () => void;
}) {
  const t = useTranslations("lists.watchlist");
  const actions = useMediaActions(media);
  const undo = () => void (watchedAt ? actions.restoreWatched(watchedAt, addedAt) : actions.toggleWatchlist(addedAt));
  return <UndoToast message={t("removed", { title: media.title })} onUndo={undo} onClose={onClose} mediaId={media.id} />;
}

export function WatchlistView() {
  // The server's answer, read from the cache in a task of its own before the page renders it.
  return (
    <FirstReads
      reads={[{ query: WATCHLIST_QUERY, variables: WATCHLIST_VARIABLES, entitiesAt: ["watchlist", "edges", "node"] }]}
      fallback={<WatchlistLoading />}
    >
      <Watchlist />
    </FirstReads>
  );
}

function Watchlist() {
  const t = useTranslations("lists.watchlist");
  const { data, error, loading, refetch, fetchMore } = useQuery(WATCHLIST_QUERY, { variables: WATCHLIST_VARIABLES });
  const all = data?.watchlist.edges.map((edge) => edge.node) ?? [];
  const items = all.filter((media) => media.inWatchlist);
  const { removed, removedWas, close } = useUndoRemoval(all, (media) => !media.inWatchlist);
  const addedDates = useAddedDates(data?.watchlist.edges);
  const toWatch = items.filter((media) => !media.watchedAt);
  const watched = items.filter((media) => media.watchedAt);
  // The page's stand-in stays, the same elements, until the first answer (components/stand-in.tsx).
  if (!data && loading && !error)
    return (
      <KeepStandIn>
        <WatchlistLoading />
      </KeepStandIn>
    );
  return (
    <>
      <h1>{t("heading")}</h1>
      {removed && (
        <UndoUnwatchlist
          key={removed.id}
          media={removed}
          addedAt={addedDates.get(removed.id)}
          watchedAt={removedWas?.watchedAt ?? null}
          onClose={() => close(removed.id)}
        />
      )}
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {data && items.length === 0 && (
        <EmptyState title={t("empty.title")} action={{ href: "/home", label: t("empty.action") }}>
          {t("empty.body")}
        </EmptyState>
      )}
      {toWatch.length > 0 && (
        <section aria-labelledby="to-watch">
          <h2 id="to-watch">{t("toWatch")}</h2>
          <MediaGrid items={toWatch} label={t("toWatch")} showWatched />
        </section>
      )}
      {watched.length > 0 && (
        <section aria-labelledby="watched">
          <h2 id="watched">{t("watched")}</h2>
          <MediaGrid items={watched} label={t("watched")} showWatched />
        </section>
      )}
      {data?.watchlist.pageInfo.hasNextPage && (
        <p className="center">
          <button type="button" className="button" onClick={() => void fetchMore({ variables: { after: data.watchlist.pageInfo.endCursor } })}>
            {t("showMore")}
          </button>
        </p>
      )}
    </>
  );
}
