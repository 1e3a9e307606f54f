"use client";
import { useQuery } from "@apollo/client/react";
import { MediaGrid } from "../../../components/media-grid";
import { Loading } from "../../../components/skeletons";
import { EmptyState, ErrorState } from "../../../components/states";
import { WATCHLIST_QUERY } from "../../../lib/graphql";

export function WatchlistView() {
  const { data, error, loading, refetch, fetchMore } = useQuery(WATCHLIST_QUERY, { variables: { first: 50 } });
  const items = data?.watchlist.edges.map((edge) => edge.node).filter((media) => media.inWatchlist) ?? [];
  const toWatch = items.filter((media) => !media.watchedAt);
  const watched = items.filter((media) => media.watchedAt);
  return (
    <>
      <h1>Watchlist</h1>
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {!data && loading && <Loading label="Loading your watchlist" />}
      {data && items.length === 0 && (
        <EmptyState title="Your watchlist is empty." action={{ href: "/home", label: "See your recommendations" }}>
          Press “Watchlist” on a title to save it for later.
        </EmptyState>
      )}
      {toWatch.length > 0 && (
        <section aria-labelledby="to-watch">
          <h2 id="to-watch">To watch</h2>
          <MediaGrid items={toWatch} label="To watch" showWatched />
        </section>
      )}
      {watched.length > 0 && (
        <section aria-labelledby="watched">
          <h2 id="watched">Watched</h2>
          <MediaGrid items={watched} label="Watched" showWatched />
        </section>
      )}
      {data?.watchlist.pageInfo.hasNextPage && (
        <p className="center">
          <button type="button" className="button" onClick={() => void fetchMore({ variables: { after: data.watchlist.pageInfo.endCursor } })}>
            Show more
          </button>
        </p>
      )}
    </>
  );
}
