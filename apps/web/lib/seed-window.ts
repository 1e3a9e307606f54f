// A seeded client (lib/cache-seed.ts) takes the cache's answers for a moment after it is made
// (Apollo's ssrForceFetchDelay sets `prioritizeCacheValues`), so the page's view does not ask again
// for what the server just sent. That moment must not outlive the person's first action: a list
// refetched within it (settings' tokens after a mutation's refetchQueries, its imports after an
// upload) would come back from the cache, unchanged. It ends at the first key or pointer press, and
// when a mutation is sent (one a page sends by itself).
import { type ApolloClient, ApolloLink } from "@apollo/client";
import { OperationTypeNode } from "graphql";

export const mutationsEndSeedWindow = new ApolloLink((operation, forward) => {
  if (operation.operationType === OperationTypeNode.MUTATION) operation.client.prioritizeCacheValues = false;
  return forward(operation);
});

/** Ends `client`'s moment at the first key or pointer press on `target` (the window). */
export function endSeedWindowOnInput(client: ApolloClient, target: EventTarget = window): void {
  const done = new AbortController();
  const end = () => {
    client.prioritizeCacheValues = false;
    done.abort();
  };
  for (const type of ["pointerdown", "keydown"]) target.addEventListener(type, end, { capture: true, passive: true, signal: done.signal });
}
