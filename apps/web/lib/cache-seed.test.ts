// The server's seed of the browser's cache (cache-seed.ts) and its merge over a persisted cache
// (mergeSeed in apollo-cache.ts): what the seed holds reads back as the view's query, complete.
import { type DocumentNode, Kind, visit } from "graphql";
import { describe, expect, it, vi } from "vitest";
import { entitySlices, readFirst } from "../components/first-reads";
import { createCache, createClient, mergeSeed } from "./apollo-cache";
import { cacheSeed, seedAnswer, seedQuery, seedWithin } from "./cache-seed";
import { DismissedDocument, HomeDocument, type HomeQuery } from "./generated/graphql";

const variables = { first: 2, filter: null };

function media(tmdbId: number, title: string) {
  return {
    __typename: "Media" as const,
    id: `movie:${tmdbId}`,
    type: "MOVIE" as const,
    tmdbId,
    title,
    year: 1995,
    posterUrl: `/images/t/p/w342/${tmdbId}.jpg`,
    voteAverage: 8.2,
    isFavourite: false,
    inWatchlist: false,
    watchedAt: null,
    isDismissed: false,
    myRating: null,
  };
}

/** An answer to seedQuery(HomeDocument), as the API gives it: `__typename` on every object. */
function homeAnswer(titles: Array<[number, string]>): HomeQuery {
  return {
    preferences: {
      __typename: "Preferences",
      likedGenreIds: [80],
      dislikedGenreIds: [],
      languages: ["en"],
      mediaTypes: ["MOVIE"],
      yearFrom: null,
      yearTo: null,
      minRating: null,
      maxRuntime: null,
      includeAdult: false,
      watchRegion: "GB",
      streamingServiceIds: [],
      onboarded: true,
    },
    recommendations: {
      __typename: "RecommendationConnection",
      coldStart: false,
      edges: titles.map(([tmdbId, title]) => ({
        __typename: "RecommendationEdge",
        node: {
          __typename: "Recommendation",
          reasons: [{ __typename: "RecommendationReason", kind: "BECAUSE_YOU_LIKED", text: "Because you liked Heat", refersTo: "movie:949" }],
          media: media(tmdbId, title),
        },
      })),
      pageInfo: { __typename: "PageInfo", endCursor: "cursor-1", hasNextPage: true },
    },
  } as unknown as HomeQuery;
}

/** What the view's query reads from a browser cache restored from `data`, through the seed's JSON. */
function readHome(data: ReturnType<typeof mergeSeed>) {
  const cache = createCache();
  cache.restore(JSON.parse(JSON.stringify(data)));
  return cache.diff({ query: HomeDocument, variables, optimistic: false, returnPartialData: true });
}

describe("cacheSeed", () => {
  it("asks as the browser's client does: __typename in every selection", () => {
    /** The object fields whose selection does not ask for __typename (directly, not through a fragment). */
    const untyped = (document: DocumentNode) => {
      const fields: string[] = [];
      visit(document, {
        Field(field) {
          const selections = field.selectionSet?.selections;
          if (selections && !selections.some((selection) => selection.kind === Kind.FIELD && selection.name.value === "__typename"))
            fields.push(field.name.value);
        },
      });
      return fields;
    };
    expect(untyped(HomeDocument)).toEqual(expect.arrayContaining(["preferences", "recommendations", "edges", "node", "reasons", "pageInfo"]));
    expect(untyped(seedQuery(HomeDocument))).toEqual([]);
  });

  it("holds the answer as the view's query reads it, complete and the same", () => {
    const answer = homeAnswer([
      [949, "Heat"],
      [680, "Pulp Fiction"],
    ]);
    const seed = cacheSeed([seedAnswer(HomeDocument, variables, answer)]);
    expect(seed).toBeDefined();
    const read = readHome(mergeSeed(null, seed!));
    expect(read.complete).toBe(true);
    const result = read.result as HomeQuery;
    expect(result.recommendations.edges.map((edge) => edge.node.media.title)).toEqual(["Heat", "Pulp Fiction"]);
    expect(result.preferences.onboarded).toBe(true);
    expect(result.recommendations.edges[0]?.node.reasons[0]?.text).toBe("Because you liked Heat");
  });

  it("holds a paginated answer whose values the cache reads back changed (an empty page's end cursor)", () => {
    const empty = {
      dismissed: { __typename: "DismissedConnection", totalCount: 0, edges: [], pageInfo: { __typename: "PageInfo", endCursor: null, hasNextPage: false } },
    };
    const seed = cacheSeed([seedAnswer(DismissedDocument, { first: 20 }, empty as never)]);
    expect(seed?.ROOT_QUERY).toHaveProperty("dismissed");
  });

  it("is nothing when an answer lacks what the cache needs (asked without seedQuery)", () => {
    const bare = homeAnswer([[949, "Heat"]]) as unknown as Record<string, unknown>;
    const withoutTypes = JSON.parse(JSON.stringify(bare, (key, value) => (key === "__typename" && value !== "Media" ? undefined : value)));
    expect(cacheSeed([seedAnswer(HomeDocument, variables, withoutTypes)])).toBeUndefined();
  });
});

