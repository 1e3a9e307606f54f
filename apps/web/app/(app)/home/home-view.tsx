"use client";
import { useQuery } from "@apollo/client/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Fragment, startTransition, useDeferredValue, useEffect, useState } from "react";
import { MediaGrid } from "../../../components/media-grid";
import { Shelf } from "../../../components/shelf";
import { UndoToast } from "../../../components/undo-toast";
import { Loading } from "../../../components/skeletons";
import { EmptyState, ErrorState } from "../../../components/states";
import { OnMyServicesToggle } from "../../../components/on-my-services";
import { hasServices } from "../../../lib/services";
import { HOME_QUERY, ON_MY_SERVICES_SHELF_QUERY, type MediaCard } from "../../../lib/graphql";
import { useMediaActions } from "../../../lib/use-media-actions";
import { HomePreview, type HomePreviewData } from "./home-preview";
import { HOME_PAGE_SIZE, MAX_SHELF, type ShelfTitle, TOP_PICKS, homeShelves } from "./shelves";
import { KeepStandIn } from "../../../components/stand-in";
import { FirstReads } from "../../../components/first-reads";

/** "Hidden X. Undo": the title can come back, and a second Enter does not hide the next card. */
function UndoDismiss({ media, onDone }: { media: MediaCard; onDone: () => void }) {
  const t = useTranslations("home");
  const actions = useMediaActions({ ...media, isDismissed: true });
  return <UndoToast message={t("hidden", { title: media.title })} onUndo={() => void actions.undoDismiss()} onClose={onDone} mediaId={media.id} />;
}

/**
 * Rows rendered with the page's first answer; the rest (up to a hundred more cards) follow in a
 * transition, which React renders in slices between the browser's other work, so the first paint is
 * not one long task (Lighthouse's Total Blocking Time; bench/README.md).
 */
const FIRST_ROWS = 2;

export function HomeView({ preview }: { preview?: HomePreviewData }) {
  // The server's answers, read from the cache in tasks of their own before the page renders them.
  return (
    <FirstReads
      reads={[
        // Its 50 titles a slice per task first (first-reads.tsx, entitySlices).
        { query: HOME_QUERY, variables: { first: HOME_PAGE_SIZE, filter: null }, entitiesAt: ["recommendations", "edges", "node", "media"] },
        ...(preview?.servicesToggle ? [{ query: ON_MY_SERVICES_SHELF_QUERY, variables: { first: MAX_SHELF } }] : []),
      ]}
      fallback={preview && <HomePreview preview={preview} />}
    >
      <HomeContent preview={preview} />
    </FirstReads>
  );
}

function HomeContent({ preview }: { preview?: HomePreviewData }) {
  const t = useTranslations("home");
  const router = useRouter();
  const [onMyServices, setOnMyServices] = useState(false);
  const [hidden, setHidden] = useState<MediaCard | null>(null);
  const filter = onMyServices ? { availableToMe: true } : null;
  const query = useQuery(HOME_QUERY, { variables: { first: HOME_PAGE_SIZE, filter } });
  const { error, refetch, fetchMore, previousData } = query;
  // An answer reaches React through Apollo's store subscription, whose updates render at once, in
  // one task; the page's ≈ 120 cards were the load's longest task. Deferred, the cards render in a
  // background render React slices between the browser's other work, while what is on screen (the
  // server's first row, or the previous answer) stays until it commits.
  const data = useDeferredValue(query.data);
  const preferences = data?.preferences ?? previousData?.preferences;
  const needsOnboarding = data?.preferences && !data.preferences.onboarded;
  // "Available on your services": asked only once Settings names services, and not while the whole
  // page is already kept to them.
  const servicesShelf = useQuery(ON_MY_SERVICES_SHELF_QUERY, { variables: { first: MAX_SHELF }, skip: !hasServices(preferences) || onMyServices });
  const onServices = (servicesShelf.data?.recommendations.edges ?? []).filter((edge) => !edge.node.media.isDismissed).slice(0, MAX_SHELF);
  // That shelf goes under the first row, so the rows below it wait until it has answered (or is not
  // asked): arriving later, it pushed rows already in view down (0.086 of a phone's screen).
  const servicesSettled = !hasServices(preferences) || onMyServices || Boolean(servicesShelf.data) || Boolean(servicesShelf.error);

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
  const titleOf = (title: ShelfTitle) => ("text" in title ? title.text : t(`shelves.${title.heading}`));
  const shelves = homeShelves(edges.map((edge) => ({ media: edge.node.media, reasons: edge.node.reasons })));
  // The first row the server rendered into the document stays, the same elements, until this page's
  // own answer comes (components/stand-in.tsx). Only for the first answer: a later wait (the person
  // turned "Only on my services" on) keeps the live switch and says it is loading, not the server's
  // unfiltered row with a disabled switch.
  if (!data && !error && preview && !previousData)
    return (
      <KeepStandIn>
        <HomePreview preview={preview} />
      </KeepStandIn>
    );
  return (
    <>
      <h1>{t("heading")}</h1>
      {hasServices(preferences) && <OnMyServicesToggle checked={onMyServices} onChange={setOnMyServices} />}
      {data?.recommendations.coldStart && <p className="muted">{t("coldStart")}</p>}
      {hidden && <UndoDismiss key={hidden.id} media={hidden} onDone={() => setHidden(null)} />}
      {error && <ErrorState error={error} onRetry={() => void refetch()} />}
      {!data && !error && <Loading label={t("loading")} />}
      {data &&
        edges.length === 0 &&
        (onMyServices ? (
          <EmptyState title={t("empty.onMyServices.title")}>
            <p>{t("empty.onMyServices.body")}</p>
          </EmptyState>
        ) : (
          <EmptyState title={t("empty.nothing.title")} action={{ href: "/browse", label: t("empty.nothing.action") }}>
            <p>{t("empty.nothing.body")}</p>
          </EmptyState>
        ))}
      {shelves.slice(0, servicesSettled ? (allRows ? shelves.length : FIRST_ROWS) : 1).map((shelf, index) => (
        <Fragment key={shelf.key}>
          <Shelf
            title={titleOf(shelf.title)}
            items={shelf.items.map((item) => item.media)}
            reasonsOf={reasonsOf}
            testId={shelf.key === "top-picks" ? "recommendations" : `shelf-${shelf.key}`}
            showDismiss
            onDismiss={setHidden}
          />
          {index === 0 && onServices.length > 0 && (
            <Shelf
              title={t("shelves.onMyServices")}
              items={onServices.map((edge) => edge.node.media)}
              reasonsOf={reasonsOf}
              testId="shelf-on-my-services"
              showDismiss
              onDismiss={setHidden}
            />
          )}
        </Fragment>
      ))}
      {allRows && servicesSettled && edges.length > TOP_PICKS && (
        <section aria-labelledby="more-for-you" className="more-for-you">
          <h2 id="more-for-you">{t("moreForYou")}</h2>
          <MediaGrid
            items={edges.slice(TOP_PICKS).map((edge) => edge.node.media)}
            reasonsOf={reasonsOf}
            label={t("moreForYou")}
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
