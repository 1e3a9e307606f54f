// A seeded client (lib/cache-seed.ts) takes the cache's answers for a moment after it is made
// (Apollo's ssrForceFetchDelay sets `prioritizeCacheValues`), so the page's view does not ask again
// for what the server just sent. That moment must not outlive the person's first change: a mutation
// whose `refetchQueries` (settings' tokens and apps) asked within it would get the cache's old list
// back. This link ends it when a mutation is sent, before its answer and the refetches that follow.
import { ApolloLink } from "@apollo/client";
import { OperationTypeNode } from "graphql";

export const mutationsEndSeedWindow = new ApolloLink((operation, forward) => {
  if (operation.operationType === OperationTypeNode.MUTATION) operation.client.prioritizeCacheValues = false;
  return forward(operation);
});
