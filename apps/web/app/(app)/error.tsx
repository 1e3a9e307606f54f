"use client";
// A signed-in page that failed while rendering: words, Try again and the start page, inside the
// layout's <main> (components/page-error.tsx). The cached answers go at once (lib/apollo-cache.ts's
// dropCachedAnswers): one of them may be what failed, and a reload would restore it from storage.
import { useEffect, useRef } from "react";
import { PageError, type PageErrorProps } from "../../components/page-error";
import { dropCachedAnswers } from "../../lib/apollo-cache";

export default function SignedInPageError(props: PageErrorProps) {
  const dropped = useRef<Promise<void> | null>(null);
  useEffect(() => {
    dropped.current = dropCachedAnswers().catch(() => undefined);
  }, []);
  return <PageError {...props} beforeRetry={() => dropped.current ?? dropCachedAnswers()} />;
}
