// The browser's Apollo Client and its cache, persisted to localStorage per signed-in user.
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from "@apollo/client";
import { relayStylePagination } from "@apollo/client/utilities";
import { CachePersistor, LocalStorageWrapper } from "apollo3-cache-persist";
import { publicEnv } from "./public-env";
import { titleMutationsInOrder } from "./title-mutation-order";

const CACHE_KEY_PREFIX = "movierec-apollo";
/** From a hash of packages/schema/schema.graphql (next.config.ts): a schema change starts a fresh cache. */
const SCHEMA_VERSION = publicEnv.NEXT_PUBLIC_SCHEMA_VERSION;
/** localStorage gives an origin about 5 MB; stay well inside it (apollo3-cache-persist skips larger writes). */
const MAX_PERSISTED_BYTES = 2 * 1024 * 1024;

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

/** Removes every persisted cache (another user's, an old schema's) except `keep`. */
export function removePersistedCaches(options: { keep?: string } = {}): void {
  const stale: string[] = [];
  for (let index = 0; index < window.localStorage.length; index++) {
    const key = window.localStorage.key(index);
    if (key?.startsWith(CACHE_KEY_PREFIX) && key !== options.keep) stale.push(key);
  }
  for (const key of stale) window.localStorage.removeItem(key);
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

/** `locale`: the interface's language, sent as Accept-Language so the API answers in it (docs/api.md, "Languages"). */
export function createClient(cache: InMemoryCache, locale: string): ApolloClient {
  return new ApolloClient({
    link: ApolloLink.from([titleMutationsInOrder, new HttpLink({ uri: "/graphql", headers: { "accept-language": locale } })]),
    cache,
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
    debounce: 500,
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

/** Makes the client for `key` (a persistedCacheKey of `locale`) unless it exists; another user's or language's is stopped. */
export function openClient(key: string, locale: string): void {
  if (session?.key === key) return;
  session?.persistor.pause();
  const cache = createCache();
  const persistor = createPersistor({ cache, key });
  removePersistedCaches({ keep: key });
  const opened: ClientSession = { key, persistor, client: null };
  session = opened;
  persistor
    .restore()
    .catch(() => persistor.purge()) // an unreadable cache is dropped, not fatal
    .then(() => {
      if (session !== opened) return;
      opened.client = createClient(cache, locale);
      for (const listener of sessionListeners) listener();
    });
}

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
