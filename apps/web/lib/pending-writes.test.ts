// Title changes are kept until answered, and the next client sends again those a page left unanswered.
import { ApolloClient, ApolloLink, InMemoryCache } from "@apollo/client";
import { Observable } from "rxjs";
import { expect, it } from "vitest";
import { ADD_FAVOURITE, RATE, UPDATE_PREFERENCES } from "./graphql";
import { keepPendingWrites, PENDING_WRITE_MAX_AGE_MS, readPendingWrites, replayPendingWrites } from "./pending-writes";

/** localStorage's interface over a Map (the browser's own is what the e2e test uses). */
function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

/** Stands in for the API: records each operation; `answer` decides whether it answers now, later (returns a release) or fails. */
function server(answer: (name: string) => "now" | "never" | "fail") {
  const arrived: Array<{ name: string; variables: Record<string, unknown>; keepalive: unknown }> = [];
  const link = new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        const name = operation.operationName!;
        arrived.push({ name, variables: operation.variables, keepalive: (operation.getContext().fetchOptions as RequestInit | undefined)?.keepalive });
        const mode = answer(name);
        if (mode === "fail") observer.error(new Error("network down"));
        if (mode === "now") {
          const media = { __typename: "Media", id: "movie:603", isFavourite: true, inWatchlist: false, watchedAt: null, isDismissed: false, myRating: 8 };
          observer.next({ data: name === "Rate" ? { rate: media } : { addFavourite: media } });
          observer.complete();
        }
      }),
  );
  return { arrived, link };
}

const KEY = "pending";
const media = { type: "MOVIE" as const, tmdbId: 603 };

const FORGET_FAILED_MS = 30;

function clientFor(storage: ReturnType<typeof memoryStorage>, api: ApolloLink) {
  return new ApolloClient({ link: ApolloLink.from([keepPendingWrites(KEY, storage, FORGET_FAILED_MS), api]), cache: new InMemoryCache() });
}

it("keeps a title change until it is answered, and sends it with keepalive", async () => {
  const storage = memoryStorage();
  const api = server((name) => (name === "AddFavourite" ? "never" : "now"));
  const client = clientFor(storage, api.link);
  void client.mutate({ mutation: ADD_FAVOURITE, variables: { media } });
  await Promise.resolve();
  expect(readPendingWrites(storage, KEY).map((write) => [write.operationName, write.variables])).toEqual([["AddFavourite", { media }]]);
  expect(api.arrived[0]?.keepalive).toBe(true);

  await client.mutate({ mutation: RATE, variables: { media, rating: 8 } });
  // The answered one is gone; the unanswered one stays.
  expect(readPendingWrites(storage, KEY).map((write) => write.operationName)).toEqual(["AddFavourite"]);
});

it("forgets a change whose request failed a moment after, if the page stayed (the person was told), and never keeps other mutations", async () => {
  const storage = memoryStorage();
  const client = clientFor(storage, server(() => "fail").link);
  await expect(client.mutate({ mutation: ADD_FAVOURITE, variables: { media } })).rejects.toThrow("network down");
  await expect(client.mutate({ mutation: UPDATE_PREFERENCES, variables: { input: { onboarded: true } } })).rejects.toThrow();
  // Kept for a moment: a browser may fail the requests of a page it is about to leave.
  expect(readPendingWrites(storage, KEY).map((write) => write.operationName)).toEqual(["AddFavourite"]);
  await new Promise((resolve) => setTimeout(resolve, FORGET_FAILED_MS + 20));
  expect(readPendingWrites(storage, KEY)).toEqual([]);
});

it("sends again, in order, what a page left unanswered, but not what is older than a few minutes", async () => {
  const storage = memoryStorage();
  const now = Date.now();
  storage.setItem(
    KEY,
    JSON.stringify([
      { id: "a", operationName: "AddFavourite", variables: { media }, at: now - 1_000 },
      { id: "b", operationName: "Rate", variables: { media, rating: 8 }, at: now - 500 },
      { id: "c", operationName: "Rate", variables: { media, rating: 2 }, at: now - PENDING_WRITE_MAX_AGE_MS - 1 },
      { id: "d", operationName: "DeleteAccount", variables: {}, at: now },
    ]),
  );
  const api = server(() => "now");
  const sent = await replayPendingWrites(clientFor(storage, api.link), KEY, storage, now);
  expect(sent).toBe(2);
  expect(api.arrived.map((operation) => [operation.name, operation.variables])).toEqual([
    ["AddFavourite", { media }],
    ["Rate", { media, rating: 8 }],
  ]);
  expect(readPendingWrites(storage, KEY)).toEqual([]);
});
