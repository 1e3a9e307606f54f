// Ratings over HTTP: ½ to 5 stars as 1–10, one per person and title, changed or cleared, listed,
// validated, private to their owner, and taken into the caller's recommendations.
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

const RATE = `mutation($id: Int!, $rating: Int!) { rate(media: { type: MOVIE, tmdbId: $id }, rating: $rating) { id myRating } }`;
const CLEAR = `mutation($id: Int!) { clearRating(media: { type: MOVIE, tmdbId: $id }) { id myRating } }`;
const MY_RATING = `query($id: Int!) { media(type: MOVIE, tmdbId: $id) { id myRating } }`;
const RATINGS = `query($first: Int, $after: String) { ratings(first: $first, after: $after) { edges { rating ratedAt node { id myRating } } pageInfo { hasNextPage endCursor } } }`;
const RECOMMENDATIONS = `{ recommendations(first: 50) { coldStart edges { node { media { id } reasons { kind text } } } } }`;

const ratingRows = (user: TestUser) =>
  api.services.prisma.interaction.findMany({ where: { userId: user.id, kind: "RATING" }, select: { tmdbId: true, rating: true } });

describe("ratings", () => {
  let user: TestUser;
  beforeAll(async () => {
    user = await api.createUser();
  });

  it("rates a title, changes the rating, and keeps one rating per title", async () => {
    const first = await api.graphql(RATE, { id: movies[0], rating: 7 }, { token: user.token });
    expect(first.errors).toBeUndefined();
    expect(first.data?.rate).toEqual({ id: `movie:${movies[0]}`, myRating: 7 });

    const changed = await api.graphql(RATE, { id: movies[0], rating: 10 }, { token: user.token });
    expect(changed.data?.rate.myRating).toBe(10);
    expect((await api.graphql(MY_RATING, { id: movies[0] }, { token: user.token })).data?.media.myRating).toBe(10);
    expect(await ratingRows(user)).toEqual([{ tmdbId: movies[0], rating: 10 }]);
  });

  it("clears a rating, and clearing one that is not there is fine", async () => {
    await api.graphql(RATE, { id: movies[1], rating: 4 }, { token: user.token });
    const cleared = await api.graphql(CLEAR, { id: movies[1] }, { token: user.token });
    expect(cleared.data?.clearRating).toEqual({ id: `movie:${movies[1]}`, myRating: null });
    const again = await api.graphql(CLEAR, { id: movies[1] }, { token: user.token });
    expect(again.errors).toBeUndefined();
    expect((await ratingRows(user)).map((row) => row.tmdbId)).not.toContain(movies[1]);
  });

  it("lists rated titles newest first with their ratings, page by page", async () => {
    const person = await api.createUser();
    const rated = movies.slice(2, 7);
    for (const [index, id] of rated.entries()) await api.graphql(RATE, { id, rating: index + 1 }, { token: person.token });
    const first = await api.graphql(RATINGS, { first: 3 }, { token: person.token });
    const second = await api.graphql(RATINGS, { first: 3, after: first.data!.ratings.pageInfo.endCursor }, { token: person.token });
    const edges = [...first.data!.ratings.edges, ...second.data!.ratings.edges];
    expect(edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual([...rated].reverse().map((id) => `movie:${id}`));
    expect(edges.map((edge: { rating: number }) => edge.rating)).toEqual([5, 4, 3, 2, 1]);
    expect(edges.every((edge: { rating: number; node: { myRating: number } }) => edge.node.myRating === edge.rating)).toBe(true);
    expect(second.data!.ratings.pageInfo.hasNextPage).toBe(false);
  });

  it.each([
    ["0", 0],
    ["11", 11],
    ["-3", -3],
  ])("refuses a rating of %s with BAD_USER_INPUT and stores nothing", async (_label, rating) => {
    const person = await api.createUser();
    const result = await api.graphql(RATE, { id: movies[8], rating }, { token: person.token });
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0]?.message).toMatch(/rating must be a whole number from 1 to 10/);
    expect(await ratingRows(person)).toEqual([]);
  });

  it("is also held by Postgres: no rating outside 1–10, none on other kinds, none missing on a rating", async () => {
    const person = await api.createUser();
    const row = { userId: person.id, mediaType: "MOVIE" as const, tmdbId: movies[9]! };
    await expect(api.services.prisma.interaction.create({ data: { ...row, kind: "RATING", rating: 11 } })).rejects.toThrow(/interaction_rating_check/);
    await expect(api.services.prisma.interaction.create({ data: { ...row, kind: "RATING" } })).rejects.toThrow(/interaction_rating_check/);
    await expect(api.services.prisma.interaction.create({ data: { ...row, kind: "FAVOURITE", rating: 8 } })).rejects.toThrow(/interaction_rating_check/);
  });

  it("refuses a fractional rating at the schema (an Int)", async () => {
    const result = await api.graphql(RATE, { id: movies[8], rating: 3.5 }, { token: user.token });
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("refuses an unknown title with NOT_FOUND and an anonymous caller with UNAUTHENTICATED", async () => {
    const unknown = await api.graphql(RATE, { id: 999_999_999, rating: 6 }, { token: user.token });
    expect(unknown.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const anonymous = await api.graphql(RATE, { id: movies[0], rating: 6 });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("is private: another person sees no rating on the same title", async () => {
    const other = await api.createUser();
    expect((await api.graphql(MY_RATING, { id: movies[0] }, { token: other.token })).data?.media.myRating).toBeNull();
    expect((await api.graphql(RATINGS, {}, { token: other.token })).data?.ratings.edges).toEqual([]);
  });
});

describe("ratings in recommendations", () => {
  it("a high rating makes recommendations personal; a rated title is never recommended back", async () => {
    const person = await api.createUser();
    expect((await api.graphql(RECOMMENDATIONS, {}, { token: person.token })).data?.recommendations.coldStart).toBe(true);

    await api.graphql(RATE, { id: movies[0], rating: 10 }, { token: person.token });
    await api.graphql(RATE, { id: movies[1], rating: 2 }, { token: person.token });
    const result = await api.graphql(RECOMMENDATIONS, {}, { token: person.token });
    expect(result.errors).toBeUndefined();
    expect(result.data?.recommendations.coldStart).toBe(false);
    const recommended = result.data!.recommendations.edges.map((edge: { node: { media: { id: string } } }) => edge.node.media.id);
    expect(recommended.length).toBeGreaterThan(0);
    expect(recommended).not.toContain(`movie:${movies[0]}`);
    expect(recommended).not.toContain(`movie:${movies[1]}`);
  });

  it("a low rating alone is not a taste to recommend from", async () => {
    const person = await api.createUser();
    await api.graphql(RATE, { id: movies[3], rating: 3 }, { token: person.token });
    const result = await api.graphql(RECOMMENDATIONS, {}, { token: person.token });
    expect(result.data?.recommendations.coldStart).toBe(true);
    const recommended = result.data!.recommendations.edges.map((edge: { node: { media: { id: string } } }) => edge.node.media.id);
    expect(recommended).not.toContain(`movie:${movies[3]}`);
  });
});
