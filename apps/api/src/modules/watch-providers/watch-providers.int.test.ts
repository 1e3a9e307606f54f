// "Your services" over HTTP against real Postgres and the offline catalogue: providers cached with
// each title's details, where to watch, the region and services in preferences, and the "available
// to me" filter on browse and recommendations, each checked against what the catalogue itself
// answers for watch/providers over HTTP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GraphQLResponse, startTestApi, type TestApi, type TestUser } from "../../test-support/api-harness.ts";
import { onlyError } from "../auth/auth.test-support.ts";
import { WatchProviderService } from "./watch-provider.service.ts";

type Offer = { provider_id: number; provider_name: string };
type RegionOffers = { link?: string; flatrate?: Offer[]; free?: Offer[]; ads?: Offer[]; rent?: Offer[]; buy?: Offer[] };

let api: TestApi;
/** What the catalogue says about each seeded title ("movie:550" → region → offers), read from its own HTTP route. */
const truth = new Map<string, Record<string, RegionOffers>>();
const NETFLIX = 8;
const DISNEY = 337;

beforeAll(async () => {
  api = await startTestApi({ env: { TMDB_TIMEOUT_MS: "10000" } });
  await api.seedMediaCache(2);
  const rows = await api.services.prisma.mediaCache.findMany({ select: { mediaType: true, tmdbId: true } });
  for (const row of rows) {
    const key = `${row.mediaType === "MOVIE" ? "movie" : "tv"}:${row.tmdbId}`;
    await api.services.enrichment.fetchDetails(key);
    const response = await fetch(`${api.catalogue.url}/${key.replace(":", "/")}/watch/providers`);
    truth.set(key, ((await response.json()) as { results: Record<string, RegionOffers> }).results);
  }
}, 120_000);
afterAll(() => api?.close());

const streamedOn = (key: string, region: string, ids: number[]) =>
  [...(truth.get(key)?.[region]?.flatrate ?? []), ...(truth.get(key)?.[region]?.free ?? []), ...(truth.get(key)?.[region]?.ads ?? [])].some((offer) =>
    ids.includes(offer.provider_id),
  );

const SET_SERVICES = `mutation($input: UpdatePreferencesInput!) { updatePreferences(input: $input) { watchRegion streamingServiceIds streamingServices { tmdbId name logoUrl } } }`;

async function withServices(region: string, ids: number[]): Promise<TestUser> {
  const user = await api.createUser();
  const result = await api.graphql(SET_SERVICES, { input: { watchRegion: region, streamingServiceIds: ids } }, { token: user.token });
  expect(result.errors).toBeUndefined();
  return user;
}

