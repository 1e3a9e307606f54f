// Favourites, watchlist and "not interested" over HTTP: idempotent, paginated, scoped to the
// caller, and safe when many people write at once (each write is one row of the caller's own).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi, type TestUser } from "../../test-support/api-harness.ts";

let api: TestApi;
let movies: number[];
beforeAll(async () => {
  api = await startTestApi();
  await api.seedMediaCache(2);
  movies = (await api.services.prisma.mediaCache.findMany({ where: { mediaType: "MOVIE" }, orderBy: { popularity: "desc" }, take: 30 })).map(
    (row) => row.tmdbId,
  );
});
afterAll(() => api?.close());

const ADD_FAVOURITE = `mutation($id: Int!) { addFavourite(media: { type: MOVIE, tmdbId: $id }) { id isFavourite } }`;
const REMOVE_FAVOURITE = `mutation($id: Int!) { removeFavourite(media: { type: MOVIE, tmdbId: $id }) { id isFavourite } }`;
const FAVOURITES = `query($first: Int, $after: String) { favourites(first: $first, after: $after) { edges { cursor addedAt node { id isFavourite } } pageInfo { hasNextPage endCursor } } }`;
const ADD_WATCHLIST = `mutation($id: Int!) { addToWatchlist(media: { type: MOVIE, tmdbId: $id }) { id inWatchlist watchedAt } }`;
const MARK_WATCHED = `mutation($id: Int!, $watched: Boolean) { markWatched(media: { type: MOVIE, tmdbId: $id }, watched: $watched) { id inWatchlist watchedAt } }`;
const WATCHLIST = `query($watched: Boolean) { watchlist(first: 50, watched: $watched) { edges { watchedAt node { id } } } }`;

const ids = (connection: { edges: Array<{ node: { id: string } }> }) => connection.edges.map((edge) => edge.node.id);

