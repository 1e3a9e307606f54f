// The API in French over HTTP (Accept-Language, graphql/locale.ts): genre names from TMDB's French
// list, stored per language, and recommendation reasons said in French from the same ranking.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../test-support/api-harness.ts";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ catalogueSize: 3_000 });
  await api.seedMediaCache(10);
});
afterAll(() => api?.close());

const FRENCH = { "accept-language": "fr-CA,fr;q=0.9,en;q=0.5" };
const HORROR = 27;
const COMEDY = 35;

const RECOMMENDATIONS = `query { recommendations(first: 30) { edges { node { reasons { kind text refersTo } media { id } } } } }`;
type Reason = { kind: string; text: string; refersTo: string | null };
type Node = { reasons: Reason[]; media: { id: string } };

describe("genre names", () => {
  it("come in French for a caller whose Accept-Language asks for it, on titles too, and the HTTP cache varies by it", async () => {
    const movie = await api.graphql(`{ genres(type: MOVIE) { tmdbId name } }`, {}, { headers: FRENCH });
    expect(movie.data!.genres).toHaveLength(19);
    expect(movie.data!.genres).toContainEqual({ tmdbId: COMEDY, name: "Comédie" });
    expect(movie.data!.genres).toContainEqual({ tmdbId: 878, name: "Science-Fiction" });
    expect(movie.headers.get("vary")).toMatch(/accept-language/i);
    const row = await api.services.prisma.mediaCache.findFirstOrThrow({ where: { mediaType: "MOVIE", genreIds: { has: COMEDY } } });
    const title = `query($id: Int!) { media(type: MOVIE, tmdbId: $id) { genres { tmdbId name } } }`;
    expect((await api.graphql(title, { id: row.tmdbId }, { headers: FRENCH })).data!.media.genres).toContainEqual({ tmdbId: COMEDY, name: "Comédie" });
    expect((await api.graphql(title, { id: row.tmdbId })).data!.media.genres).toContainEqual({ tmdbId: COMEDY, name: "Comedy" });
    // Kept per language: the English names are untouched.
    const stored = await api.services.prisma.genre.findMany({
      where: { mediaType: "MOVIE", id: COMEDY },
      select: { language: true, name: true },
      orderBy: { language: "asc" },
    });
    expect(stored).toEqual([
      { language: "en", name: "Comedy" },
      { language: "fr", name: "Comédie" },
    ]);
  });
});

describe("recommendation reasons", () => {
  it("are the same reasons said in French, from the same ranking; other languages get English", async () => {
    const person = await api.createUser();
    const auth = { token: person.token };
    await api.graphql(`mutation { updatePreferences(input: { likedGenreIds: [${HORROR}, ${COMEDY}], onboarded: true }) { onboarded } }`, {}, auth);
    const loved = await api.services.prisma.mediaCache.findMany({
      // Not French films: the catalogue's French translation of one is its French title (checked below).
      where: { mediaType: "MOVIE", genreIds: { has: HORROR }, NOT: { originalLanguage: "fr" } },
      orderBy: { popularity: "desc" },
      take: 4,
    });
    for (const row of loved) {
      const added = await api.graphql(`mutation($id: Int!) { addFavourite(media: { type: MOVIE, tmdbId: $id }) { id } }`, { id: row.tmdbId }, auth);
      expect(added.errors).toBeUndefined();
    }
    const nodes = async (headers: Record<string, string> = {}): Promise<Node[]> => {
      const result = await api.graphql(RECOMMENDATIONS, {}, { ...auth, headers });
      expect(result.errors).toBeUndefined();
      return result.data!.recommendations.edges.map((edge: { node: Node }) => edge.node);
    };
    const english = await nodes();
    const french = await nodes(FRENCH);
    expect(french.map((node) => node.media.id)).toEqual(english.map((node) => node.media.id));
    const pairs = english.flatMap((node, i) => node.reasons.map((reason, j) => [reason, french[i]!.reasons[j]!] as const));
    expect(pairs.every(([en, fr]) => en.kind === fr.kind && en.refersTo === fr.refersTo)).toBe(true);

    const liked = pairs.filter(([en]) => en.kind === "BECAUSE_YOU_LIKED");
    expect(liked.length).toBeGreaterThan(0);
    for (const [en, fr] of liked) expect(fr.text).toBe(en.text.replace("Because you liked ", "Parce que vous avez aimé "));
    const genre = pairs.filter(([en]) => en.kind === "GENRE" && en.refersTo === `genre:${COMEDY}`);
    for (const [en, fr] of genre) {
      expect(en.text).toMatch(/ Comedy$/);
      expect(fr.text).toMatch(/ Comédie$/);
    }
    for (const [en, fr] of pairs) expect(fr.text, en.text).not.toBe(en.text);

    expect(await nodes({ "accept-language": "de-DE" })).toEqual(english);

    // A liked title TMDB translates is named in French in French reasons, and in English in English ones.
    const seed = liked[0]![0].refersTo!;
    const [kind, id] = seed.split(":");
    await api.services.prisma.mediaCache.update({
      where: { mediaType_tmdbId: { mediaType: kind === "tv" ? "TV" : "MOVIE", tmdbId: Number(id) } },
      data: { translations: { fr: { title: "Zqx le film aimé" } } },
    });
    const naming = (list: Node[]) => list.flatMap((node) => node.reasons).filter((reason) => reason.kind === "BECAUSE_YOU_LIKED" && reason.refersTo === seed);
    await expect
      .poll(async () => naming(await nodes(FRENCH)).map((reason) => reason.text)[0], { timeout: 10_000 })
      .toBe("Parce que vous avez aimé Zqx le film aimé");
    expect(naming(await nodes()).map((reason) => reason.text)[0]).toBe(naming(english)[0]!.text);
  });
});

