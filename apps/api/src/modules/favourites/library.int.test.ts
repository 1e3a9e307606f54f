// Favourites, watchlist and "not interested" over HTTP: idempotent, paginated, scoped to the
// caller, and keeping the co-occurrence counts (the collaborative signal) exact.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi, type TestUser } from "../../test-support/api-harness.ts";

let api: TestApi;
let movies: number[];
beforeAll(async () => {
  api = await startTestApi();
  await api.seedMediaCache(2);
  movies = (await api.services.prisma.mediaCache.findMany({ where: { mediaType: "MOVIE" }, orderBy: { popularity: "desc" }, take: 30 })).map((row) => row.tmdbId);
});
afterAll(() => api?.close());

const ADD_FAVOURITE = `mutation($id: Int!) { addFavourite(media: { type: MOVIE, tmdbId: $id }) { id isFavourite } }`;
const REMOVE_FAVOURITE = `mutation($id: Int!) { removeFavourite(media: { type: MOVIE, tmdbId: $id }) { id isFavourite } }`;
const FAVOURITES = `query($first: Int, $after: String) { favourites(first: $first, after: $after) { edges { cursor addedAt node { id isFavourite } } pageInfo { hasNextPage endCursor } } }`;
const ADD_WATCHLIST = `mutation($id: Int!) { addToWatchlist(media: { type: MOVIE, tmdbId: $id }) { id inWatchlist watchedAt } }`;
const MARK_WATCHED = `mutation($id: Int!, $watched: Boolean) { markWatched(media: { type: MOVIE, tmdbId: $id }, watched: $watched) { id inWatchlist watchedAt } }`;
const WATCHLIST = `query($watched: Boolean) { watchlist(first: 50, watched: $watched) { edges { watchedAt node { id } } } }`;

const ids = (connection: { edges: Array<{ node: { id: string } }> }) => connection.edges.map((edge) => edge.node.id);

async function cooccurrence(a: number, b: number): Promise<number> {
  const row = await api.services.prisma.mediaCooccurrence.findUnique({
    where: { mediaType_tmdbId_otherMediaType_otherTmdbId: { mediaType: "MOVIE", tmdbId: a, otherMediaType: "MOVIE", otherTmdbId: b } },
  });
  return row?.count ?? 0;
}

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
    expect(await api.services.prisma.favourite.count({ where: { userId: user.id } })).toBe(1);
  });

  it("lists favourites newest first, page by page, with no repeats", async () => {
    for (const id of movies.slice(1, 6)) await api.graphql(ADD_FAVOURITE, { id }, { token: user.token });
    const first = await api.graphql(FAVOURITES, { first: 4 }, { token: user.token });
    const second = await api.graphql(FAVOURITES, { first: 4, after: first.data!.favourites.pageInfo.endCursor }, { token: user.token });
    expect(first.data!.favourites.pageInfo.hasNextPage).toBe(true);
    expect(second.data!.favourites.pageInfo.hasNextPage).toBe(false);
    expect([...ids(first.data!.favourites), ...ids(second.data!.favourites)]).toEqual(movies.slice(0, 6).reverse().map((id) => `movie:${id}`));
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
    for (const [query, variables] of [[FAVOURITES, {}], [ADD_FAVOURITE, { id: movies[0] }], [REMOVE_FAVOURITE, { id: movies[0] }]] as const) {
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
    expect(ids((await api.graphql(WATCHLIST, { watched: true }, { token: user.token })).data!.watchlist).sort()).toEqual([`movie:${movies[10]}`, `movie:${movies[11]}`].sort());
    expect(ids((await api.graphql(WATCHLIST, { watched: false }, { token: user.token })).data!.watchlist)).toEqual([`movie:${movies[12]}`]);

    const unwatched = await api.graphql(MARK_WATCHED, { id: movies[10], watched: false }, { token: user.token });
    expect(unwatched.data?.markWatched.watchedAt).toBeNull();
    const removed = await api.graphql(`mutation($id: Int!) { removeFromWatchlist(media: { type: MOVIE, tmdbId: $id }) { inWatchlist } }`, { id: movies[10] }, { token: user.token });
    expect(removed.data?.removeFromWatchlist.inWatchlist).toBe(false);

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
    const undo = await api.graphql(`mutation($id: Int!) { undoDismiss(media: { type: MOVIE, tmdbId: $id }) { isDismissed } }`, { id: movies[20] }, { token: user.token });
    expect(undo.data?.undoDismiss.isDismissed).toBe(false);
    expect((await api.graphql(dismiss, { id: movies[20] })).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("co-occurrence counts", () => {
  it("count each user once per pair, across favourites and watchlist, and drop when they leave", async () => {
    const [a, b, c] = [movies[25]!, movies[26]!, movies[27]!];
    const first = await api.createUser();
    const second = await api.createUser();
    await api.graphql(ADD_FAVOURITE, { id: a }, { token: first.token });
    await api.graphql(ADD_FAVOURITE, { id: b }, { token: first.token });
    await api.graphql(ADD_WATCHLIST, { id: b }, { token: first.token }); // already in the set: no double count
    await api.graphql(ADD_FAVOURITE, { id: a }, { token: second.token });
    await api.graphql(ADD_WATCHLIST, { id: b }, { token: second.token });
    await api.graphql(ADD_FAVOURITE, { id: c }, { token: second.token });
    expect(await cooccurrence(a, b)).toBe(2);
    expect(await cooccurrence(b, a)).toBe(2);
    expect(await cooccurrence(a, a)).toBe(2); // audience
    expect(await cooccurrence(a, c)).toBe(1);

    // b stays in the first user's set through the watchlist until both are gone.
    await api.graphql(REMOVE_FAVOURITE, { id: b }, { token: first.token });
    expect(await cooccurrence(a, b)).toBe(2);
    await api.graphql(`mutation($id: Int!) { removeFromWatchlist(media: { type: MOVIE, tmdbId: $id }) { id } }`, { id: b }, { token: first.token });
    expect(await cooccurrence(a, b)).toBe(1);
    expect(await cooccurrence(b, b)).toBe(1);

    // Concurrent adds by one user still count every pair exactly once.
    const third = await api.createUser();
    await Promise.all(movies.slice(0, 8).map((id) => api.graphql(ADD_FAVOURITE, { id }, { token: third.token })));
    const pairs = await api.services.prisma.$queryRaw<Array<{ bad: bigint }>>`
      SELECT count(*) AS bad FROM (
        SELECT c.count, (SELECT count(DISTINCT u.user_id) FROM (
            SELECT user_id, media_type, tmdb_id FROM favourite UNION SELECT user_id, media_type, tmdb_id FROM watchlist_item) u
          WHERE EXISTS (SELECT 1 FROM favourite f WHERE f.user_id = u.user_id AND f.media_type = c.media_type AND f.tmdb_id = c.tmdb_id
                        UNION SELECT 1 FROM watchlist_item w WHERE w.user_id = u.user_id AND w.media_type = c.media_type AND w.tmdb_id = c.tmdb_id)
            AND EXISTS (SELECT 1 FROM favourite f WHERE f.user_id = u.user_id AND f.media_type = c.other_media_type AND f.tmdb_id = c.other_tmdb_id
                        UNION SELECT 1 FROM watchlist_item w WHERE w.user_id = u.user_id AND w.media_type = c.other_media_type AND w.tmdb_id = c.other_tmdb_id)
        ) AS truth FROM media_cooccurrence c) x WHERE x.count <> x.truth`;
    expect(Number(pairs[0]!.bad)).toBe(0);
  });
});
