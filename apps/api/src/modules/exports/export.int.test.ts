// Export: everything a person has as movierec JSON, and back — export, a new account imports the
// file, and it has the same favourites, watchlist, watched, ratings, dismissals (with their dates)
// and preferences. And Letterboxd's CSV columns, films only.
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi, type TestUser } from "../../test-support/api-harness.ts";
import { runImport } from "../imports/import.job.ts";

let api: TestApi;
let movies: number[];
let series: number[];
beforeAll(async () => {
  api = await startTestApi();
  await api.seedMediaCache(1);
  const titles = async (mediaType: "MOVIE" | "TV") =>
    (await api.services.prisma.mediaCache.findMany({ where: { mediaType }, orderBy: { popularity: "desc" }, take: 8 })).map((row) => row.tmdbId);
  [movies, series] = await Promise.all([titles("MOVIE"), titles("TV")]);
});
afterAll(() => api?.close());

const EXPORT = `query($format: ExportFormat!) { exportData(format: $format) { fileName contentType content } }`;
const PREFERENCES = `{ preferences { likedGenreIds dislikedGenreIds mediaTypes languages yearFrom yearTo maxRuntime minRating includeAdult watchRegion streamingServiceIds onboarded } }`;

async function act(user: TestUser, mutation: string, variables: Record<string, unknown>) {
  const result = await api.graphql(mutation, variables, { token: user.token });
  expect(result.errors, mutation).toBeUndefined();
}
const ref = (type: "MOVIE" | "TV", tmdbId: number) => ({ media: { type, tmdbId } });

const stateOf = async (user: TestUser) => ({
  interactions: await api.services.prisma.interaction.findMany({
    where: { userId: user.id },
    orderBy: [{ kind: "asc" }, { mediaType: "asc" }, { tmdbId: "asc" }],
    select: { kind: true, mediaType: true, tmdbId: true, rating: true, createdAt: true },
  }),
  preferences: (await api.graphql(PREFERENCES, {}, { token: user.token })).data?.preferences,
});

describe("export", () => {
  let original: TestUser;
  beforeAll(async () => {
    original = await api.createUser();
    const m = `($media: MediaRefInput!)`;
    await act(original, `mutation${m} { addFavourite(media: $media) { id } }`, ref("MOVIE", movies[0]!));
    await act(original, `mutation${m} { addFavourite(media: $media) { id } }`, ref("TV", series[0]!));
    await act(original, `mutation${m} { addToWatchlist(media: $media) { id } }`, ref("MOVIE", movies[1]!));
    await act(original, `mutation${m} { markWatched(media: $media) { id } }`, ref("MOVIE", movies[2]!));
    await act(original, `mutation${m} { markWatched(media: $media) { id } }`, ref("TV", series[1]!));
    await act(original, `mutation${m} { rate(media: $media, rating: 7) { id } }`, ref("MOVIE", movies[2]!));
    await act(original, `mutation${m} { rate(media: $media, rating: 3) { id } }`, ref("TV", series[2]!));
    await act(original, `mutation${m} { dismiss(media: $media) { id } }`, ref("MOVIE", movies[3]!));
    await act(
      original,
      `mutation { updatePreferences(input: { likedGenreIds: [80, 18], dislikedGenreIds: [27], mediaTypes: [MOVIE], languages: ["en", "fr"], yearFrom: 1970, minRating: 6.5, watchRegion: "GB", streamingServiceIds: [8, 337], onboarded: true }) { likedGenreIds } }`,
      {},
    );
  });

  it("export, then import into a new account: the same state", async () => {
    const exported = (await api.graphql(EXPORT, { format: "MOVIEREC_JSON" }, { token: original.token })).data!.exportData;
    expect(exported.fileName).toMatch(/^movierec-export-\d{4}-\d{2}-\d{2}\.json$/);
    expect(exported.contentType).toBe("application/json");
    expect(JSON.parse(exported.content)).toMatchObject({ format: "movierec", version: 1, account: { email: original.email } });

    const copy = await api.createUser();
    const uploaded = await fetch(`${api.url}/imports?name=${exported.fileName}`, {
      method: "POST",
      headers: { authorization: `Bearer ${copy.token}`, "content-type": exported.contentType },
      body: exported.content,
    });
    expect(uploaded.status).toBe(202);
    const { import: job } = (await uploaded.json()) as { import: { id: string } };
    await runImport(api.services, job.id);

    const [before, after] = await Promise.all([stateOf(original), stateOf(copy)]);
    expect(before.interactions.length).toBe(10);
    expect(after).toEqual(before);

    // The copy's own export lists the import it came from.
    const again = JSON.parse((await api.graphql(EXPORT, { format: "MOVIEREC_JSON" }, { token: copy.token })).data!.exportData.content);
    expect(again.imports).toMatchObject([{ source: "movierec", fileName: exported.fileName, rows: 10, applied: 10, missed: 0 }]);
  });

  it("Letterboxd CSV: the films watched, rated or liked, with stars; and the watchlist; no series", async () => {
    const films = (await api.graphql(EXPORT, { format: "LETTERBOXD_FILMS_CSV" }, { token: original.token })).data!.exportData;
    const rows = parse(films.content, { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(rows[0]!)).toEqual(["tmdbID", "Title", "Year", "Rating", "Rating10", "WatchedDate", "Tags"]);
    const byId = new Map(rows.map((row) => [Number(row.tmdbID), row]));
    expect([...byId.keys()].sort()).toEqual([movies[0]!, movies[2]!].sort());
    expect(byId.get(movies[2]!)).toMatchObject({ Rating: "3.5", Rating10: "7", WatchedDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(byId.get(movies[0]!)).toMatchObject({ Tags: "favourite", Rating: "" });

    const watchlist = (await api.graphql(EXPORT, { format: "LETTERBOXD_WATCHLIST_CSV" }, { token: original.token })).data!.exportData;
    const listed = (parse(watchlist.content, { columns: true }) as Array<Record<string, string>>).map((row) => Number(row.tmdbID));
    expect(listed.sort()).toEqual([movies[1]!, movies[2]!].sort());
  });

  it("anonymous: UNAUTHENTICATED", async () => {
    expect((await api.graphql(EXPORT, { format: "MOVIEREC_JSON" })).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});
