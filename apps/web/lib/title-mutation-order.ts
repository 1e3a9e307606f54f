// One title's changes reach the API in the order the person made them. Every card action answers
// optimistically at once, so "remove from watchlist" and its Undo can be two requests in flight
// together; over HTTP they may arrive the other way round, and the title would end off the list
// while the page showed it back (CI saw exactly that under load). This link holds each mutation on a
// title (its `media` variable) until the previous one on that title has answered, and until a query
// of that title in flight (a title page revalidating) has answered: that query's answer is older than
// the mutation's and would otherwise put a cleared rating back on the page (the likely cause of a
// ratings.spec failure in CI); a query that selects none of the person's state says so in its context
// and is not waited for. The optimistic answer is applied before the link runs, so the page
// still changes at once. Queries never wait, and other titles pass straight through.
import { ApolloLink } from "@apollo/client";
import { OperationTypeNode } from "graphql";
import { concatMap, defer, finalize, from, of } from "rxjs";

/** A title query's context: `withoutViewerState` when it selects none of the person's state of the title. */
export interface TitleQueryContext {
  withoutViewerState?: boolean;
}

/** Per title, a promise that settles when every operation sent for it so far has answered. */
const inFlight = new Map<string, Promise<void>>();

/**
 * The title an operation is about: a mutation's `media` argument (it waits for what is in flight on
 * that title), or a title query's `type` and `tmdbId` (it never waits, but a later mutation of that
 * title waits for it, so the query's older answer cannot land after the mutation's and undo it).
 */
function titleOf(operation: ApolloLink.Operation): { title: string; waits: boolean } | null {
  const variables = operation.variables;
  if (operation.operationType === OperationTypeNode.QUERY) {
    // A query that asks for none of the person's state of the title (a card's preview: tagline,
    // runtime) cannot undo a change, so a change does not wait for it.
    if ((operation.getContext() as TitleQueryContext).withoutViewerState) return null;
    return typeof variables.type === "string" && typeof variables.tmdbId === "number" ? { title: `${variables.type}:${variables.tmdbId}`, waits: false } : null;
  }
  if (operation.operationType !== OperationTypeNode.MUTATION) return null;
  const media = variables.media as { type?: unknown; tmdbId?: unknown } | undefined;
  if (!media || typeof media.type !== "string" || typeof media.tmdbId !== "number") return null;
  return { title: `${media.type}:${media.tmdbId}`, waits: true };
}

export const titleMutationsInOrder = new ApolloLink((operation, forward) => {
  const about = titleOf(operation);
  if (!about) return forward(operation);
  const { title, waits } = about;
  return defer(() => {
    const previous = inFlight.get(title) ?? Promise.resolve();
    let answered!: () => void;
    const answer = new Promise<void>((resolve) => (answered = resolve));
    // What the title's next mutation waits for: everything before it, this operation included.
    const mine = waits ? previous.then(() => answer) : Promise.all([previous, answer]).then(() => undefined);
    inFlight.set(title, mine);
    void mine.then(() => {
      if (inFlight.get(title) === mine) inFlight.delete(title);
    });
    // Answered, failed or given up (unsubscribed) alike: the title's next mutation may go.
    return (waits ? from(previous) : of(undefined)).pipe(
      concatMap(() => forward(operation)),
      finalize(answered),
    );
  });
});
