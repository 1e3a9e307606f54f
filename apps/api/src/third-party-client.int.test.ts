// A third-party app on @movierec/client (packages/client), as its developers would use it: typed
// reads and writes by global id, paging through a list, errors with their code and status, and the
// rate-limit budget, against a real API over HTTP.
import {
  AddFavouriteDocument,
  createMovierecClient,
  FavouritesDocument,
  MeDocument,
  MovierecError,
  RateDocument,
  RecommendationsDocument,
  SearchDocument,
  TitleDocument,
} from "@movierec/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi, type TestUser } from "./test-support/api-harness.ts";

let api: TestApi;
let user: TestUser;
beforeAll(async () => {
  api = await startTestApi({ catalogueSize: 300, env: { API_RATE_LIMIT_PER_MINUTE_TOKEN: "1000" } });
  user = await api.createUser();
  await api.seedMediaCache(2);
});
afterAll(() => api?.close());

describe("@movierec/client against the API", () => {
  it("reads, writes by id, pages and reports the budget, typed", async () => {
    const movierec = createMovierecClient({ url: `${api.url}/graphql`, token: user.token });
    const { me } = await movierec.request(MeDocument);
    expect(me?.email).toBe(user.email);

    const rows = await api.services.prisma.mediaCache.findMany({ where: { mediaType: "MOVIE" }, orderBy: { popularity: "desc" }, take: 7 });
    for (const row of rows) {
      const { addFavourite } = await movierec.request(AddFavouriteDocument, { id: `movie:${row.tmdbId}` });
      expect(addFavourite.isFavourite).toBe(true);
    }
    const { rate } = await movierec.request(RateDocument, { id: `movie:${rows[0]!.tmdbId}`, rating: 9 });
    expect(rate.myRating).toBe(9);
    const { node } = await movierec.request(TitleDocument, { id: `movie:${rows[0]!.tmdbId}` });
    expect(node?.__typename === "Media" ? node.title : undefined).toBe(rows[0]!.title);

    // Every favourite, three a page.
    const favourites: string[] = [];
    for await (const edge of movierec.pages(FavouritesDocument, { first: 3 }, (data) => data.favourites)) favourites.push(edge.node.id);
    expect(favourites.sort()).toEqual(rows.map((row) => `movie:${row.tmdbId}`).sort());

    const { recommendations } = await movierec.request(RecommendationsDocument, { first: 5 });
    expect(recommendations.edges.length).toBeGreaterThan(0);
    expect(recommendations.edges.every((edge) => edge.node.reasons.length > 0)).toBe(true);

    const budget = movierec.rateLimit();
    expect(budget?.limit).toBe(1000);
    expect(budget?.remaining).toBeLessThan(1000);
  });

  it("throws MovierecError with the API's code and status", async () => {
    const anonymous = createMovierecClient({ url: `${api.url}/graphql` });
    expect((await anonymous.request(SearchDocument, { query: "the", first: 2 })).searchMedia.edges).toBeDefined();
    const unauthenticated = await anonymous.request(FavouritesDocument, {}).catch((error: unknown) => error);
    expect(unauthenticated).toBeInstanceOf(MovierecError);
    expect(unauthenticated).toMatchObject({ code: "UNAUTHENTICATED", status: 401 });

    const badToken = createMovierecClient({ url: `${api.url}/graphql`, token: "mr_not-a-token" });
    expect(await badToken.request(MeDocument).catch((error: unknown) => error)).toMatchObject({ code: "UNAUTHENTICATED", status: 401 });

    const signedIn = createMovierecClient({ url: `${api.url}/graphql`, token: user.token });
    const tooMany = await signedIn.request(SearchDocument, { query: "the", first: 51 }).catch((error: unknown) => error);
    expect(tooMany).toMatchObject({ code: "BAD_USER_INPUT", status: 400 });
    expect((tooMany as MovierecError).message).toBe("first must be between 1 and 50; got 51.");
  });
});
