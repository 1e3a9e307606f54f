// A title's change made just before the page goes away (a reload, a link, the tab closed) is not lost
// and not shown undone. Every card action answers optimistically at once, so a person can favourite a
// title and reload before the API has answered: the browser then abandons the request, which may
// never have left it, and the reloaded page (seeded by the server a moment earlier, lib/cache-seed.ts)
// shows the title as it was. Two defences:
//   - each title mutation is sent with `keepalive` (the Fetch standard's way to let a request outlive
//     its page), so one already on its way reaches the API after the page has gone;
//   - each is also kept in the tab's sessionStorage (`pendingWritesKey`, lib/persisted-data.ts) with when it settled
//     (answered, refused or failed). The tab's next page of the same person sends again the ones that
//     never settled (the page went first) and the ones that settled after that page's navigation
//     began: the server may have read the page's seed before such a change reached it, and a failure
//     then was the navigation's, not one the person was shown. Every title mutation sets a state
//     ("favourite", "rated 8"), so sending one twice leaves the same state (the API treats adding a
//     favourite twice as no error). Then the page's queries ask again, so lists show the change too.
// sessionStorage, not localStorage: a reload or a link stays in its tab, and a page opened in another
// tab must not send again what a live page is still waiting on — that page's Undo could arrive first
// and be overtaken. (A tab closed with a change in flight relies on `keepalive` alone.) A duplicated
// tab starts with a copy of its original's sessionStorage, so each entry names the page that sent it,
// and a page asks (BroadcastChannel) whether those pages are still open before sending theirs again:
// an open page's entries are its own, and the copy drops them.
// Only the title mutations below are kept and replayed, and only for a few minutes: an older one may
// have been overtaken by what the person did since in another tab or an app.
import { type ApolloClient, ApolloLink, type DocumentNode } from "@apollo/client";
import { OperationTypeNode } from "graphql";
import { finalize, tap } from "rxjs";
import { OPEN_PAGE_KEY } from "./persisted-data";
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

