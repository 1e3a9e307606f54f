"use client";
// Gives a signed-in page the tab's Apollo Client (lib/apollo-cache.ts): the first page of a visit
// waits while the user's persisted cache is restored, so a repeat visit paints the last
// recommendations at once while cache-and-network queries revalidate; later pages get the same
// client at once. Every signed-in page mounts one (components/signed-in-app.tsx) after its own
// server work, which is what lets a title page answer 404 for an unknown title.
import { ApolloProvider } from "@apollo/client/react";
import { useLocale, useTranslations } from "next-intl";
import { type ReactNode, useEffect, useSyncExternalStore } from "react";
import { openClient, persistedCacheKey, readyClient, subscribeToClient } from "../lib/apollo-cache";
import { CardPreviewLayer } from "./card-preview";
import { CardGridSkeleton } from "./skeletons";

export function ApolloGate({ userId, dataSource, fallback, children }: { userId: string; dataSource: string; fallback?: ReactNode; children: ReactNode }) {
  const t = useTranslations("common");
  const locale = useLocale();
  const key = persistedCacheKey(userId, dataSource, locale);
  // The server, and the browser while it hydrates the server's HTML, render the page's fallback or the skeleton.
  const client = useSyncExternalStore(
    subscribeToClient,
    () => readyClient(key),
    () => null,
  );
  useEffect(() => openClient(key, locale), [key, locale]);

  if (!client) {
    if (fallback) return fallback;
    return (
      <div aria-busy="true" aria-live="polite">
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
