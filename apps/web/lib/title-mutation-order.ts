// One title's changes reach the API in the order the person made them. Every card action answers
// optimistically at once, so "remove from watchlist" and its Undo can be two requests in flight
// together; over HTTP they may arrive the other way round, and the title would end off the list
// while the page showed it back (CI saw exactly that under load). This link holds each mutation on a
// title (its `media` variable) until the previous one on that title has answered; the optimistic
// answer is applied before the link runs, so the page still changes at once. Other titles and all
// queries pass straight through.
import { ApolloLink } from "@apollo/client";
import { OperationTypeNode } from "graphql";
import { concatMap, defer, finalize, from } from "rxjs";

/** Per title, a promise that settles when the latest mutation sent for it has answered. */
const inFlight = new Map<string, Promise<void>>();

function titleOf(operation: ApolloLink.Operation): string | null {
  if (operation.operationType !== OperationTypeNode.MUTATION) return null;
  const media = operation.variables.media as { type?: unknown; tmdbId?: unknown } | undefined;
  if (!media || typeof media.type !== "string" || typeof media.tmdbId !== "number") return null;
  return `${media.type}:${media.tmdbId}`;
}

export const titleMutationsInOrder = new ApolloLink((operation, forward) => {
  const title = titleOf(operation);
  if (!title) return forward(operation);
  return defer(() => {
    const previous = inFlight.get(title) ?? Promise.resolve();
    let answered!: () => void;
    const answer = new Promise<void>((resolve) => (answered = resolve));
    const mine = previous.then(() => answer);
    inFlight.set(title, mine);
    void mine.then(() => {
      if (inFlight.get(title) === mine) inFlight.delete(title);
    });
    // Answered, failed or given up (unsubscribed) alike: the title's next mutation may go.
    return from(previous).pipe(
      concatMap(() => forward(operation)),
      finalize(answered),
    );
  });
});