export interface PendingWrite {
  /** Unique within the tab and the load: which entry to take out when its answer comes. */
  id: string;
  /** The page (one load of a document: PageIdentity.id) that sent it; absent in entries kept by older releases. */
  page?: string;
  operationName: string;
  variables: Record<string, unknown>;
  /** Date.now() when it was sent. */
  at: number;
  /** Date.now() when it was answered or failed; absent while in flight (or if its page went first). */
  settledAt?: number;
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

let sequence = 0;

/** One load of a page, as other pages of this browser can ask about it: whether it is still open. */
export interface PageIdentity {
  id: string;
  /** Which of `ids` belong to pages still open (each answers within `waitMs`); none without BroadcastChannel. */
  openPages(ids: readonly string[], waitMs?: number): Promise<Set<string>>;
  close(): void;
}

/** How long a page waits for open pages to answer before it sends their entries again. */
const OPEN_PAGE_ANSWER_MS = 150;

export function pageIdentity(channelName = "movierec-pages"): PageIdentity {
  const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  const channel = typeof BroadcastChannel === "function" ? new BroadcastChannel(channelName) : undefined;
  const answer = (event: MessageEvent) => {
    const asked = (event.data as { ask?: unknown } | null)?.ask;
    if (Array.isArray(asked) && asked.includes(id)) channel?.postMessage({ open: id });
  };
  channel?.addEventListener("message", answer);
  // (Node's BroadcastChannel would keep a process alive; a browser's has no unref.)
  (channel as { unref?: () => void } | undefined)?.unref?.();
  return {
    id,
    async openPages(ids, waitMs = OPEN_PAGE_ANSWER_MS) {
      const open = new Set<string>();
      if (!channel || ids.length === 0) return open;
      const heard = (event: MessageEvent) => {
        const page = (event.data as { open?: unknown } | null)?.open;
        if (typeof page === "string" && ids.includes(page)) open.add(page);
      };
      channel.addEventListener("message", heard);
      channel.postMessage({ ask: ids });
      await new Promise((resolve) => setTimeout(resolve, waitMs));
      channel.removeEventListener("message", heard);
      return open;
    },
    close: () => channel?.close(),
  };
}

// OPEN_PAGE_KEY (lib/persisted-data.ts) is in a tab's sessionStorage while the page that kept its
// changes is open (removed at `pagehide`): a tab that finds another page's id there is a copy of an
// open tab, and asks; after a reload or a link it is gone, and the next page sends the last one's
// changes at once, without asking.
export { OPEN_PAGE_KEY };

let currentPage: PageIdentity | undefined;
/** This page's identity, made (and listening) with its first kept change or replay. */
function thisPage(): PageIdentity {
  if (currentPage) return currentPage;
  const page = pageIdentity();
  if (typeof window !== "undefined")
    window.addEventListener("pagehide", () => {
      try {
        if (window.sessionStorage.getItem(OPEN_PAGE_KEY) === page.id) window.sessionStorage.removeItem(OPEN_PAGE_KEY);
      } catch {
        // Storage refused: nothing was marked either.
      }
    });
  currentPage = page;
  return page;
}

function markOpen(storage: Store, page: PageIdentity): void {
  try {
    storage.setItem(OPEN_PAGE_KEY, page.id);
  } catch {
    // Storage refused: a copy of this tab then sends what it finds, as before.
  }
}

/** A replayed mutation's context: the kept entry it sends again (kept under the same id). */
interface ReplayContext {
  replaying?: PendingWrite;
}

/**
 * The link that keeps each title mutation in `storage` under `key`, marked settled once answered or
 * failed, and sends it with `keepalive`. Entries older than PENDING_WRITE_MAX_AGE_MS are dropped. A
 * replayed one that fails without an answer stays unsettled: nobody was shown that failure, so it is
 * sent again (replayPendingWrites) rather than forgotten.
 */
export function keepPendingWrites(key: string, storage: Store = window.sessionStorage, page: PageIdentity = thisPage()): ApolloLink {
  return new ApolloLink((operation, forward) => {
    const name = operation.operationName;
    if (operation.operationType !== OperationTypeNode.MUTATION || !name || !(name in REPLAYABLE)) return forward(operation);
    const { replaying } = operation.getContext() as ReplayContext;
    const sentAt = Date.now();
    const entry: PendingWrite = replaying
      ? { id: replaying.id, page: page.id, operationName: name, variables: operation.variables, at: replaying.at }
      : {
          id: `${sentAt.toString(36)}-${Math.random().toString(36).slice(2, 8)}-${++sequence}`,
          page: page.id,
          operationName: name,
          variables: operation.variables,
          at: sentAt,
        };
    const others = readPendingWrites(storage, key).filter((write) => write.id !== entry.id && sentAt - write.at <= PENDING_WRITE_MAX_AGE_MS);
    writePendingWrites(storage, key, [...others, entry]);
    markOpen(storage, page);
    operation.setContext(({ fetchOptions }: { fetchOptions?: RequestInit }) => ({ fetchOptions: { ...fetchOptions, keepalive: true } }));
    let settled = false;
    const settle = () => {
      if (settled) return;
      settled = true;
      const settledAt = Date.now();
      writePendingWrites(
        storage,
        key,
        readPendingWrites(storage, key).map((write) => (write.id === entry.id ? { ...write, settledAt } : write)),
      );
    };
    let failed = false;
    // Answered (its answer may be a refusal), failed, or given up: marked, not taken out, because the
    // page may be on its way out (a browser fails a page's requests as a navigation goes on).
    return forward(operation).pipe(
      tap({
        next: settle,
        error: () => {
          failed = true;
          if (!replaying) settle();
        },
      }),
      finalize(() => !(replaying && failed) && settle()),
    );
  });
}

export interface ReplayOptions {
  storage?: Store;
  now?: number;
  /** This page's navigation start (epoch ms). */
  navigationStart?: number;
  /** Where `online` is heard: a replay that failed without an answer goes again then. */
  online?: EventTarget;
  /** This page: entries of other pages still open (a duplicated tab's original) are theirs, not sent again here. */
  page?: PageIdentity;
}

/**
 * Sends again, in the order they were made, the title mutations under `key` that never settled or
 * settled after `navigationStart` (this page's; fresh ones only), then has the client's active queries
 * ask again. One that fails without an answer (offline still) is kept and sent again when the browser
 * is back online, or by the next page. Resolves with how many were sent.
 */
export async function replayPendingWrites(client: ApolloClient, key: string, options: ReplayOptions = {}): Promise<number> {
  // The navigation's start on Date.now()'s clock, which settledAt was read from: performance.timeOrigin
  // is on the monotonic clock, which stops while a device sleeps and can lag Date.now() after.
  const { storage = window.sessionStorage, now = Date.now(), navigationStart = Date.now() - performance.now(), online = window, page = thisPage() } = options;
  // No slack before the navigation's start: a change answered before it is in what the server read
  // for this page, and sending it again could undo what was changed since (another tab, an app).
  const found = readPendingWrites(storage, key);
  const fresh = found.filter((write) => now - write.at <= PENDING_WRITE_MAX_AGE_MS && (write.settledAt === undefined || write.settledAt >= navigationStart));
  // A page still open elsewhere (this tab is its duplicate) waits on its own changes itself. Asked
  // only when this tab's storage says such a page was open as it was copied.
  const openMark = (() => {
    try {
      return storage.getItem(OPEN_PAGE_KEY);
    } catch {
      return null;
    }
  })();
  const askAbout = openMark && openMark !== page.id ? [...new Set(fresh.flatMap((write) => (write.page && write.page !== page.id ? [write.page] : [])))] : [];
  const open = askAbout.length > 0 ? await page.openPages(askAbout) : new Set<string>();
  const writes = fresh
    .filter((write) => !write.page || !open.has(write.page))
    // In the order they were made: a replay kept again goes to the end of the stored list.
    .sort((a, b) => a.at - b.at);
  // The rest are dropped; these are kept (unsettled) by keepPendingWrites as they go again, and so is
  // any change this page made while it waited for an answer (read again, not overwritten).
  const chosen = new Set(writes.map((write) => write.id));
  const seen = new Set(found.map((write) => write.id));
  writePendingWrites(
    storage,
    key,
    readPendingWrites(storage, key).filter((write) => chosen.has(write.id) || !seen.has(write.id)),
  );
  markOpen(storage, page);
  if (writes.length === 0) return 0;
  const results = await Promise.allSettled(
    writes.map((write) =>
      client.mutate({ mutation: REPLAYABLE[write.operationName]!, variables: write.variables, context: { replaying: write } satisfies ReplayContext }),
    ),
  );
  // Those still unsettled failed without an answer: again once online, and only those.
  const sent = new Set(writes.map((write) => write.id));
  const unanswered = readPendingWrites(storage, key).some((write) => sent.has(write.id) && write.settledAt === undefined);
  if (results.some((result) => result.status === "rejected") && unanswered) {
    const again = () => void replayPendingWrites(client, key, { ...options, now: undefined, navigationStart: Number.POSITIVE_INFINITY }).catch(() => undefined);
    online.addEventListener("online", again, { once: true });
  }
  await client.refetchQueries({ include: "active" }).catch(() => undefined);
  return writes.length;
}
