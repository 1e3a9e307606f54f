// What the web app keeps of a signed-in person in this browser, by key prefix, and its removal: the
// persisted Apollo cache (localStorage, lib/apollo-cache.ts) and the title changes a tab keeps until
// answered (sessionStorage, lib/pending-writes.ts). Its own module, with no Apollo import, so that
// signed-out pages can remove it (components/forget-signed-out-data.tsx) without loading Apollo.

export const CACHE_KEY_PREFIX = "movierec-apollo";
export const PENDING_WRITES_PREFIX = "movierec-pending-writes";
/** The id of the page whose changes a tab keeps, while it is open (lib/pending-writes.ts); removed with the rest at sign-out. */
export const OPEN_PAGE_KEY = "movierec-open-page";

/** Where a tab's unanswered title mutations are kept: one list per persisted cache. */
export function pendingWritesKey(cacheKey: string): string {
  return `${PENDING_WRITES_PREFIX}:${cacheKey}`;
}

/**
 * Removes every persisted cache (another user's, an old schema's) and its unanswered title changes
 * (this tab's, in sessionStorage; older releases kept them in localStorage) except `keep`'s: its
 * cache in localStorage and its changes in sessionStorage.
 */
export function removePersistedCaches(options: { keep?: string } = {}): void {
  const kept = new Map<Storage, string | undefined>([
    [window.localStorage, options.keep],
    [window.sessionStorage, options.keep === undefined ? undefined : pendingWritesKey(options.keep)],
  ]);
  for (const [storage, keep] of kept) {
    const stale: string[] = [];
    for (let index = 0; index < storage.length; index++) {
      const key = storage.key(index);
      if (key && (key.startsWith(CACHE_KEY_PREFIX) || key.startsWith(PENDING_WRITES_PREFIX)) && key !== keep) stale.push(key);
    }
    for (const key of stale) storage.removeItem(key);
  }
  if (options.keep === undefined) window.sessionStorage.removeItem(OPEN_PAGE_KEY);
}

const forgetListeners = new Set<() => void>();

/**
 * lib/apollo-cache.ts registers here how to stop its live client's persistence, so a signed-out page
 * reached by a client-side navigation (a session ended elsewhere sends a signed-in page to /signin)
 * can stop it before removing what it kept, without importing Apollo itself.
 */
export function onForgetPersistedData(listener: () => void): void {
  forgetListeners.add(listener);
}

/** For a page rendered for nobody signed in: stops whatever this page still persists for the last person, then removes what it kept. */
export function forgetPersistedData(): void {
  for (const listener of forgetListeners) listener();
  removePersistedCaches();
}
