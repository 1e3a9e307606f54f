"use client";
// Restores the user's persisted Apollo cache before the app shell first renders, so a repeat
// visit paints the last recommendations at once while cache-and-network queries revalidate.
import type { ApolloClient } from "@apollo/client";
import { ApolloProvider } from "@apollo/client/react";
import { type ReactNode, useEffect, useState } from "react";
import { createCache, createClient, createPersistor, persistedCacheKey, removePersistedCaches, setActivePersistor } from "../lib/apollo-cache";
import { CardPreviewLayer } from "./card-preview";
import { CardGridSkeleton } from "./skeletons";

export function ApolloGate({ userId, dataSource, children }: { userId: string; dataSource: string; children: ReactNode }) {
  const [client, setClient] = useState<ApolloClient | null>(null);

  useEffect(() => {
    let cancelled = false;
    const cache = createCache();
    const key = persistedCacheKey(userId, dataSource);
    const persistor = createPersistor({ cache, key });
    removePersistedCaches({ keep: key });
    persistor
      .restore()
      .catch(() => persistor.purge()) // an unreadable cache is dropped, not fatal
      .then(() => {
        if (cancelled) return;
        setActivePersistor(persistor);
        setClient(createClient(cache));
      });
    return () => {
      cancelled = true;
      persistor.pause();
      setActivePersistor(null);
    };
  }, [userId, dataSource]);

  if (!client) {
    return (
      <div aria-busy="true" aria-live="polite">
        <span className="visually-hidden">Loading…</span>
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