describe("titles, overviews and taglines", () => {
  const TITLE = `query($id: Int!) { media(type: MOVIE, tmdbId: $id) { title originalTitle overview tagline } }`;

  it("come in the caller's language when TMDB has a translation, fetched with the details when the cache has none yet", async () => {
    // A French film the cache holds from a list only: its translations come with its details.
    const row = await api.services.prisma.mediaCache.findFirstOrThrow({
      where: {
        mediaType: "MOVIE",
        originalLanguage: "fr",
        detailsFetchedAt: null,
        NOT: { originalTitle: { equals: api.services.prisma.mediaCache.fields.title } },
      },
    });
    const french = await api.graphql(TITLE, { id: row.tmdbId }, { headers: FRENCH });
    expect(french.errors).toBeUndefined();
    const english = await api.graphql(TITLE, { id: row.tmdbId });
    // TMDB's French entry for a French film is its own title, with no overview or tagline of its own: English stands in.
    expect(french.data!.media).toEqual({ ...english.data!.media, title: row.originalTitle });
    expect(english.data!.media.title).toBe(row.title);
    const stored = await api.services.prisma.mediaCache.findUniqueOrThrow({ where: { mediaType_tmdbId: { mediaType: "MOVIE", tmdbId: row.tmdbId } } });
    expect(stored.translations).toEqual({ fr: { title: row.originalTitle } });

    // A translation with every field: each is said in French, and English callers keep TMDB's English.
    const translated = { title: "Zqx le titre traduit", overview: "Un résumé en français.", tagline: "Une accroche." };
    await api.services.prisma.mediaCache.update({
      where: { mediaType_tmdbId: { mediaType: "MOVIE", tmdbId: row.tmdbId } },
      data: { translations: { fr: translated } },
    });
    expect((await api.graphql(TITLE, { id: row.tmdbId }, { headers: FRENCH })).data!.media).toEqual({ ...translated, originalTitle: row.originalTitle });
    expect((await api.graphql(TITLE, { id: row.tmdbId })).data!.media).toEqual(english.data!.media);

    // Search finds it by its translated title, in any language (once the API's catalogue has caught up).
    const search = `{ searchMedia(query: "titre traduit", type: MOVIE) { edges { node { tmdbId title } } } }`;
    await expect
      .poll(async () => (await api.graphql(search, {}, { headers: FRENCH })).data!.searchMedia.edges.map((edge: { node: unknown }) => edge.node), {
        timeout: 10_000,
      })
      .toEqual([{ tmdbId: row.tmdbId, title: translated.title }]);
    expect((await api.graphql(search)).data!.searchMedia.edges).toEqual([{ node: { tmdbId: row.tmdbId, title: row.title } }]);
  });
});
