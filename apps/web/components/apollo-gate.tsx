"use client";
// Gives a signed-in page the tab's Apollo Client (lib/apollo-cache.ts): the first page of a visit
// waits while the user's persisted cache is restored, so a repeat visit paints the last
// recommendations at once while cache-and-network queries revalidate; later pages get the same
// client at once. Every signed-in page mounts one (components/signed-in-app.tsx) after its own
// server work, which is what lets a title page answer 404 for an unknown title.
import { ApolloProvider } from "@apollo/client/react";
import { useLocale, useTranslations } from "next-intl";
import type { ApolloClient } from "@apollo/client";
import { type ReactNode, startTransition, useEffect, useState } from "react";
import { openClient, persistedCacheKey, readyClient, subscribeToClient } from "../lib/apollo-cache";
import { CardPreviewLayer } from "./card-preview";
import { CardGridSkeleton } from "./skeletons";

/** False until the first gate has mounted: before that the page is hydrating and must render what the server did. */
let hydrated = false;

export function ApolloGate({ userId, dataSource, fallback, children }: { userId: string; dataSource: string; fallback?: ReactNode; children: ReactNode }) {
  const t = useTranslations("common");
  const locale = useLocale();
  const key = persistedCacheKey(userId, dataSource, locale);
  // The server, and the browser while it hydrates the server's HTML, render the page's fallback or
  // the skeleton; a page the tab navigates to later has the client at once.
  const [opened, setOpened] = useState<{ key: string; client: ApolloClient | null }>(() => ({ key, client: hydrated ? readyClient(key) : null }));
  // Never another user's or language's client, not even for the render before the effect below.
  const client = opened.key === key ? opened.client : null;
  useEffect(() => {
    hydrated = true;
    // The page's view mounts in a transition, which React renders in slices between the browser's
    // other work: as a store update it rendered at once, in one of the load's longest tasks
    // (bench/README.md, "Home, browse and title render in slices").
    const update = () => {
      const ready = readyClient(key);
      startTransition(() => setOpened((current) => (current.key === key && current.client === ready ? current : { key, client: ready })));
    };
    const unsubscribe = subscribeToClient(update);
    openClient(key, locale);
    update();
    return unsubscribe;
  }, [key, locale]);

  if (!client) {
    if (fallback) return fallback;
    return (
      <div aria-busy="true" aria-live="polite" className="gate-loading">
        <span className="visually-hidden">{t("loading")}</span>
        <CardGridSkeleton count={8} />
      </div>
    );
  }
  return (
    <ApolloProvider client={client}>
      {children}
      <CardPreviewLayer />
    </ApolloProvider>
  );
}
