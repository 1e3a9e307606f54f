// Title changes are kept until answered, and the next client sends again those a page left unanswered.
import { ApolloClient, ApolloLink, InMemoryCache } from "@apollo/client";
import { Observable } from "rxjs";
import { expect, it } from "vitest";
import { ADD_FAVOURITE, RATE, UPDATE_PREFERENCES } from "./graphql";
import { keepPendingWrites, OPEN_PAGE_KEY, PENDING_WRITE_MAX_AGE_MS, pageIdentity, readPendingWrites, replayPendingWrites } from "./pending-writes";

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

function clientFor(storage: ReturnType<typeof memoryStorage>, api: ApolloLink) {
  return new ApolloClient({ link: ApolloLink.from([keepPendingWrites(KEY, storage), api]), cache: new InMemoryCache() });
}

const kept = (storage: ReturnType<typeof memoryStorage>) =>
  readPendingWrites(storage, KEY).map((write) => [write.operationName, write.settledAt === undefined ? "in flight" : "settled"]);

it("keeps a title change, marked settled once answered, and sends it with keepalive", async () => {
  const storage = memoryStorage();
  const api = server((name) => (name === "AddFavourite" ? "never" : "now"));
  const client = clientFor(storage, api.link);
  void client.mutate({ mutation: ADD_FAVOURITE, variables: { media } });
  await Promise.resolve();
  expect(readPendingWrites(storage, KEY).map((write) => [write.operationName, write.variables])).toEqual([["AddFavourite", { media }]]);
  expect(api.arrived[0]?.keepalive).toBe(true);

  await client.mutate({ mutation: RATE, variables: { media, rating: 8 } });
  expect(kept(storage)).toEqual([
    ["AddFavourite", "in flight"],
    ["Rate", "settled"],
  ]);
});

it("marks a change whose request failed as settled, and never keeps other mutations", async () => {
  const storage = memoryStorage();
  const client = clientFor(storage, server(() => "fail").link);
  await expect(client.mutate({ mutation: ADD_FAVOURITE, variables: { media } })).rejects.toThrow("network down");
  await expect(client.mutate({ mutation: UPDATE_PREFERENCES, variables: { input: { onboarded: true } } })).rejects.toThrow();
  expect(kept(storage)).toEqual([["AddFavourite", "settled"]]);
});

it("sends again, in order, what never settled or settled after this page's navigation began, nothing older", async () => {
  const storage = memoryStorage();
  const now = Date.now();
  const navigationStart = now - 3_000;
  storage.setItem(
    KEY,
    JSON.stringify([
      // Stored out of order (a replay kept again goes to the end): sent in the order made.
      // Answered while the navigation was under way: the server may have read this page's seed first.
      { id: "b", operationName: "Rate", variables: { media, rating: 8 }, at: now - 4_000, settledAt: now - 2_000 },
      // Its page went before an answer came.
      { id: "a", operationName: "AddFavourite", variables: { media }, at: now - 5_000 },
      // Answered before, even just before: the page's seed has it, and sending it again could undo a
      // change made since (another tab, an app).
      { id: "c", operationName: "Dismiss", variables: { media }, at: now - 9_000, settledAt: now - 8_000 },
      { id: "c2", operationName: "RemoveFromWatchlist", variables: { media }, at: now - 3_400, settledAt: navigationStart - 200 },
      { id: "d", operationName: "Rate", variables: { media, rating: 2 }, at: now - PENDING_WRITE_MAX_AGE_MS - 1 },
      { id: "e", operationName: "DeleteAccount", variables: {}, at: now },
    ]),
  );
  const api = server(() => "now");
  const sent = await replayPendingWrites(clientFor(storage, api.link), KEY, { storage, now, navigationStart, online: new EventTarget() });
  expect(sent).toBe(2);
  expect(api.arrived.map((operation) => [operation.name, operation.variables])).toEqual([
    ["AddFavourite", { media }],
    ["Rate", { media, rating: 8 }],
  ]);
  // The two sent again are kept, now answered.
  expect(kept(storage)).toEqual([
    ["AddFavourite", "settled"],
    ["Rate", "settled"],
  ]);
});

