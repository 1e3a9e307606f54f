// The browser's Apollo Client and its cache, persisted to localStorage per signed-in user.
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, type NormalizedCacheObject } from "@apollo/client";
import { relayStylePagination } from "@apollo/client/utilities";
import { CachePersistor, LocalStorageWrapper } from "apollo3-cache-persist";
import { keepPendingWrites, replayPendingWrites } from "./pending-writes";
import { CACHE_KEY_PREFIX, onForgetPersistedData, pendingWritesKey, removePersistedCaches } from "./persisted-data";
import { publicEnv } from "./public-env";
import { endSeedWindowOnInput, mutationsEndSeedWindow } from "./seed-window";
import { titleMutationsInOrder } from "./title-mutation-order";

/** From a hash of packages/schema/schema.graphql (next.config.ts): a schema change starts a fresh cache. */
const SCHEMA_VERSION = publicEnv.NEXT_PUBLIC_SCHEMA_VERSION;
/** localStorage gives an origin about 5 MB; stay well inside it (apollo3-cache-persist skips larger writes). */
const MAX_PERSISTED_BYTES = 2 * 1024 * 1024;
/** The cache is written to localStorage this long after it last changed. */
const PERSIST_DEBOUNCE_MS = 500;

/**
 * One persisted cache per schema, data source, interface language and user. The data source
 * (dataSourceScope in lib/data-source.ts) changes when the product moves from the offline catalogue
 * to TMDB: a cache of the old one holds its titles and image URLs (which the new
 * Content-Security-Policy refuses), so it is dropped rather than shown. The language: the API names
 * genres and words reasons in it, so a cache of another language's answers is dropped too.
 */
export function persistedCacheKey(userId: string, dataSource: string, locale: string): string {
  return `${CACHE_KEY_PREFIX}:${SCHEMA_VERSION}:${dataSource}:${locale}:${userId}`;
}

export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      Media: { keyFields: ["id"] },
      // One Preferences per (user-keyed) cache: a mutation's answer replaces what every query shows.
      Preferences: { keyFields: [] },
      Query: {
        fields: {
          recommendations: relayStylePagination(["filter"]),
          browse: relayStylePagination(["filter", "sort"]),
          searchMedia: relayStylePagination(["query", "type"]),
          favourites: relayStylePagination(),
          dismissed: relayStylePagination(),
          watchlist: relayStylePagination(["watched"]),
        },
      },
    },
  });
}

/**
 * How long after a seeded client is made (openClient) its queries take what the cache holds instead
 * of asking the API again: long enough for the page's view to mount and ask its first queries on a
 * slow phone. A query asked later, or a page's when nothing was seeded, revalidates as usual; the
 * person's first key or pointer press, or a mutation, ends the moment at once (seed-window.ts).
 * Settings' ten panels mount one after another: with 2 s, a loaded CI host mounted the last two
 * (third-party apps, the account) after the moment and they asked again (first-load.spec.ts).
 */
const SEED_FRESH_MS = 5_000;

/**
 * `locale`: the interface's language, sent as Accept-Language so the API answers in it (docs/api.md,
 * "Languages"). `seeded`: the cache holds the page's answers from the server (cache-seed.ts), fresh
 * enough not to ask for them again at once (Apollo's `ssrForceFetchDelay`). `pendingWrites`: where
 * title changes are kept until answered (lib/pending-writes.ts), none when absent.
 */
export function createClient(cache: InMemoryCache, locale: string, options: { seeded?: boolean; pendingWrites?: string } = {}): ApolloClient {
  const keep = options.pendingWrites === undefined ? [] : [keepPendingWrites(options.pendingWrites)];
  return new ApolloClient({
    link: ApolloLink.from([mutationsEndSeedWindow, ...keep, titleMutationsInOrder, new HttpLink({ uri: "/graphql", headers: { "accept-language": locale } })]),
    cache,
    ssrForceFetchDelay: options.seeded ? SEED_FRESH_MS : 0,
    defaultOptions: {
      // A repeat visit paints what the persisted cache holds at once, then revalidates.
      watchQuery: { fetchPolicy: "cache-and-network", nextFetchPolicy: "cache-first" },
    },
  });
}

export function createPersistor(options: { cache: InMemoryCache; key: string }): CachePersistor<unknown> {
  return new CachePersistor({
    cache: options.cache,
    storage: new LocalStorageWrapper(window.localStorage),
    key: options.key,
    maxSize: MAX_PERSISTED_BYTES,
    debounce: PERSIST_DEBOUNCE_MS,
  });
}

/**
 * The tab's one Apollo Client for the signed-in user: made, and their persisted cache restored, the
 * first time a signed-in page mounts, then shared by every page the tab navigates to. Each page
 * mounts its own gate (components/apollo-gate.tsx), so a page can finish its server work (a title
 * page's 404) before the browser-only part starts; the client outlives the gates.
 */
