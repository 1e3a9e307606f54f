// A signed-in page's first answers as the browser's Apollo cache will hold them, made on the server.
// The page asks the API, with the visitor's own session (lib/server-graphql.ts), the queries its view
// will ask first, as the browser's client would ask them (seedQuery) and with the same variables;
// renders its stand-in from the answers; and hands them, normalised here, to SignedInApp. The tab's
// first Apollo Client starts from them (openClient in lib/apollo-cache.ts), so the view renders the
// whole page without a round trip to the API and without normalising the answers in the browser
// (bench/README.md, "Home's answers from the server"). The same cache rules as the browser's
// (createCache), so objects and field names match.
//
// Every query the view asks at once should be seeded: for a moment after a seeded client is made,
// queries take what the cache holds (Apollo's ssrForceFetchDelay), persisted answers included.
import { isDeepStrictEqual } from "node:util";
import type { InMemoryCache, NormalizedCacheObject, OperationVariables } from "@apollo/client";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { createCache } from "./apollo-cache";

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
    // Read back as the view will, it must be the answer: one without `__typename` (asked without
    // seedQuery) is filed without what its fragments select, and reads back short.
    const read = cache.diff({ query: document, variables, optimistic: false, returnPartialData: true });
    return read.complete && isDeepStrictEqual(read.result, data);
  };
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
