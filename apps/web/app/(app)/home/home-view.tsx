"use client";
import { useQuery } from "@apollo/client/react";
import { useRouter } from "next/navigation";
import { Fragment, startTransition, useEffect, useState } from "react";
import { MediaGrid } from "../../../components/media-grid";
import { Shelf } from "../../../components/shelf";
import { UndoToast } from "../../../components/undo-toast";
import { Loading } from "../../../components/skeletons";
import { EmptyState, ErrorState } from "../../../components/states";
import { OnMyServicesToggle, hasServices } from "../../../components/on-my-services";
import { HOME_QUERY, ON_MY_SERVICES_SHELF_QUERY, type MediaCard } from "../../../lib/graphql";
import { useMediaActions } from "../../../lib/use-media-actions";
import { MAX_SHELF, TOP_PICKS, homeShelves } from "./shelves";

/** "Hidden X. Undo": the title can come back, and a second Enter does not hide the next card. */
function UndoDismiss({ media, onDone }: { media: MediaCard; onDone: () => void }) {
  const actions = useMediaActions({ ...media, isDismissed: true });
  return <UndoToast message={`Hidden “${media.title}”. You will not be recommended it again.`} onUndo={() => void actions.undoDismiss()} onClose={onDone} />;
}

/** One ranked page feeds every shelf (the API's largest page). */
const PAGE_SIZE = 50;
/**
 * Rows rendered with the page's first answer; the rest (up to a hundred more cards) follow in a
 * transition, which React renders in slices between the browser's other work, so the first paint is
 * not one long task (Lighthouse's Total Blocking Time; bench/README.md).
 */
const FIRST_ROWS = 2;

export function HomeView() {
  const router = useRouter();
  const [onMyServices, setOnMyServices] = useState(false);
  const [hidden, setHidden] = useState<MediaCard | null>(null);
  const filter = onMyServices ? { availableToMe: true } : null;
  const { data, error, loading, refetch, fetchMore, previousData } = useQuery(HOME_QUERY, { variables: { first: PAGE_SIZE, filter } });
  const preferences = data?.preferences ?? previousData?.preferences;
  const needsOnboarding = data?.preferences && !data.preferences.onboarded;
  // "Available on your services": asked only once Settings names services, and not while the whole
  // page is already kept to them.
  const servicesShelf = useQuery(ON_MY_SERVICES_SHELF_QUERY, { variables: { first: MAX_SHELF }, skip: !hasServices(preferences) || onMyServices });
  const onServices = (servicesShelf.data?.recommendations.edges ?? []).filter((edge) => !edge.node.media.isDismissed).slice(0, MAX_SHELF);

  useEffect(() => {
    if (needsOnboarding) router.replace("/onboarding");
  }, [needsOnboarding, router]);
  const [allRows, setAllRows] = useState(false);
  useEffect(() => {
    if (data && !allRows) startTransition(() => setAllRows(true));
  }, [data, allRows]);

  const edges = data?.recommendations.edges.filter((edge) => !edge.node.media.isDismissed) ?? [];
  const reasonsById = new Map([...onServices, ...edges].map((edge) => [edge.node.media.id, edge.node.reasons]));
  const reasonsOf = (media: MediaCard) => reasonsById.get(media.id) ?? [];
  const shelves = homeShelves(edges.map((edge) => ({ media: edge.node.media, reasons: edge.node.reasons })));
  return (
    <>
      <h1>Recommended for you</h1>
      {hasServices(preferences) && <OnMyServicesToggle checked={onMyServices} onChange={setOnMyServices} />}
      {data?.recommendations.coldStart && (
        <p className="muted">Picks from your favourite genres. Favourite or watchlist a few titles and these get more personal.</p>
      )}
      {hidden && <UndoDismiss key={hidden.id} media={hidden} onDone={() => setHidden(null)} />}
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {!data && loading && <Loading label="Loading your recommendations" />}
      {data &&
        edges.length === 0 &&
        (onMyServices ? (
          <EmptyState title="Nothing on your services matches yet.">
            <p>Turn off “Only on my services”, or add services in settings.</p>
          </EmptyState>
        ) : (
          <EmptyState title="Nothing to recommend yet." action={{ href: "/browse", label: "Browse titles" }}>
            <p>Favourite a few titles or widen your preferences in settings, and picks will appear here.</p>
          </EmptyState>
        ))}
      {(allRows ? shelves : shelves.slice(0, FIRST_ROWS)).map((shelf, index) => (
        <Fragment key={shelf.key}>
          <Shelf
            title={shelf.title}
            items={shelf.items.map((item) => item.media)}
            reasonsOf={reasonsOf}
            testId={shelf.key === "top-picks" ? "recommendations" : `shelf-${shelf.key}`}
            showDismiss
            onDismiss={setHidden}
          />
          {index === 0 && onServices.length > 0 && (
            <Shelf
              title="Available on your services"
              items={onServices.map((edge) => edge.node.media)}
              reasonsOf={reasonsOf}
              testId="shelf-on-my-services"
              showDismiss
              onDismiss={setHidden}
            />
          )}
        </Fragment>
      ))}
      {allRows && edges.length > TOP_PICKS && (
        <section aria-labelledby="more-for-you" className="more-for-you">
          <h2 id="more-for-you">More for you</h2>
          <MediaGrid
            items={edges.slice(TOP_PICKS).map((edge) => edge.node.media)}
            reasonsOf={reasonsOf}
            label="More for you"
            testId="more-recommendations"
            showDismiss
            onDismiss={setHidden}
            pageInfo={data?.recommendations.pageInfo}
            onMore={() => fetchMore({ variables: { after: data?.recommendations.pageInfo.endCursor } })}
          />
        </section>
      )}
    </>
  );
}
