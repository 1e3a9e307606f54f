"use client";
// A seeded view's first cache reads, each in a task of its own, before the view renders them.
//
// With the server's answers in the browser's cache (lib/cache-seed.ts), the longest part of a
// view's first render was Apollo reading an answer back out of the cache (home's 50 titles: 29 ms of
// a 51 ms task at 1× in a Lighthouse trace), inside React's render of the view's component, which
// React cannot slice. Read here first — what useQuery's first render does: watchQuery, then the
// current result — Apollo's result cache keeps each result, so the view's own useQuery finds it
// ready and its render is short (bench/README.md, "The stand-in leaves hidden").
//
// Only while the server's stand-in is on screen (a page's first load, when the view keeps it meanwhile);
// a page the tab navigates to later renders at once.
import type { ApolloClient, DocumentNode } from "@apollo/client";
import { useApolloClient } from "@apollo/client/react";
import { type ReactNode, startTransition, use, useEffect, useState } from "react";
import { KeepStandIn, StandInContext } from "./stand-in";

export interface FirstRead {
  query: DocumentNode;
  variables?: Record<string, unknown>;
}

/** One first read: what useQuery's first render reads, so that its result is then Apollo's to reuse. */
export function readFirst(client: ApolloClient, read: FirstRead) {
  return client.watchQuery({ query: read.query, variables: read.variables }).getCurrentResult();
}

/**
 * `children` once `reads` (the first render's) have each been read from the cache, one per task;
 * until then the gate's stand-in stays (`fallback` if it has gone). The stand-in's context is read
 * here, not in the view: `children`, made by the view, does not render again when it changes.
 */
export function FirstReads({ reads, fallback, children }: { reads: FirstRead[]; fallback?: ReactNode; children: ReactNode }) {
  const client = useApolloClient();
  const standIn = use(StandInContext);
  const [pending] = useState(() => (standIn?.shown ? reads : []));
  const [done, setDone] = useState(pending.length === 0);
  useEffect(() => {
    if (done) return;
    let index = 0;
    // Each read in a task of its own, the first too: effects may run in the task of the commit before.
    const next = () => {
      const read = pending[index++];
      if (!read) {
        startTransition(() => setDone(true));
        return;
      }
      readFirst(client, read);
      timer = setTimeout(next);
    };
    let timer = setTimeout(next);
    return () => clearTimeout(timer);
  }, [client, done, pending]);
  return done ? children : <KeepStandIn>{fallback}</KeepStandIn>;
}
