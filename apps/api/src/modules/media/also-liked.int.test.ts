// "People who liked this also liked" (Media.alsoLiked) over HTTP against real Postgres: the live
// trained model's neighbours of a title, strongest first (recommendations/serving/recommendation-serving.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../../test-support/api-harness.ts";
import { trainModel } from "../recommendations/model/train-model.job.ts";
import { DEFAULT_ITEM_MODEL_CONFIG } from "../recommendations/model/train-item-model.ts";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ catalogueSize: 3_000 });
  await api.seedMediaCache(10);
});
afterAll(() => api?.close());

async function alsoLiked(tmdbId: number): Promise<number[]> {
  const result = await api.graphql("query($id: Int!) { media(type: MOVIE, tmdbId: $id) { alsoLiked(first: 5) { tmdbId } } }", { id: tmdbId });
  expect(result.errors).toBeUndefined();
  return result.data!.media.alsoLiked.map((media: { tmdbId: number }) => media.tmdbId);
}

describe("alsoLiked", () => {
  it("lists what people who liked a title also liked: the trained model's neighbours, strongest first", async () => {
    const westerns = await api.services.prisma.mediaCache.findMany({
      where: { mediaType: "MOVIE", genreIds: { has: 37 } },
      orderBy: { popularity: "desc" },
      take: 4,
    });
    const [a, b, c, unliked] = westerns.map((row) => row.tmdbId);
    expect(await alsoLiked(a!)).toEqual([]); // before any training
    // Five people favourite a and b, three a and c (the model needs three people on a title).
    for (let index = 0; index < 8; index++) {
      const fan = await api.createUser();
      for (const id of [a!, index < 5 ? b! : c!]) {
        const result = await api.graphql("mutation($id: Int!) { addFavourite(media: { type: MOVIE, tmdbId: $id }) { id } }", { id }, { token: fan.token });
        expect(result.errors).toBeUndefined();
      }
    }
    await trainModel(api.services, { model: DEFAULT_ITEM_MODEL_CONFIG });
    const fromA = await alsoLiked(a!);
    expect(fromA.slice(0, 2)).toEqual([b, c]);
    expect(fromA).not.toContain(a);
    expect(fromA.length).toBeLessThanOrEqual(5);
    expect(await alsoLiked(b!)).toContain(a);
    // A title nobody liked has no such list.
    expect(await alsoLiked(unliked!)).toEqual([]);
  });
});
