// A title's change made just before the page goes away (a reload, a link, the tab closed) is not lost.
// Every card action answers optimistically at once, so a person can favourite a title and reload
// before the API has answered: the browser then abandons the request, which may never have left it,
// and the reloaded page (seeded by the server a moment earlier, lib/cache-seed.ts) shows the title
// as it was. Two defences:
//   - each title mutation is sent with `keepalive` (the Fetch standard's way to let a request outlive
//     its page), so one already on its way reaches the API after the page has gone;
//   - until it is answered it is also kept in localStorage (`pendingWritesKey`), and one still there
//     when the next page of the same person opens its client (a page left while it was in flight) is
//     sent again: every title mutation sets a state ("favourite", "rated 8"), so sending one twice
//     leaves the same state (the API treats adding a favourite twice as no error). Then the page's
//     queries ask again, so lists show the change too.
// Only the title mutations below are kept and replayed, and only for a few minutes: an older one may
// have been overtaken by what the person did since in another tab.
import { type ApolloClient, ApolloLink, type DocumentNode } from "@apollo/client";
import { OperationTypeNode } from "graphql";
import { finalize, tap } from "rxjs";
import { ADD_FAVOURITE, ADD_TO_WATCHLIST, CLEAR_RATING, DISMISS, MARK_WATCHED, RATE, REMOVE_FAVOURITE, REMOVE_FROM_WATCHLIST, UNDO_DISMISS } from "./graphql";

/** The mutations kept until answered, by operation name: each sets a title's state, so sending one again is safe. */
const REPLAYABLE: Record<string, DocumentNode> = {
  AddFavourite: ADD_FAVOURITE,
  RemoveFavourite: REMOVE_FAVOURITE,
  AddToWatchlist: ADD_TO_WATCHLIST,
  RemoveFromWatchlist: REMOVE_FROM_WATCHLIST,
  MarkWatched: MARK_WATCHED,
  Dismiss: DISMISS,
  UndoDismiss: UNDO_DISMISS,
  Rate: RATE,
  ClearRating: CLEAR_RATING,
};

/** A kept mutation older than this is dropped, not sent again. */
export const PENDING_WRITE_MAX_AGE_MS = 5 * 60_000;

export const PENDING_WRITES_PREFIX = "movierec-pending-writes";

/** Where a client's unanswered title mutations are kept: one list per persisted cache (lib/apollo-cache.ts). */
export function pendingWritesKey(cacheKey: string): string {
  return `${PENDING_WRITES_PREFIX}:${cacheKey}`;
}

export interface PendingWrite {
  /** Unique within the tab and the load: which entry to take out when its answer comes. */
  id: string;
  operationName: string;
  variables: Record<string, unknown>;
  /** Date.now() when it was sent. */
  at: number;
}

type Store = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export function readPendingWrites(storage: Store, key: string): PendingWrite[] {
  try {
    const stored = JSON.parse(storage.getItem(key) ?? "[]") as unknown;
    return Array.isArray(stored)
      ? (stored as PendingWrite[]).filter((write) => typeof write?.operationName === "string" && write.operationName in REPLAYABLE)
      : [];
  } catch {
    return [];
  }
}

function writePendingWrites(storage: Store, key: string, writes: PendingWrite[]): void {
  try {
    if (writes.length === 0) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify(writes));
  } catch {
    // Storage full or refused: the write still goes, it is only not kept.
  }
}

/**
 * True once the page is being left (`pagehide`), until it is shown again (`pageshow`, back from the
 * back/forward cache): nothing is taken out then, whatever becomes of the requests.
 */
let leaving = false;
let watchingPage = false;
function watchPage(): void {
  if (watchingPage || typeof window === "undefined") return;
  watchingPage = true;
  window.addEventListener("pagehide", () => (leaving = true));
  window.addEventListener("pageshow", () => (leaving = false));
}

/**
 * A change whose request failed without an answer is taken out this long after, if the page is still
 * here: a browser may fail a page's requests as soon as a navigation starts, before the page is
 * hidden, and a change that failed while the person stayed was reported to them (and rolled back), so
 * it should not be sent behind their back on the next page.
 */
export const FORGET_FAILED_MS = 3_000;

let sequence = 0;

/**
 * The link that keeps each title mutation in `storage` under `key` from when it is sent until it is
 * answered (or refused), or a moment after it failed while the page stayed; and sends it with `keepalive`.
 */
export function keepPendingWrites(key: string, storage: Store = window.localStorage, forgetFailedMs = FORGET_FAILED_MS): ApolloLink {
  watchPage();
  return new ApolloLink((operation, forward) => {
    const name = operation.operationName;
    if (operation.operationType !== OperationTypeNode.MUTATION || !name || !(name in REPLAYABLE)) return forward(operation);
    const entry: PendingWrite = { id: `${Date.now().toString(36)}-${++sequence}`, operationName: name, variables: operation.variables, at: Date.now() };
    writePendingWrites(storage, key, [...readPendingWrites(storage, key), entry]);
    operation.setContext(({ fetchOptions }: { fetchOptions?: RequestInit }) => ({ fetchOptions: { ...fetchOptions, keepalive: true } }));
    const takeOut = () => {
      if (leaving) return;
      writePendingWrites(
        storage,
        key,
        readPendingWrites(storage, key).filter((write) => write.id !== entry.id),
      );
    };
    let answered = false;
    return forward(operation).pipe(
      // The API answered (its answer may be a refusal): it has what it will ever have of this change.
      tap(() => {
        answered = true;
        takeOut();
      }),
      finalize(() => {
        if (!answered) setTimeout(takeOut, forgetFailedMs);
      }),
    );
  });
}

/**
 * Sends again, in the order they were made, the title mutations a page left unanswered under `key`
 * (fresh ones only), then has the client's active queries ask again. Resolves with how many were sent.
 */
export async function replayPendingWrites(client: ApolloClient, key: string, storage: Store = window.localStorage, now = Date.now()): Promise<number> {
  const writes = readPendingWrites(storage, key).filter((write) => now - write.at <= PENDING_WRITE_MAX_AGE_MS);
  // Taken out first: each goes through keepPendingWrites again, which keeps it until it is answered.
  storage.removeItem(key);
  if (writes.length === 0) return 0;
  await Promise.allSettled(
    writes.map((write) => {
      const mutation = REPLAYABLE[write.operationName];
      return mutation && client.mutate({ mutation, variables: write.variables });
    }),
  );
  await client.refetchQueries({ include: "active" }).catch(() => undefined);
  return writes.length;
}
