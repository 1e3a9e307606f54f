// A signed-in page's first answers as the browser's Apollo cache will hold them, made on the server.
// The page asks the API, with the visitor's own session (askToSeed), the queries its view will ask
// first, as the browser's client would ask them (seedQuery) and with the same variables;
// renders its stand-in from the answers; and hands them, normalised here, to SignedInApp. The tab's
// first Apollo Client starts from them (openClient in lib/apollo-cache.ts), so the view renders the
// whole page without a round trip to the API and without normalising the answers in the browser
// (bench/README.md, "The first answers from the server"). The same cache rules as the browser's
// (createCache), so objects and field names match.
//
// Every query the view asks at once should be seeded: for a moment after a seeded client is made,
// queries take what the cache holds (Apollo's ssrForceFetchDelay), persisted answers included,
// until the person first acts (seed-window.ts).
import type { InMemoryCache, NormalizedCacheObject, OperationVariables } from "@apollo/client";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { createCache } from "./apollo-cache";
import { serverGraphql } from "./server-graphql";
import { currentUser } from "./session";

export type CacheSeed = NormalizedCacheObject;
/** One answer to write, made by seedAnswer (so that its document, variables and data agree); false when it does not fit. */
export type SeedAnswer = (cache: InMemoryCache) => boolean;

/** Only its document transform is used: the same for every page. */
const rules = createCache();

/**
 * A query as the browser's Apollo Client sends it: with `__typename` in every selection (its cache
 * adds it), which the cache needs to file each object of the answer under its id. Ask the API with
 * this, not the bare document, or the answer cannot be written.
 */
export function seedQuery<Data, Variables>(document: TypedDocumentNode<Data, Variables>): TypedDocumentNode<Data, Variables> {
  return rules.transformDocument(document) as TypedDocumentNode<Data, Variables>;
}

export function seedAnswer<Data, Variables extends OperationVariables>(
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  data: Data,
): SeedAnswer {
  return (cache) => {
    cache.writeQuery({ query: document, variables, data });
    // Read back as the view will, it must have the answer's shape: one without `__typename` (asked
    // without seedQuery) is filed without what its fragments select, and reads back short. (Values
    // may differ: a paginated list reads its missing end cursor back as "".)
    const read = cache.diff({ query: document, variables, optimistic: false, returnPartialData: true });
    return read.complete && sameShape(read.result, data);
  };
}

/** Who the page asks the API as: the visitor's session cookie and address, the interface's language. */
export interface Visitor {
  cookie?: string;
  forwardedFor?: string;
  locale: string;
}

export async function currentVisitor(): Promise<Visitor> {
  const headerStore = await headers();
  return { cookie: headerStore.get("cookie") ?? undefined, forwardedFor: headerStore.get("x-forwarded-for") ?? undefined, locale: await getLocale() };
}

/** Asks the API `document` as the visitor, as the browser's client asks it: the answer, and the same to seed with. */
export async function askToSeed<Data, Variables extends OperationVariables>(
  visitor: Visitor,
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
): Promise<{ data: Data; answer: SeedAnswer }> {
  const data = await serverGraphql({ document: seedQuery(document), variables, ...visitor });
  return { data, answer: seedAnswer(document, variables, data) };
}

/** Asks one of the view's first queries as the visitor (askToSeed, the visitor given). */
export type AskToSeed = <Data, Variables extends OperationVariables>(
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
) => Promise<{ data: Data; answer: SeedAnswer }>;

/**
 * A page's seed from its view's first queries, asked together as the visitor: `seedOf((ask) =>
 * [ask(FavouritesDocument, { first: 24 })])`. Undefined for a visitor, or when the API is away or
 * refuses (the view asks, and says so itself).
 */
export async function seedOf(queries: (ask: AskToSeed) => Array<Promise<{ answer: SeedAnswer }>>): Promise<CacheSeed | undefined> {
  if (!(await currentUser())) return undefined;
  const visitor = await currentVisitor();
  try {
    const asked = await Promise.all(queries((document, variables) => askToSeed(visitor, document, variables)));
    return cacheSeed(asked.map((one) => one.answer));
  } catch {
    return undefined;
  }
}

/**
 * `answer` if it comes within `ms`, else undefined (and undefined if it fails): for a page whose
 * view's answer may make the API ask TMDB first (a title's details), the document does not wait
 * longer than that; without a seed the view asks the API itself.
 */
export async function seedWithin<T>(answer: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([answer.catch(() => undefined), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The same fields at every level and the same number of items in every list (values aside). */
function sameShape(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b))
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, index) => sameShape(item, b[index]));
  const objectA = typeof a === "object" && a !== null;
  const objectB = typeof b === "object" && b !== null;
  if (!objectA || !objectB) return objectA === objectB;
  const keys = Object.keys(a).sort();
  const otherKeys = Object.keys(b).sort();
  return (
    keys.length === otherKeys.length &&
    keys.every((key, index) => key === otherKeys[index] && sameShape((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
  );
}

/** The answers normalised, or undefined when one does not fit its query (the view then asks the API itself). */
export function cacheSeed(answers: SeedAnswer[]): CacheSeed | undefined {
  const cache = createCache();
  try {
    for (const write of answers) if (!write(cache)) return undefined;
  } catch {
    return undefined;
  }
  return cache.extract();
}