it("keeps a replay that failed without an answer, and sends it again once the browser is back online", async () => {
  const storage = memoryStorage();
  const now = Date.now();
  storage.setItem(KEY, JSON.stringify([{ id: "a", operationName: "AddFavourite", variables: { media }, at: now - 1_000 }]));
  let offline = true;
  const api = server(() => (offline ? "fail" : "now"));
  const online = new EventTarget();
  const client = clientFor(storage, api.link);
  expect(await replayPendingWrites(client, KEY, { storage, now, navigationStart: now, online })).toBe(1);
  // Nobody was shown that failure: it stays, unsettled, for this page to send again or the next.
  expect(kept(storage)).toEqual([["AddFavourite", "in flight"]]);
  offline = false;
  online.dispatchEvent(new Event("online"));
  await expect.poll(() => kept(storage)).toEqual([["AddFavourite", "settled"]]);
  expect(api.arrived.map((operation) => operation.name)).toEqual(["AddFavourite", "AddFavourite"]);
});

it("a duplicated tab does not send again what its original, still open, waits on; once the original has gone, it does", async () => {
  const channel = `pages-${Math.random()}`;
  const original = pageIdentity(channel);
  const storage = memoryStorage();
  const api = server(() => "never");
  const client = new ApolloClient({ link: ApolloLink.from([keepPendingWrites(KEY, storage, original), api.link]), cache: new InMemoryCache() });
  void client.mutate({ mutation: ADD_FAVOURITE, variables: { media } });
  await Promise.resolve();
  // A duplicated tab's sessionStorage: a copy of all of its original's.
  const copy = () => {
    const duplicated = memoryStorage();
    for (const name of [KEY, OPEN_PAGE_KEY]) {
      const value = storage.getItem(name);
      if (value !== null) duplicated.setItem(name, value);
    }
    return duplicated;
  };

  // The duplicate starts with a copy of the original's sessionStorage.
  const duplicate = pageIdentity(channel);
  const duplicated = copy();
  const duplicateApi = server(() => "now");
  const duplicateClient = new ApolloClient({
    link: ApolloLink.from([keepPendingWrites(KEY, duplicated, duplicate), duplicateApi.link]),
    cache: new InMemoryCache(),
  });
  expect(await replayPendingWrites(duplicateClient, KEY, { storage: duplicated, navigationStart: 0, page: duplicate, online: new EventTarget() })).toBe(0);
  expect(duplicateApi.arrived).toEqual([]);
  expect(readPendingWrites(duplicated, KEY)).toEqual([]);

  // The original closed with its change unanswered (its pagehide took its open mark away): a later
  // copy (a reload of a duplicate made just before) sends it.
  original.close();
  storage.removeItem(OPEN_PAGE_KEY);
  const later = pageIdentity(channel);
  const laterStorage = copy();
  const laterApi = server(() => "now");
  const laterClient = new ApolloClient({ link: ApolloLink.from([keepPendingWrites(KEY, laterStorage, later), laterApi.link]), cache: new InMemoryCache() });
  expect(await replayPendingWrites(laterClient, KEY, { storage: laterStorage, navigationStart: 0, page: later, online: new EventTarget() })).toBe(1);
  expect(laterApi.arrived.map((operation) => operation.name)).toEqual(["AddFavourite"]);
  duplicate.close();
  later.close();
});

it("a change made while the page asks whether its original is open is kept, not overwritten", async () => {
  const channel = `pages-${Math.random()}`;
  const original = pageIdentity(channel);
  const storage = memoryStorage();
  const client = new ApolloClient({
    link: ApolloLink.from([keepPendingWrites(KEY, storage, original), server(() => "never").link]),
    cache: new InMemoryCache(),
  });
  void client.mutate({ mutation: ADD_FAVOURITE, variables: { media } });
  await Promise.resolve();
  const duplicated = memoryStorage();
  duplicated.setItem(KEY, storage.getItem(KEY)!);
  duplicated.setItem(OPEN_PAGE_KEY, storage.getItem(OPEN_PAGE_KEY)!);
  const duplicate = pageIdentity(channel);
  const duplicateClient = new ApolloClient({
    link: ApolloLink.from([keepPendingWrites(KEY, duplicated, duplicate), server(() => "never").link]),
    cache: new InMemoryCache(),
  });
  const replayed = replayPendingWrites(duplicateClient, KEY, { storage: duplicated, navigationStart: 0, page: duplicate, online: new EventTarget() });
  // The person rates a title in the duplicate while it waits for the original's answer.
  void duplicateClient.mutate({ mutation: RATE, variables: { media, rating: 8 } });
  expect(await replayed).toBe(0);
  expect(kept(duplicated)).toEqual([["Rate", "in flight"]]);
  original.close();
  duplicate.close();
});
