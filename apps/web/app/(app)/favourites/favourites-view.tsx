"use client";
import { useQuery } from "@apollo/client/react";
import { MediaGrid } from "../../../components/media-grid";
import { Loading } from "../../../components/skeletons";
import { EmptyState, ErrorState } from "../../../components/states";
import { FAVOURITES_QUERY } from "../../../lib/graphql";

export function FavouritesView() {
  const { data, error, loading, refetch, fetchMore } = useQuery(FAVOURITES_QUERY, { variables: { first: 24 } });
  // A favourite removed here leaves the list at once (optimistically), before the refetch.
  const items = data?.favourites.edges.map((edge) => edge.node).filter((media) => media.isFavourite) ?? [];
  return (
    <>
      <h1>Favourites</h1>
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {!data && loading && <Loading label="Loading your favourites" />}
      {data && items.length === 0 && (
        <EmptyState title="No favourites yet." action={{ href: "/browse", label: "Find titles to love" }}>
          Press “Favourite” on any title and it appears here.
        </EmptyState>
      )}
      {items.length > 0 && (
        <MediaGrid
          items={items}
          label="Your favourites"
          pageInfo={data?.favourites.pageInfo}
          onMore={() => fetchMore({ variables: { after: data?.favourites.pageInfo.endCursor } })}
        />
      )}
    </>
  );
}
