// A title's mutations reach the server in the order they were made, even when the first is slow to
// answer and the second (an Undo) is sent while it is in flight; other titles do not wait.
import { ApolloClient, ApolloLink, InMemoryCache } from "@apollo/client";
import { Observable } from "rxjs";
import { expect, it } from "vitest";
import { ADD_TO_WATCHLIST, CARD_PREVIEW_QUERY, REMOVE_FROM_WATCHLIST } from "./graphql";
import { titleMutationsInOrder } from "./title-mutation-order";

/** Stands in for the server: records what arrives, answers after `delayMs(operation)`. */
function slowServer(delayMs: (operationName: string, tmdbId: number) => number) {
  const arrived: string[] = [];
  const link = new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        const { tmdbId } = (operation.variables.media ?? operation.variables) as { tmdbId: number };
        arrived.push(`${operation.operationName}:${tmdbId}`);
        if (operation.operationName === "CardPreview") {
          const media = { __typename: "Media", id: `movie:${tmdbId}`, tagline: null, overview: "", runtime: null, genres: [] };
          const timer = setTimeout(
            () => {
              observer.next({ data: { media } });
              observer.complete();
            },
            delayMs(operation.operationName, tmdbId),
          );
          return () => clearTimeout(timer);
        }
        const field = operation.operationName === "RemoveFromWatchlist" ? "removeFromWatchlist" : "addToWatchlist";
        const timer = setTimeout(
          () => {
            const media = { __typename: "Media", id: `movie:${tmdbId}`, inWatchlist: field === "addToWatchlist", watchedAt: null };
            observer.next({ data: { [field]: media } });
            observer.complete();
          },
          delayMs(operation.operationName!, tmdbId),
        );
        return () => clearTimeout(timer);
      }),
  );
  return { arrived, link };
}

function clientFor(server: ApolloLink) {
  return new ApolloClient({
    link: ApolloLink.from([titleMutationsInOrder, server]),
    cache: new InMemoryCache(),
    defaultOptions: { mutate: { fetchPolicy: "no-cache" }, query: { fetchPolicy: "no-cache" } },
  });
}

it("holds a title's Undo until its removal has answered", async () => {
  const server = slowServer((name) => (name === "RemoveFromWatchlist" ? 80 : 0));
  const client = clientFor(server.link);
  const media = { type: "MOVIE" as const, tmdbId: 603 };
  const removal = client.mutate({ mutation: REMOVE_FROM_WATCHLIST, variables: { media } });
  const undo = client.mutate({ mutation: ADD_TO_WATCHLIST, variables: { media } });
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(server.arrived).toEqual(["RemoveFromWatchlist:603"]);
  await Promise.all([removal, undo]);
  expect(server.arrived).toEqual(["RemoveFromWatchlist:603", "AddToWatchlist:603"]);
});

it("lets the next mutation go when the previous one failed", async () => {
  let failFirst = true;
  const arrived: string[] = [];
  const server = new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        arrived.push(operation.operationName!);
        if (failFirst) {
          failFirst = false;
          setTimeout(() => observer.error(new Error("network down")), 30);
          return;
        }
        observer.next({ data: { addToWatchlist: { __typename: "Media", id: "movie:603", inWatchlist: true, watchedAt: null } } });
        observer.complete();
      }),
  );
  const client = clientFor(server);
  const media = { type: "MOVIE" as const, tmdbId: 603 };
  const removal = client.mutate({ mutation: REMOVE_FROM_WATCHLIST, variables: { media } });
  const undo = client.mutate({ mutation: ADD_TO_WATCHLIST, variables: { media } });
  await expect(removal).rejects.toThrow("network down");
  await undo;
  expect(arrived).toEqual(["RemoveFromWatchlist", "AddToWatchlist"]);
});

it("does not hold other titles' mutations", async () => {
  const server = slowServer((_name, tmdbId) => (tmdbId === 603 ? 80 : 0));
  const client = clientFor(server.link);
  const first = client.mutate({ mutation: REMOVE_FROM_WATCHLIST, variables: { media: { type: "MOVIE" as const, tmdbId: 603 } } });
  await client.mutate({ mutation: ADD_TO_WATCHLIST, variables: { media: { type: "MOVIE" as const, tmdbId: 550 } } });
  expect(server.arrived).toEqual(["RemoveFromWatchlist:603", "AddToWatchlist:550"]);
  await first;
});

it("holds a title's mutation until that title's query in flight has answered (its older answer lands first)", async () => {
  const server = slowServer((name) => (name === "CardPreview" ? 80 : 0));
  const client = clientFor(server.link);
  const query = client.query({ query: CARD_PREVIEW_QUERY, variables: { type: "MOVIE" as const, tmdbId: 603 } });
  const removal = client.mutate({ mutation: REMOVE_FROM_WATCHLIST, variables: { media: { type: "MOVIE" as const, tmdbId: 603 } } });
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(server.arrived).toEqual(["CardPreview:603"]);
  await Promise.all([query, removal]);
  expect(server.arrived).toEqual(["CardPreview:603", "RemoveFromWatchlist:603"]);
});

it("never holds a query, not even behind a mutation of its title", async () => {
  const server = slowServer((name) => (name === "RemoveFromWatchlist" ? 80 : 0));
  const client = clientFor(server.link);
  let removed = false;
  const removal = client
    .mutate({ mutation: REMOVE_FROM_WATCHLIST, variables: { media: { type: "MOVIE" as const, tmdbId: 603 } } })
    .then(() => (removed = true));
  await client.query({ query: CARD_PREVIEW_QUERY, variables: { type: "MOVIE" as const, tmdbId: 603 } });
  expect(removed).toBe(false);
  expect([...server.arrived].sort()).toEqual(["CardPreview:603", "RemoveFromWatchlist:603"]);
  // …and a mutation after both still waits for the first.
  const undo = client.mutate({ mutation: ADD_TO_WATCHLIST, variables: { media: { type: "MOVIE" as const, tmdbId: 603 } } });
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(server.arrived).toHaveLength(2);
  await Promise.all([removal, undo]);
  expect(server.arrived[2]).toBe("AddToWatchlist:603");
});

it("does not hold a title's mutation behind a query that says it selects none of the person's state", async () => {
  const server = slowServer((name) => (name === "CardPreview" ? 200 : 0));
  const client = clientFor(server.link);
  const preview = client.query({ query: CARD_PREVIEW_QUERY, variables: { type: "MOVIE" as const, tmdbId: 603 }, context: { withoutViewerState: true } });
  let previewAnswered = false;
  void preview.then(() => (previewAnswered = true));
  await client.mutate({ mutation: REMOVE_FROM_WATCHLIST, variables: { media: { type: "MOVIE" as const, tmdbId: 603 } } });
  expect(previewAnswered).toBe(false);
  await preview;
});
