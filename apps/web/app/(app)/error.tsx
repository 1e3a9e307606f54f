"use client";
// A signed-in page that failed while rendering: words, Try again and the start page, inside the
// layout's <main> (components/page-error.tsx). The cached answers go at once (lib/apollo-cache.ts's
// dropCachedAnswers): one of them may be what failed, and a reload would restore it from storage.
// lib/apollo-cache.ts is imported here only when a page has failed: a static import would put Apollo
// Client (62 kB gzip) in every signed-in route's first load, which the gate loads after first paint.
import { useEffect, useRef } from "react";
import { PageError, type PageErrorProps } from "../../components/page-error";

const dropCachedAnswers = () => import("../../lib/apollo-cache").then(({ dropCachedAnswers }) => dropCachedAnswers());

export default function SignedInPageError(props: PageErrorProps) {
  const dropped = useRef<Promise<void> | null>(null);
  useEffect(() => {
    dropped.current = dropCachedAnswers().catch(() => undefined);
  }, []);
  return <PageError {...props} beforeRetry={() => dropped.current ?? dropCachedAnswers()} />;
}