describe("favourites", () => {
  let user: TestUser;
  beforeAll(async () => {
    user = await api.createUser();
  });

  it("adds a favourite, and adding it twice is not an error", async () => {
    const first = await api.graphql(ADD_FAVOURITE, { id: movies[0] }, { token: user.token });
    const again = await api.graphql(ADD_FAVOURITE, { id: movies[0] }, { token: user.token });
    expect(first.data?.addFavourite).toEqual({ id: `movie:${movies[0]}`, isFavourite: true });
    expect(again.errors).toBeUndefined();
    expect(await api.services.prisma.interaction.count({ where: { userId: user.id, kind: "FAVOURITE" } })).toBe(1);
  });

  it("lists favourites newest first, page by page, with no repeats", async () => {
    for (const id of movies.slice(1, 6)) await api.graphql(ADD_FAVOURITE, { id }, { token: user.token });
    const first = await api.graphql(FAVOURITES, { first: 4 }, { token: user.token });
    const second = await api.graphql(FAVOURITES, { first: 4, after: first.data!.favourites.pageInfo.endCursor }, { token: user.token });
    expect(first.data!.favourites.pageInfo.hasNextPage).toBe(true);
    expect(second.data!.favourites.pageInfo.hasNextPage).toBe(false);
    expect([...ids(first.data!.favourites), ...ids(second.data!.favourites)]).toEqual(
      movies
        .slice(0, 6)
        .reverse()
        .map((id) => `movie:${id}`),
    );
  });

  it("answers each mutation of one document with the state it left, not what an earlier one saw", async () => {
    const title = `{ type: MOVIE, tmdbId: ${movies[20]} }`;
    const result = await api.graphql(
      `mutation {
        a: addFavourite(media: ${title}) { isFavourite }
        b: removeFavourite(media: ${title}) { isFavourite }
        c: addToWatchlist(media: ${title}) { isFavourite inWatchlist }
        d: dismiss(media: ${title}) { inWatchlist isDismissed }
        e: undoDismiss(media: ${title}) { isDismissed }
        f: removeFromWatchlist(media: ${title}) { inWatchlist }
      }`,
      {},
      { token: user.token },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      a: { isFavourite: true },
      b: { isFavourite: false },
      c: { isFavourite: false, inWatchlist: true },
      d: { inWatchlist: true, isDismissed: true },
      e: { isDismissed: false },
      f: { inWatchlist: false },
    });
  });

  it("removes a favourite, and removing it again is not an error", async () => {
    const removed = await api.graphql(REMOVE_FAVOURITE, { id: movies[5] }, { token: user.token });
    const again = await api.graphql(REMOVE_FAVOURITE, { id: movies[5] }, { token: user.token });
    expect(removed.data?.removeFavourite.isFavourite).toBe(false);
    expect(again.errors).toBeUndefined();
    expect(ids((await api.graphql(FAVOURITES, {}, { token: user.token })).data!.favourites)).not.toContain(`movie:${movies[5]}`);
  });

  it("refuses unknown titles and malformed input", async () => {
    const unknown = await api.graphql(ADD_FAVOURITE, { id: 999_999_999 }, { token: user.token });
    expect(unknown.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const malformed = await api.graphql(`mutation { addFavourite(media: { type: MOVIE, tmdbId: "x" }) { id } }`, {}, { token: user.token });
    expect(malformed.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    const badCursor = await api.graphql(FAVOURITES, { after: "bm90LWEtY3Vyc29y" }, { token: user.token });
    expect(badCursor.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("needs a signed-in caller", async () => {
    for (const [query, variables] of [
      [FAVOURITES, {}],
      [ADD_FAVOURITE, { id: movies[0] }],
      [REMOVE_FAVOURITE, { id: movies[0] }],
    ] as const) {
      const result = await api.graphql(query, variables);
      expect(result.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      expect(result.data?.favourites ?? result.data?.addFavourite ?? null).toBeNull();
    }
  });

  it("never shows or changes another user's favourites", async () => {
    const other = await api.createUser();
    expect(ids((await api.graphql(FAVOURITES, {}, { token: other.token })).data!.favourites)).toEqual([]);
    // Removing "their" favourite removes nothing of ours.
    await api.graphql(REMOVE_FAVOURITE, { id: movies[0] }, { token: other.token });
    expect(ids((await api.graphql(FAVOURITES, {}, { token: user.token })).data!.favourites)).toContain(`movie:${movies[0]}`);
    // Per-user fields are per user.
    const seen = await api.graphql(`query($id: Int!) { media(type: MOVIE, tmdbId: $id) { isFavourite } }`, { id: movies[0] }, { token: other.token });
    expect(seen.data?.media.isFavourite).toBe(false);
  });

  it("works the same with the web session cookie", async () => {
    const result = await api.graphql(FAVOURITES, {}, { cookie: user.cookie });
    expect(ids(result.data!.favourites)).toContain(`movie:${movies[0]}`);
  });
});

describe("watchlist", () => {
  it("adds, marks watched (keeping the first date), unmarks, filters and removes", async () => {
    const user = await api.createUser();
    const added = await api.graphql(ADD_WATCHLIST, { id: movies[10] }, { token: user.token });
    expect(added.data?.addToWatchlist).toEqual({ id: `movie:${movies[10]}`, inWatchlist: true, watchedAt: null });
    expect((await api.graphql(ADD_WATCHLIST, { id: movies[10] }, { token: user.token })).errors).toBeUndefined();

    const watched = await api.graphql(MARK_WATCHED, { id: movies[10] }, { token: user.token });
    const watchedAt = watched.data?.markWatched.watchedAt;
    expect(Date.parse(watchedAt)).toBeGreaterThan(Date.now() - 60_000);
    const again = await api.graphql(MARK_WATCHED, { id: movies[10] }, { token: user.token });
    expect(again.data?.markWatched.watchedAt).toBe(watchedAt);

    // Marking an unlisted title watched adds it.
    await api.graphql(MARK_WATCHED, { id: movies[11] }, { token: user.token });
    await api.graphql(ADD_WATCHLIST, { id: movies[12] }, { token: user.token });
    expect(ids((await api.graphql(WATCHLIST, { watched: true }, { token: user.token })).data!.watchlist).sort()).toEqual(
      [`movie:${movies[10]}`, `movie:${movies[11]}`].sort(),
    );
    expect(ids((await api.graphql(WATCHLIST, { watched: false }, { token: user.token })).data!.watchlist)).toEqual([`movie:${movies[12]}`]);

    const unwatched = await api.graphql(MARK_WATCHED, { id: movies[10], watched: false }, { token: user.token });
    expect(unwatched.data?.markWatched.watchedAt).toBeNull();
    const removed = await api.graphql(
      `mutation($id: Int!) { removeFromWatchlist(media: { type: MOVIE, tmdbId: $id }) { inWatchlist } }`,
      { id: movies[10] },
      { token: user.token },
    );
    expect(removed.data?.removeFromWatchlist.inWatchlist).toBe(false);

    // Put back with the date it was watched (the web app's Undo after taking a watched title off).
    const put = `mutation($id: Int!, $watched: Boolean, $at: DateTimeISO) { markWatched(media: { type: MOVIE, tmdbId: $id }, watched: $watched, watchedAt: $at) { inWatchlist watchedAt } }`;
    const back = await api.graphql(put, { id: movies[10], watched: true, at: "2024-03-01T20:15:00.000Z" }, { token: user.token });
    expect(back.data?.markWatched).toEqual({ inWatchlist: true, watchedAt: "2024-03-01T20:15:00.000Z" });
    const refused = async (variables: Record<string, unknown>) =>
      (await api.graphql(put, { id: movies[13], ...variables }, { token: user.token })).errors?.[0]?.extensions;
    expect(await refused({ watched: true, at: new Date(Date.now() + 86_400_000).toISOString() })).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(await refused({ watched: false, at: "2024-03-01T20:15:00.000Z" })).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(await refused({ watched: true, at: "1500-01-01T00:00:00.000Z" })).toMatchObject({ code: "BAD_USER_INPUT" });

    // Put back in its place: added again with the date it was first added (Undo).
    const addedOn = "2024-01-10T08:00:00.000Z";
    const placed = `mutation($id: Int!, $at: DateTimeISO) { addToWatchlist(media: { type: MOVIE, tmdbId: $id }, addedAt: $at) { id } addFavourite(media: { type: MOVIE, tmdbId: $id }, addedAt: $at) { id } }`;
    expect((await api.graphql(placed, { id: movies[14], at: addedOn }, { token: user.token })).errors).toBeUndefined();
    const dates = `query { watchlist(first: 50) { edges { addedAt node { id } } } favourites(first: 50) { edges { addedAt node { id } } } }`;
    const listed = (await api.graphql(dates, {}, { token: user.token })).data!;
    const dateOf = (connection: { edges: Array<{ addedAt: string; node: { id: string } }> }) =>
      connection.edges.find((edge) => edge.node.id === `movie:${movies[14]}`)?.addedAt;
    expect([dateOf(listed.watchlist), dateOf(listed.favourites)]).toEqual([addedOn, addedOn]);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    expect((await api.graphql(placed, { id: movies[15], at: tomorrow }, { token: user.token })).errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
    });

    const stranger = await api.createUser();
    expect(ids((await api.graphql(WATCHLIST, {}, { token: stranger.token })).data!.watchlist)).toEqual([]);
    expect((await api.graphql(WATCHLIST, {})).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("not interested", () => {
  it("dismisses and undoes, idempotently, per user", async () => {
    const user = await api.createUser();
    const dismiss = `mutation($id: Int!) { dismiss(media: { type: MOVIE, tmdbId: $id }) { isDismissed } }`;
    expect((await api.graphql(dismiss, { id: movies[20] }, { token: user.token })).data?.dismiss.isDismissed).toBe(true);
    expect((await api.graphql(dismiss, { id: movies[20] }, { token: user.token })).errors).toBeUndefined();
    const other = await api.createUser();
    const seen = await api.graphql(`query($id: Int!) { media(type: MOVIE, tmdbId: $id) { isDismissed } }`, { id: movies[20] }, { token: other.token });
    expect(seen.data?.media.isDismissed).toBe(false);
    const undo = await api.graphql(
      `mutation($id: Int!) { undoDismiss(media: { type: MOVIE, tmdbId: $id }) { isDismissed } }`,
      { id: movies[20] },
      { token: user.token },
    );
    expect(undo.data?.undoDismiss.isDismissed).toBe(false);
    expect((await api.graphql(dismiss, { id: movies[20] })).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("lists the caller's dismissed titles newest first, page by page, and a restored one leaves the list", async () => {
    const user = await api.createUser();
    const dismiss = `mutation($id: Int!) { dismiss(media: { type: MOVIE, tmdbId: $id }) { id } }`;
    for (const id of movies.slice(21, 24)) await api.graphql(dismiss, { id }, { token: user.token });
    const DISMISSED = `query($after: String) { dismissed(first: 2, after: $after) { totalCount edges { dismissedAt node { id isDismissed } } pageInfo { hasNextPage endCursor } } }`;
    const first = (await api.graphql(DISMISSED, {}, { token: user.token })).data!.dismissed;
    expect(first.totalCount).toBe(3);
    expect(ids(first)).toEqual([`movie:${movies[23]}`, `movie:${movies[22]}`]);
    expect(first.edges.every((edge: { node: { isDismissed: boolean } }) => edge.node.isDismissed)).toBe(true);
    const second = (await api.graphql(DISMISSED, { after: first.pageInfo.endCursor }, { token: user.token })).data!.dismissed;
    expect(ids(second)).toEqual([`movie:${movies[21]}`]);
    expect(second.pageInfo.hasNextPage).toBe(false);

    await api.graphql(`mutation($id: Int!) { undoDismiss(media: { type: MOVIE, tmdbId: $id }) { id } }`, { id: movies[22] }, { token: user.token });
    const after = (await api.graphql(DISMISSED, {}, { token: user.token })).data!.dismissed;
    expect(ids(after)).toEqual([`movie:${movies[23]}`, `movie:${movies[21]}`]);
    const someoneElse = await api.createUser();
    expect((await api.graphql(DISMISSED, {}, { token: someoneElse.token })).data!.dismissed.totalCount).toBe(0);
  });
});

describe("concurrent writes", () => {
  it("16 people adding and removing overlapping favourites at once: no errors, no deadlocks, every acknowledged write in place", async () => {
    const deadlocks = async () =>
      Number(
        (await api.services.prisma.$queryRaw<Array<{ deadlocks: bigint }>>`SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()`)[0]!
          .deadlocks,
      );
    const before = await deadlocks();
    const people = await Promise.all(Array.from({ length: 16 }, () => api.createUser()));
    const titles = movies.slice(0, 12); // few titles, so everybody touches the same ones
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    const errors: unknown[] = [];
    // Each person fires rounds of four writes at once; the 16 people run side by side.
    const expected = await Promise.all(
      people.map(async (person) => {
        const favourites = new Set<number>();
        for (let round = 0; round < 6; round++) {
          const picks = [...new Set(Array.from({ length: 4 }, () => titles[Math.floor(random() * titles.length)]!))];
          const writes = picks.map((id) => ({ id, add: !favourites.has(id) || random() < 0.3 }));
          const results = await Promise.all(
            writes.map((write) => api.graphql(write.add ? ADD_FAVOURITE : REMOVE_FAVOURITE, { id: write.id }, { token: person.token })),
          );
          results.forEach((result, index) => {
            if (result.errors) errors.push(result.errors);
            else if (writes[index]!.add) favourites.add(writes[index]!.id);
            else favourites.delete(writes[index]!.id);
          });
        }
        return favourites;
      }),
    );
    expect(errors).toEqual([]);
    for (const [index, person] of people.entries()) {
      const saved = await api.services.prisma.interaction.findMany({ where: { userId: person.id, kind: "FAVOURITE" }, select: { tmdbId: true } });
      expect(saved.map((row) => row.tmdbId).sort()).toEqual([...expected[index]!].sort());
    }
    // The statistics are flushed by each backend within about a second.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await deadlocks()).toBe(before);
  });
});