describe("watch providers", () => {
  it("lists regions by name and each region's providers, most watched first, from TMDB's lists stored once", async () => {
    const result = await api.graphql(`{ watchRegions { code name } us: watchProviders(region: "US") { id name logoUrl } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.watchRegions).toEqual([
      { code: "CA", name: "Canada" },
      { code: "FR", name: "France" },
      { code: "DE", name: "Germany" },
      { code: "GB", name: "United Kingdom" },
      { code: "US", name: "United States" },
    ]);
    const us = result.data!.us as Array<{ id: number; name: string; logoUrl: string }>;
    expect(us.length).toBe(16);
    expect(us.slice(0, 3).map((p) => p.name)).toEqual(["Netflix", "Amazon Prime Video", "Disney Plus"]);
    expect(us[0]!.logoUrl).toMatch(/\/w92\/w8l\.jpg$/);
    expect(await api.services.prisma.watchProvider.count({ where: { regions: { has: "US" } } })).toBe(16);
    onlyError(await api.graphql(`{ watchProviders(region: "usa") { id } }`), "BAD_USER_INPUT");
  });

  it("asks TMDB for the provider lists again soon when it could not give them, not six hours later, without making requests wait", async () => {
    const fresh = await startTestApi({ catalogue: api.catalogue });
    try {
      const service = new WatchProviderService({
        prisma: fresh.services.prisma,
        tmdb: fresh.services.tmdb,
        logger: fresh.services.logger,
        retryAfterFailureMs: 0,
      });
      api.catalogue.setFaults({ wrongShape: { count: 100 }, pathPrefix: "/3/watch/providers" });
      expect(await service.regions()).toEqual([]);
      // Read again in the background while TMDB hangs (once per list, then answers): what was read
      // before serves meanwhile, at once.
      api.catalogue.setFaults({ hang: { count: 2 }, pathPrefix: "/3/watch/providers" });
      expect(await Promise.race([service.regions(), new Promise((resolve) => setTimeout(resolve, 1_000, "waited for TMDB"))])).toEqual([]);
      await expect.poll(async () => (await service.regions()).map((region) => region.code), { timeout: 30_000 }).toContain("US");
    } finally {
      api.catalogue.clearFaults();
      await fresh.close();
    }
  });

  it("says where a title can be watched in a region, as TMDB does, with the caller's region by default", async () => {
    const [key, offers] = [...truth].find(([, regions]) => (regions.US?.flatrate?.length ?? 0) > 0 && (regions.US?.rent?.length ?? 0) > 0)!;
    const [type, id] = key.split(":");
    const query = `query($region: String) { media(type: ${type!.toUpperCase()}, tmdbId: ${id}) {
      whereToWatch(region: $region) { region { code name } link stream { id tmdbId name } rent { tmdbId } buy { tmdbId } onMyServices } } }`;
    const anonymous = await api.graphql(query);
    expect(anonymous.errors).toBeUndefined();
    const us = anonymous.data!.media.whereToWatch;
    expect(us.region).toEqual({ code: "US", name: "United States" });
    expect(us.link).toBe(offers.US!.link);
    expect(us.stream).toEqual(offers.US!.flatrate!.map((p) => ({ id: `provider:${p.provider_id}`, tmdbId: p.provider_id, name: p.provider_name })));
    expect(us.rent.map((p: { tmdbId: number }) => p.tmdbId)).toEqual(offers.US!.rent!.map((p) => p.provider_id));
    expect(us.onMyServices).toBe(false);

    // A region where TMDB lists nothing for it: empty lists, not an error.
    const nowhere = (await api.graphql(query, { region: "JP" })).data!.media.whereToWatch;
    expect(nowhere).toMatchObject({ region: { code: "JP", name: "Japan" }, link: null, stream: [], rent: [], buy: [] });

    // The caller's own region and services decide the default and onMyServices.
    const streamer = offers.US!.flatrate![0]!.provider_id;
    const user = await withServices("US", [streamer]);
    const mine = (await api.graphql(query, {}, { token: user.token })).data!.media.whereToWatch;
    expect(mine.region.code).toBe("US");
    expect(mine.onMyServices).toBe(true);
    onlyError(await api.graphql(query, { region: "u" }), "BAD_USER_INPUT");
  });

  it("keeps a region and services in preferences, named, and refuses regions and services TMDB does not list", async () => {
    const user = await api.createUser();
    const set = await api.graphql(SET_SERVICES, { input: { watchRegion: "GB", streamingServiceIds: [NETFLIX, DISNEY, NETFLIX] } }, { token: user.token });
    expect(set.errors).toBeUndefined();
    expect(set.data!.updatePreferences).toMatchObject({
      watchRegion: "GB",
      streamingServiceIds: [NETFLIX, DISNEY],
      streamingServices: [
        { tmdbId: NETFLIX, name: "Netflix" },
        { tmdbId: DISNEY, name: "Disney Plus" },
      ],
    });
    const noRegion = onlyError(await api.graphql(SET_SERVICES, { input: { watchRegion: "JP" } }, { token: user.token }), "BAD_USER_INPUT");
    expect(noRegion.message).toMatch(/No watch-provider data for region JP.*watchRegions/);
    const unknown = onlyError(await api.graphql(SET_SERVICES, { input: { streamingServiceIds: [NETFLIX, 999_999] } }, { token: user.token }), "BAD_USER_INPUT");
    expect(unknown.message).toMatch(/Unknown watch provider ids: 999999.*watchProviders/);
    onlyError(await api.graphql(SET_SERVICES, { input: { watchRegion: "gb" } }, { token: user.token }), "BAD_USER_INPUT");
    // Nothing of the refused changes was kept; null and [] clear.
    const cleared = await api.graphql(SET_SERVICES, { input: { watchRegion: null, streamingServiceIds: [] } }, { token: user.token });
    expect(cleared.data!.updatePreferences).toEqual({ watchRegion: null, streamingServiceIds: [], streamingServices: [] });
  });

  it("browses only what streams on my services in my region, every such title and no other", async () => {
    const user = await withServices("US", [NETFLIX, DISNEY]);
    const seen: string[] = [];
    // Films and series: the catalogue's real films have no providers (movies.json says nothing of them).
    for (const type of ["MOVIE", "TV"]) {
      let after: string | null = null;
      for (;;) {
        const page: GraphQLResponse = await api.graphql(
          `query($after: String) { browse(filter: { type: ${type}, availableToMe: true }, first: 50, after: $after) {
            edges { node { id whereToWatch { onMyServices } } } pageInfo { hasNextPage endCursor } } }`,
          { after },
          { token: user.token },
        );
        expect(page.errors).toBeUndefined();
        for (const edge of page.data!.browse.edges) {
          seen.push(edge.node.id);
          expect(edge.node.whereToWatch.onMyServices).toBe(true);
        }
        if (!page.data!.browse.pageInfo.hasNextPage) break;
        after = page.data!.browse.pageInfo.endCursor;
      }
    }
    const expected = [...truth.keys()].filter((key) => streamedOn(key, "US", [NETFLIX, DISNEY]));
    expect(expected.length).toBeGreaterThan(10);
    expect(expected.length).toBeLessThan(truth.size);
    expect(seen.sort()).toEqual(expected.sort());
  });

  it("recommends only what streams on my services when asked, and says what to set first", async () => {
    const user = await withServices("US", [NETFLIX]);
    const keys = [...truth.keys()];
    const liked = keys.filter((key) => key.startsWith("movie:")).slice(0, 3);
    for (const key of liked)
      expect(
        (await api.graphql(`mutation { addFavourite(media: { type: MOVIE, tmdbId: ${key.split(":")[1]} }) { id } }`, {}, { token: user.token })).errors,
      ).toBeUndefined();
    const recommend = (filter: string, token: string) =>
      api.graphql(`{ recommendations(first: 40${filter}) { edges { node { media { id } } } } }`, {}, { token });
    const all = await recommend("", user.token);
    const mine = await recommend(", filter: { availableToMe: true }", user.token);
    expect(all.errors).toBeUndefined();
    expect(mine.errors).toBeUndefined();
    const allIds = all.data!.recommendations.edges.map((edge: { node: { media: { id: string } } }) => edge.node.media.id) as string[];
    const mineIds = mine.data!.recommendations.edges.map((edge: { node: { media: { id: string } } }) => edge.node.media.id) as string[];
    expect(mineIds.length).toBeGreaterThan(5);
    for (const id of mineIds) expect(streamedOn(id, "US", [NETFLIX]), id).toBe(true);
    // The filter did something: without it the list holds titles not on Netflix.
    expect(allIds.some((id) => !streamedOn(id, "US", [NETFLIX]))).toBe(true);

    const nothingSet = await api.createUser();
    const refused = onlyError(await recommend(", filter: { availableToMe: true }", nothingSet.token), "BAD_USER_INPUT");
    expect(refused.message).toMatch(/region and streaming services.*Settings/);
    onlyError(await api.graphql(`{ browse(filter: { type: TV, availableToMe: true }) { edges { node { id } } } }`), "UNAUTHENTICATED");
  });
});