interface ClientSession {
  key: string;
  persistor: CachePersistor<unknown>;
  /** Null until the persisted cache is restored. */
  client: ApolloClient | null;
}
let session: ClientSession | null = null;
const sessionListeners = new Set<() => void>();

export function subscribeToClient(listener: () => void): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

/** The client for `key` once its cache is restored; null before (or for another user). */
export function readyClient(key: string): ApolloClient | null {
  return session?.key === key ? session.client : null;
}

/**
 * The server's answers (`seed`, lib/cache-seed.ts) over what the browser persisted: every object the
 * server sent replaces the persisted one's fields it carries (the server's are seconds old), the
 * rest of the persisted cache stays (other pages' answers, for offline and repeat visits).
 */
export function mergeSeed(persisted: NormalizedCacheObject | null, seed: NormalizedCacheObject): NormalizedCacheObject {
  const merged: NormalizedCacheObject = { ...persisted };
  for (const [id, object] of Object.entries(seed)) {
    if (id === "__META") continue;
    merged[id] = { ...persisted?.[id], ...object };
  }
  const extraRootIds = [...new Set([...(persisted?.__META?.extraRootIds ?? []), ...(seed.__META?.extraRootIds ?? [])])];
  if (extraRootIds.length > 0) merged.__META = { extraRootIds };
  return merged;
}

/**
 * The persisted cache, with the server's seed over it, in one `restore` (apollo3-cache-persist's own
 * restore reads the same key and restores it as is; the seed would then need a second pass over the
 * whole cache). An unreadable persisted cache is left out, not fatal: the next persist replaces it.
 */
function restoreCache(cache: InMemoryCache, key: string, seed: NormalizedCacheObject | undefined): void {
  let persisted: NormalizedCacheObject | null = null;
  try {
    const stored = window.localStorage.getItem(key);
    persisted = stored ? (JSON.parse(stored) as NormalizedCacheObject) : null;
  } catch {
    persisted = null;
  }
  const data = seed ? mergeSeed(persisted, seed) : persisted;
  if (!data) return;
  try {
    cache.restore(data);
  } catch {
    cache.restore(seed ?? {});
  }
}

/**
 * Makes the client for `key` (a persistedCacheKey of `locale`) unless it exists; another user's or
 * language's is stopped. `seed`: the first page's answers from the server (its page.tsx, through
 * SignedInApp), written into the new cache so that the page's view renders them without asking the
 * API again or normalising them here; ignored when the client exists (its cache is live, and the
 * page's queries revalidate).
 */
export function openClient(key: string, locale: string, seed?: NormalizedCacheObject): void {
  if (session?.key === key) return;
  session?.persistor.pause();
  const cache = createCache();
  const persistor = createPersistor({ cache, key });
  const opened: ClientSession = { key, persistor, client: null };
  session = opened;
  // Each step in a task of its own, after the caller's: the other caches' removal (the page's first
  // look at localStorage and sessionStorage loads them), then the restore and the client. Together
  // they were one of a signed-in load's long tasks (bench/README.md, "Apollo Client opened in tasks
  // of its own").
  setTimeout(() => session === opened && removePersistedCaches({ keep: key }));
  setTimeout(() => {
    if (session !== opened) return;
    restoreCache(cache, key, seed);
    const pendingWrites = pendingWritesKey(key);
    opened.client = createClient(cache, locale, { seeded: seed !== undefined, pendingWrites });
    if (seed) endSeedWindowOnInput(opened.client);
    for (const listener of sessionListeners) listener();
    // Title changes the last page left unanswered (a reload right after a click) go again, after the
    // view has its client (lib/pending-writes.ts).
    void replayPendingWrites(opened.client, pendingWrites).catch(() => undefined);
    // A restore is not a write, which is what makes the persistor save: save the seed's answers
    // (the next visit, offline or not, paints from them), once the page has rendered them.
    if (seed) setTimeout(() => session === opened && void persistor.persist().catch(() => undefined), PERSIST_DEBOUNCE_MS);
  });
}

/**
 * After a page failed while rendering (app/(app)/error.tsx): what the cache held may be what made it
 * fail, and a persisted copy would fail every reload the same way, so the answers are dropped, here
 * and in storage, and the page asks the API afresh. Title changes not yet answered stay
 * (lib/pending-writes.ts keeps them under their own key).
 */
export async function dropCachedAnswers(): Promise<void> {
  const current = session;
  if (!current?.client) return;
  await current.client.clearStore();
  await current.persistor.purge();
}

// A signed-out page reached by a client-side navigation (components/forget-signed-out-data.tsx):
// the live client stops persisting before its data is removed, and the next sign-in opens a new one.
onForgetPersistedData(() => {
  session?.persistor.pause();
  session = null;
});

/** Sign-out: no data of the user's may stay in this browser. */
export async function forgetCachedData(): Promise<void> {
  const closing = session;
  session = null;
  if (closing) {
    closing.persistor.pause();
    await closing.persistor.purge();
  }
  removePersistedCaches();
}
