// Search's TMDB fallback (media.service.ts, searchMedia) against real Postgres, Redis and the
// offline catalogue: when TMDB's answer names only titles the cache already holds, the answer does
// not wait for their rows to be written again; when it names a new title, it does.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withinMs } from "../../redis.ts";
import { startTestApi, type TestApi } from "../../test-support/api-harness.ts";
import { upsertListItems } from "./media-cache.writer.ts";
import { mixedListItems } from "./tmdb-into-cache.ts";

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
  await api.seedMediaCache(2);
});
afterAll(() => api?.close());

const SEARCH = `query($q: String!) { searchMedia(query: $q, first: 20) { edges { node { id } } } }`;
type SearchAnswer = { searchMedia: { edges: Array<{ node: { id: string } }> } };
const idsOf = (result: { data?: unknown }): string[] => (result.data as SearchAnswer).searchMedia.edges.map((edge) => edge.node.id);

type Items = ReturnType<typeof mixedListItems>;

/** A word of a cached film's title that TMDB's search finds in fewer than a page of titles (so the search asks TMDB), and `accept`s. */
async function rareWord(used: Set<string>, accept: (items: Items) => Promise<boolean> = async () => true): Promise<{ word: string; items: Items }> {
  const rows = await api.services.prisma.mediaCache.findMany({ where: { mediaType: "MOVIE" }, select: { title: true }, orderBy: { tmdbId: "asc" } });
  for (const row of rows) {
    for (const word of row.title.toLowerCase().split(/\W+/)) {
      if (word.length < 7 || used.has(word)) continue;
      used.add(word);
      const items = mixedListItems((await api.services.tmdb.searchMulti({ query: word, page: 1 })).results);
      if (items.length >= 1 && items.length <= 10 && (await accept(items))) return { word, items };
    }
  }
  throw new Error("no rare word in the cached titles");
}

/** Holds a row lock on a title until `release` is called, so writing that row waits. */
async function lockRow(key: { kind: "movie" | "tv"; id: number }) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let locked!: () => void;
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const done = api.services.prisma.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM media_cache WHERE media_type = ${key.kind}::media_type AND tmdb_id = ${key.id} FOR UPDATE`;
      locked();
      await released;
    },
    { timeout: 60_000 },
  );
  await isLocked;
  return { release: async () => (release(), await done) };
}

describe("search's TMDB fallback", () => {
  const used = new Set<string>();

  it("answers without waiting for the write when TMDB finds only titles the cache holds; the write still lands", async () => {
    const { word, items } = await rareWord(used);
    // Every title TMDB will name is cached, and the API's index has read them.
    await upsertListItems(api.services.prisma, items, "test/known");
    await api.services.recommendationServing.snapshot({ fresh: true });
    const lock = await lockRow(items[0]!);
    try {
      const searched = api.graphql(SEARCH, { q: word });
      // Waiting for the write would wait for the lock: the answer must come while it is held.
      const result = await withinMs(searched, 15_000);
      expect(result, "the search waited for the locked row's write").toBeDefined();
      expect(result!.errors).toBeUndefined();
      expect(idsOf(result!)).toContain(`${items[0]!.kind}:${items[0]!.id}`);
    } finally {
      await lock.release();
    }
    const written = async () =>
      (await api.services.prisma.mediaCache.findMany({ where: { tmdbId: { in: items.map((item) => item.id) }, sourceLists: { has: "search" } } })).length;
    const deadline = Date.now() + 10_000;
    while ((await written()) < items.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await written()).toBe(items.length);
  });

  it("waits for the write and finds a title new to the cache in the same answer", async () => {
    const uncached = async (items: Items) =>
      (await api.services.prisma.mediaCache.count({
        where: { mediaType: "MOVIE", tmdbId: { in: items.filter((item) => item.kind === "movie").map((item) => item.id) } },
      })) < items.filter((item) => item.kind === "movie").length;
    const { word, items } = await rareWord(used, uncached);
    const cached = new Set(
      (await api.services.prisma.mediaCache.findMany({ where: { mediaType: "MOVIE" }, select: { tmdbId: true } })).map((row) => row.tmdbId),
    );
    const fresh = items.find((item) => item.kind === "movie" && !cached.has(item.id))!;
    await api.services.recommendationServing.snapshot({ fresh: true });
    expect(api.services.recommendationServing.holds([`movie:${fresh.id}`])).toBe(false);
    const result = await api.graphql(SEARCH, { q: word });
    expect(result.errors).toBeUndefined();
    expect(idsOf(result)).toContain(`movie:${fresh.id}`);
    expect(api.services.recommendationServing.holds([`movie:${fresh.id}`])).toBe(true);
  });
});
