"use client";
import { useQuery } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import { MediaGrid } from "../../../components/media-grid";
import { EmptyState, ErrorState } from "../../../components/states";
import { UndoToast } from "../../../components/undo-toast";
import { FAVOURITES_QUERY, type MediaCard } from "../../../lib/graphql";
import { useMediaActions } from "../../../lib/use-media-actions";
import { useAddedDates, useUndoRemoval } from "../../../lib/use-undo-removal";
import { FirstReads } from "../../../components/first-reads";
import { KeepStandIn } from "../../../components/stand-in";
import { FavouritesLoading } from "./favourites-loading";
import { FAVOURITES_VARIABLES } from "./first-query";

/** "Removed X from your favourites. Undo": favourites it again, in its place (as of when it was added). */
function UndoUnfavourite({ media, addedAt, onClose }: { media: MediaCard; addedAt: string | undefined; onClose: () => void }) {
  const t = useTranslations("lists.favourites");
  const actions = useMediaActions(media);
  return <UndoToast message={t("removed", { title: media.title })} onUndo={() => void actions.toggleFavourite(addedAt)} onClose={onClose} mediaId={media.id} />;
}

export function FavouritesView() {
  // The server's answer, read from the cache in a task of its own before the page renders it.
  return (
    <FirstReads
      reads={[{ query: FAVOURITES_QUERY, variables: FAVOURITES_VARIABLES, entitiesAt: ["favourites", "edges", "node"] }]}
      fallback={<FavouritesLoading />}
    >
      <Favourites />
    </FirstReads>
  );
}

function Favourites() {
  const t = useTranslations("lists.favourites");
  const { data, error, loading, refetch, fetchMore } = useQuery(FAVOURITES_QUERY, { variables: FAVOURITES_VARIABLES });
  // A favourite removed here leaves the list at once (optimistically), before the refetch.
  const all = data?.favourites.edges.map((edge) => edge.node) ?? [];
  const items = all.filter((media) => media.isFavourite);
  const { removed, close } = useUndoRemoval(all, (media) => !media.isFavourite);
  const addedDates = useAddedDates(data?.favourites.edges);
  // The page's stand-in stays, the same elements, until the first answer (components/stand-in.tsx).
  if (!data && loading && !error)
    return (
      <KeepStandIn>
        <FavouritesLoading />
      </KeepStandIn>
    );
  return (
    <>
      <h1>{t("heading")}</h1>
      {removed && <UndoUnfavourite key={removed.id} media={removed} addedAt={addedDates.get(removed.id)} onClose={() => close(removed.id)} />}
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {data && items.length === 0 && (
        <EmptyState title={t("empty.title")} action={{ href: "/browse", label: t("empty.action") }}>
          {t("empty.body")}
        </EmptyState>
      )}
      {items.length > 0 && (
        <MediaGrid
          items={items}
          label={t("grid")}
          pageInfo={data?.favourites.pageInfo}
          onMore={() => fetchMore({ variables: { after: data?.favourites.pageInfo.endCursor } })}
        />
      )}
    </>
  );
}
