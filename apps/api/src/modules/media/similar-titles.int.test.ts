// Similar titles ("more like this") over HTTP against real Postgres and the offline catalogue: the
// ranking the API computes in memory (recommendations/serving/similar-titles.ts) against the SQL
// formula it replaced, and that it asks Postgres nothing to rank.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../../test-support/api-harness.ts";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ env: { TMDB_TIMEOUT_MS: "10000" } });
  await api.seedMediaCache(3);
});
afterAll(() => api?.close());

describe("similar", () => {
  // The ranking as one SQL statement over media_cache, as it was computed before it moved into the
  // API's memory (recommendations/serving/similar-titles.ts): the reference the API must agree with.
  async function similarBySql(mediaType: "movie" | "tv", tmdbId: number): Promise<string[]> {
    const rows = await api.services.prisma.$queryRaw<Array<{ key: string }>>`
      SELECT c.media_type::text || ':' || c.tmdb_id AS key
        FROM media_cache src JOIN media_cache c ON c.media_type = src.media_type
       WHERE src.media_type = ${mediaType}::media_type AND src.tmdb_id = ${tmdbId}
         AND c.tmdb_id <> src.tmdb_id AND NOT c.adult AND c.genre_ids && src.genre_ids
       ORDER BY 2 * cardinality(ARRAY(SELECT unnest(c.genre_ids) INTERSECT SELECT unnest(src.genre_ids)))
              + cardinality(ARRAY(SELECT unnest(c.keyword_ids) INTERSECT SELECT unnest(src.keyword_ids)))
              + 3 * cardinality(ARRAY(SELECT unnest(c.director_ids) INTERSECT SELECT unnest(src.director_ids)))
              + cardinality(ARRAY(SELECT unnest(c.cast_ids) INTERSECT SELECT unnest(src.cast_ids))) DESC,
                c.vote_average DESC NULLS LAST, c.tmdb_id
       LIMIT 12`;
    return rows.map((row) => row.key);
  }

  it("ranks the same type's titles by what they share (2 × genres + keywords + 3 × directors + cast), then rating, as the SQL formula does", async () => {
    // Details (keywords, cast, directors) for the head of each type, so every term of the score counts.
    // (120: many real films have no keywords, movies.json gives them only what their source was)
    const listed = await api.services.prisma.mediaCache.findMany({ orderBy: { popularity: "desc" }, take: 120 });
    for (const row of listed) await api.services.enrichment.fetchDetails(`${row.mediaType === "MOVIE" ? "movie" : "tv"}:${row.tmdbId}`);
    const head = await api.services.prisma.mediaCache.findMany({ where: { keywordIds: { isEmpty: false } }, orderBy: { popularity: "desc" } });
    expect(head.length).toBeGreaterThan(40);
    // Invented films: a real one may have a rare genre, or none, and fewer than 12 titles to share it with.
    const invented = (row: { mediaType: string; tmdbId: number }) => row.mediaType === "MOVIE" && api.catalogue.catalogue.movie(row.tmdbId)?.real === false;
    const sources = [...head.filter(invented).slice(0, 4), ...head.filter((row) => row.mediaType === "TV").slice(0, 2)];
    const query = `{ ${sources.map((row, index) => `m${index}: media(type: ${row.mediaType}, tmdbId: ${row.tmdbId}) { id similar(first: 12) { id } }`).join(" ")} }`;
    const result = await api.graphql(query);
    expect(result.errors).toBeUndefined();
    let sharingPeopleOrKeywords = 0;
    for (const [index, row] of sources.entries()) {
      const listed = result.data![`m${index}`].similar.map((media: { id: string }) => media.id);
      const expected = await similarBySql(row.mediaType === "MOVIE" ? "movie" : "tv", row.tmdbId);
      expect(listed).toHaveLength(12);
      expect(listed).toEqual(expected);
      const top = await api.services.prisma.mediaCache.findFirstOrThrow({ where: { mediaType: row.mediaType, tmdbId: Number(listed[0].split(":")[1]) } });
      if (top.keywordIds.some((id) => row.keywordIds.includes(id)) || top.castIds.some((id) => row.castIds.includes(id))) sharingPeopleOrKeywords++;
    }
    // Not a ranking by genres alone: the details decide the top for some titles.
    expect(sharingPeopleOrKeywords).toBeGreaterThan(0);
  });

  it("ranks in the API's memory, not in Postgres, and gives the same lists when asked again", async () => {
    const rows = await api.services.prisma.mediaCache.findMany({ where: { mediaType: "MOVIE" }, orderBy: { popularity: "desc" }, take: 3 });
    const query = `{ ${rows.map((row, index) => `m${index}: media(type: MOVIE, tmdbId: ${row.tmdbId}) { id genres { id } similar(first: 6) { id type genres { id } } }`).join(" ")} }`;
    api.sqlQueries.statements = [];
    const first = await api.graphql(query);
    expect(first.errors).toBeUndefined();
    // No statement compares titles' genres: the lists come from the in-memory catalogue.
    expect(api.sqlQueries.statements.filter((sql) => sql.includes("genre_ids &&") || sql.includes("INTERSECT"))).toEqual([]);
    api.sqlQueries.count = 0;
    const result = await api.graphql(query);
    delete api.sqlQueries.statements;
    expect(result.data).toEqual(first.data);
    for (const media of Object.values(result.data!)) {
      const own = new Set(media.genres.map((genre: { id: number }) => genre.id));
      expect(media.similar.length).toBe(6);
      for (const other of media.similar) {
        expect(other.id).not.toBe(media.id);
        expect(other.type).toBe("MOVIE");
        expect(other.genres.some((genre: { id: number }) => own.has(genre.id))).toBe(true);
      }
    }
    expect(api.sqlQueries.count).toBeLessThanOrEqual(3);
    const tooMany = await api.graphql(`{ media(type: MOVIE, tmdbId: ${rows[0]!.tmdbId}) { similar(first: 13) { id } } }`);
    expect(tooMany.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});
