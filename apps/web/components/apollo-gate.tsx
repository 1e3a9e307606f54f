"use client";
// Gives a signed-in page the tab's Apollo Client (lib/apollo-cache.ts): the first page of a visit
// waits while the user's persisted cache is restored, so a repeat visit paints the last
// recommendations at once while cache-and-network queries revalidate; later pages get the same
// client at once. Every signed-in page mounts one (components/signed-in-app.tsx) after its own
// server work, which is what lets a title page answer 404 for an unknown title.
import { useLocale, useTranslations } from "next-intl";
import type { ApolloClient, NormalizedCacheObject } from "@apollo/client";
import { type ReactNode, startTransition, Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { loadView, type ViewName } from "../app/(app)/views";
import { CardGridSkeleton } from "./skeletons";
import { StandInContext, ViewShown } from "./stand-in";
import { ErrorState } from "./states";

/**
 * Apollo Client (lib/apollo-cache.ts), its provider (apollo-frame.tsx) and the page's view
 * (app/(app)/views.ts) are loaded by the browser after the document has painted: none is among the
 * page's first scripts, which the first paint waited for (Lighthouse's LCP; bench/README.md).
 * Meanwhile the page shows its server-rendered stand-in, until all three are in.
 */
type ApolloCacheModule = typeof import("../lib/apollo-cache");
let apolloCache: ApolloCacheModule | null = null;
const loadApolloCache = async () => (apolloCache ??= await import("../lib/apollo-cache"));
let ApolloFrame: typeof import("./apollo-frame").default | null = null;
const loadApolloFrame = async () => (ApolloFrame ??= (await import("./apollo-frame")).default);

/** False until the first gate has mounted: before that the page is hydrating and must render what the server did. */
let hydrated = false;

export function ApolloGate({
  userId,
  dataSource,
  view,
  fallback,
  seed,
  children,
}: {
  userId: string;
  dataSource: string;
  /** The page's view (its lazy-view.tsx, in `children`): loaded with Apollo Client's code. */
  view: ViewName;
  fallback?: ReactNode;
  /** The page's first answers from the server (lib/cache-seed.ts): the tab's first client starts from them. */
  seed?: NormalizedCacheObject;
  children: ReactNode;
}) {
  const t = useTranslations("common");
  const locale = useLocale();
  const scope = `${dataSource}:${locale}:${userId}`;
  // The server, and the browser while it hydrates the server's HTML, render the page's fallback or
  // the skeleton; a page the tab navigates to later has the client at once.
  const [opened, setOpened] = useState<{ scope: string; client: ApolloClient | null }>(() => ({
    scope,
    client: hydrated && apolloCache ? apolloCache.readyClient(apolloCache.persistedCacheKey(userId, dataSource, locale)) : null,
  }));
  // Never another user's or language's client, not even for the render before the effect below.
  const client = opened.scope === scope ? opened.client : null;
  // Apollo's code could not be fetched (offline, or a deploy replaced it): say so, and offer a reload.
  const [failed, setFailed] = useState<unknown>(null);
  // The first render's: it is read only when the tab's client is made, which happens once.
  const seedRef = useRef(seed);
  useEffect(() => {
    hydrated = true;
    let unsubscribe = () => {};
    let live = true;
    // In a task of its own, after the hydration's: Apollo's modules are instantiated then. The
    // provider's and the view's code load alongside (the view's was asked for only once the provider
    // had rendered), and the client is handed over once all are in, so the view mounts without
    // suspending.
    const start = setTimeout(
      () =>
        void Promise.all([loadApolloCache(), loadApolloFrame(), loadView(view)]).then(
          async ([{ openClient, persistedCacheKey, readyClient, subscribeToClient }]) => {
            // The promise settles in the task that evaluated the last of those chunks: the client is
            // opened in a task of its own, so neither makes the other's a long one (bench/README.md,
            // "Apollo Client opened in tasks of its own").
            await new Promise((resolve) => setTimeout(resolve));
            if (!live) return;
            const key = persistedCacheKey(userId, dataSource, locale);
            // The page's view mounts in a transition, which React renders in slices between the browser's
            // other work: as a store update it rendered at once, in one of the load's longest tasks
            // (bench/README.md, "Home, browse and title render in slices").
            const update = () => {
              const ready = readyClient(key);
              startTransition(() => setOpened((current) => (current.scope === scope && current.client === ready ? current : { scope, client: ready })));
            };
            unsubscribe = subscribeToClient(update);
            openClient(key, locale, seedRef.current);
            update();
          },
          setFailed,
        ),
    );
    return () => {
      clearTimeout(start);
      live = false;
      unsubscribe();
    };
  }, [scope, userId, dataSource, locale, view]);

  // The stand-in stays, the same elements, until the view has committed something better than it
  // (stand-in.tsx): a view whose first answer is still loading holds it. Counted in state, so that
  // React's development double-run of effects (hold, release, hold) leaves it held; both updates come
  // from layout effects, so React applies them before the browser paints.
  const [holds, setHolds] = useState(0);
  const [viewShown, setViewShown] = useState(false);
  const hold = useCallback(() => {
    setHolds((count) => count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      setHolds((count) => count - 1);
    };
  }, []);
  const onViewShown = useCallback(() => setViewShown(true), []);
  const Frame = ApolloFrame;
  const ready = client !== null && Frame !== null;
  const showStandIn = !ready || !viewShown || holds > 0;
  const standIn = useMemo(() => ({ shown: showStandIn, hold }), [showStandIn, hold]);
  // The stand-in leaves in two steps: hidden (display: none) in the commit that shows the view, then
  // taken out of the document once the browser has drawn a frame without it. Removed while still
  // laid out, its ~180 boxes were taken down inside React's commit, which Chromium's tracing (as
  // Lighthouse records a load) made a 65–95 ms task for home's first row; hidden, the style engine
  // drops them outside any script, and removing what has no boxes costs nothing (bench/README.md,
  // "The stand-in leaves hidden").
  const [standInGone, setStandInGone] = useState(false);
  useEffect(() => {
    if (showStandIn) {
      setStandInGone(false);
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setStandInGone(true));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [showStandIn]);

  const waiting = fallback ?? (
    <div aria-busy="true" aria-live="polite" className="gate-loading">
      <span className="visually-hidden">{t("loading")}</span>
      <CardGridSkeleton count={8} />
    </div>
  );
  if (failed) return <ErrorState error={failed} onRetry={() => window.location.reload()} />;
  // The stand-in first, always in the same place, so that React keeps its elements (those the
  // parser made, adopted by hydration) while the view mounts beside it; its wrapper lays out as if
  // absent (display: contents) until it is hidden. A page the tab navigates to
  // may have the client before its view's code: the stand-in stays meanwhile.
  return (
    <>
      {(showStandIn || !standInGone) && (
        <div className="stand-in" hidden={!showStandIn}>
          {waiting}
        </div>
      )}
      {ready && (
        <Suspense fallback={showStandIn ? null : waiting}>
          <StandInContext value={standIn}>
            <Frame client={client}>{children}</Frame>
          </StandInContext>
          <ViewShown onShown={onViewShown} />
        </Suspense>
      )}
    </>
  );
}