describe("mergeSeed", () => {
  it("puts the server's objects over the persisted ones and keeps the rest of the persisted cache", () => {
    // A persisted cache from an earlier visit: Heat not yet a favourite, a watchlist answer, an old home.
    const earlier = createCache();
    earlier.writeQuery({ query: HomeDocument, variables, data: homeAnswer([[949, "Heat"]]) });
    earlier.writeQuery({
      query: HomeDocument,
      variables: { first: 2, filter: { availableToMe: true } },
      data: homeAnswer([[13, "Forrest Gump"]]),
    });
    const persisted = earlier.extract();

    const fresh = homeAnswer([
      [949, "Heat"],
      [680, "Pulp Fiction"],
    ]);
    fresh.recommendations.edges[0]!.node.media.isFavourite = true;
    const seed = cacheSeed([seedAnswer(HomeDocument, variables, fresh)])!;
    const merged = mergeSeed(persisted, seed);

    const read = readHome(merged);
    expect(read.complete).toBe(true);
    const result = read.result as HomeQuery;
    expect(result.recommendations.edges.map((edge) => [edge.node.media.title, edge.node.media.isFavourite])).toEqual([
      ["Heat", true],
      ["Pulp Fiction", false],
    ]);
    // What only the persisted cache held is still there.
    expect(merged['Media:{"id":"movie:13"}']).toMatchObject({ title: "Forrest Gump" });
    expect(Object.keys(merged.ROOT_QUERY ?? {})).toEqual(
      expect.arrayContaining(['recommendations:{"filter":{"availableToMe":true}}', 'recommendations:{"filter":null}']),
    );
  });
});

describe("seedWithin", () => {
  it("is the answer when it comes in time, and nothing when it comes late or fails", async () => {
    vi.useFakeTimers();
    try {
      const inTime = seedWithin(new Promise((resolve) => setTimeout(() => resolve("details"), 300)), 400);
      const late = seedWithin(new Promise((resolve) => setTimeout(() => resolve("details"), 500)), 400);
      const failed = seedWithin(Promise.reject(new Error("NOT_FOUND")), 400);
      await vi.advanceTimersByTimeAsync(400);
      expect(await inTime).toBe("details");
      expect(await late).toBeUndefined();
      expect(await failed).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });
});

// components/first-reads.tsx reads a seeded view's first queries a task before the view renders: worth
// it only if the view's own read (useQuery's first render: watchQuery, then the current result) then
// gets Apollo's kept result, the same object, instead of reading the cache again.
it("a first read leaves the view's own read of the seed done: Apollo gives it the same result", () => {
  const seed = cacheSeed([
    seedAnswer(
      HomeDocument,
      variables,
      homeAnswer([
        [949, "Heat"],
        [500, "Reservoir Dogs"],
      ]),
    ),
  ]);
  const client = createClient(createCache().restore(seed!), "en", { seeded: true });
  const first = readFirst(client, { query: HomeDocument, variables });
  expect(first.dataState).toBe("complete");
  const view = client.watchQuery({ query: HomeDocument, variables }).getCurrentResult();
  expect(view.data).toBe(first.data);
  // Identity is the kept result, not the stored data: the same answer asked with other variables is read anew.
  const other = client.watchQuery({ query: HomeDocument, variables: { ...variables, first: 3 } }).getCurrentResult();
  expect(other.data).toEqual(first.data);
  expect(other.data).not.toBe(first.data);
});

// A long list's objects (home's 50 titles) are read ahead a slice per task (entitySlices): worth it
// only if the whole query's read then returns the very objects those slices read.
it("a list's objects read ahead in slices are the objects the whole query's read returns", () => {
  const titles = Array.from({ length: 12 }, (_, index): [number, string] => [100 + index, `Title ${index}`]);
  const seed = cacheSeed([seedAnswer(HomeDocument, variables, homeAnswer(titles))]);
  const client = createClient(createCache().restore(seed!), "en", { seeded: true });
  const read = { query: HomeDocument, variables, entitiesAt: ["recommendations", "edges", "node", "media"] };
  const slices = entitySlices(client, read);
  expect(slices).toHaveLength(2);
  const ahead = slices.flatMap((slice) => slice());
  expect(ahead).toHaveLength(12);
  const whole = readFirst(client, read);
  const media = (whole.data as HomeQuery).recommendations.edges.map((edge) => edge.node.media);
  expect(media.map((item) => item.title)).toEqual(titles.map(([, title]) => title));
  media.forEach((item, index) => expect(item).toBe(ahead[index]));
});
