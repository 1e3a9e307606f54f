// Every other import format at over 1,000 rows, built from the offline catalogue's titles (films and
// series) with rows for titles that do not exist: IMDb's ratings CSV (matched by name and year, or by
// IMDb id through TMDB's /find), Trakt's JSON (TMDB ids) and movierec's own export. At least 97 % of
// rows must land on the title they came from, and every miss is reported with its reason.
import type { CatalogueMovie, CatalogueTv } from "@movierec/tmdb-catalogue";
import { strToU8 } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../../test-support/api-harness.ts";
import { runImport } from "./import.job.ts";
import { csvFile, uploadImport } from "./import.test-support.ts";

let api: TestApi;
let films: CatalogueMovie[];
let series: Array<CatalogueTv & { imdbId: string }>;
beforeAll(async () => {
  api = await startTestApi({ catalogueSize: 5_000 });
  await api.seedMediaCache(5);
  // Invented films: they have IMDb ids for /find (a real film has none, its source gives none).
  films = api.catalogue.catalogue.movies.filter((movie) => !movie.real && movie.releaseDate && movie.imdbId && !movie.adult).slice(0, 950);
  const shows = api.catalogue.catalogue.tv.filter((show) => !show.adult && show.firstAirDate).slice(0, 100);
  series = await Promise.all(
    shows.map(async (show) => ({
      ...show,
      imdbId: ((await (await fetch(`${api.catalogue.url}/tv/${show.id}/external_ids`)).json()) as { imdb_id: string }).imdb_id,
    })),
  );
});
afterAll(() => api?.close());

interface Expected {
  key: string | null;
}

async function importAndScore(name: string, contentType: string, body: Uint8Array, expected: Expected[]) {
  const user = await api.createUser();
  const uploaded = await uploadImport(api, user, name, body, contentType);
  expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(202);
  const job = uploaded.body.import!;
  expect(job.rowsTotal).toBe(expected.length);
  await runImport(api.services, job.id);
  const rows = await api.services.prisma.importRow.findMany({ where: { jobId: job.id }, orderBy: { position: "asc" } });
  let correct = 0;
  const wrong: string[] = [];
  rows.forEach((row, index) => {
    const want = expected[index]!.key;
    const got = row.status === "APPLIED" ? `${row.matchedType}:${row.matchedTmdbId}` : null;
    if (want === got && (want !== null || (row.status === "UNMATCHED" && (row.reason?.length ?? 0) > 10))) correct++;
    else wrong.push(`${row.title} (${row.year}) wanted ${want}, got ${got ?? row.reason}`);
  });
  expect(expected.length).toBeGreaterThanOrEqual(1_000);
  expect(correct / expected.length, `${correct} of ${expected.length} correct`).toBeGreaterThanOrEqual(0.97);
  if (process.env.IMPORT_REPORT) console.log(`${name}: ${correct} of ${expected.length} correct; wrong: ${wrong.join(" | ")}`);
  return rows;
}

const csv = csvFile;

/** A movierec export (its format, version 1) holding these interactions and nothing else of note. */
const movierecExport = (interactions: unknown[]) => ({
  format: "movierec",
  version: 1,
  exportedAt: "2026-12-01T10:00:00.000Z",
  account: { email: "someone@example.test", name: null },
  preferences: {
    likedGenreIds: [],
    dislikedGenreIds: [],
    mediaTypes: [],
    languages: [],
    yearFrom: null,
    yearTo: null,
    maxRuntime: null,
    minRating: null,
    includeAdult: false,
    onboarded: true,
  },
  interactions,
  imports: [],
});

describe("every format at over 1,000 rows", () => {
  it("IMDb's ratings: films and series by name and year or IMDb id; episodes and unknown ids reported", async () => {
    const header = [
      "Const",
      "Your Rating",
      "Date Rated",
      "Title",
      "Original Title",
      "URL",
      "Title Type",
      "IMDb Rating",
      "Runtime (mins)",
      "Year",
      "Genres",
      "Num Votes",
      "Release Date",
      "Directors",
    ];
    const rows: Array<Array<string | number>> = [];
    const expected: Expected[] = [];
    films.forEach((film, index) => {
      // Every fifth written as IMDb sometimes does ("Title, The") or renamed, so only the id can tell.
      const title = index % 5 === 0 ? `Retitled For Another Market ${index}` : film.title;
      rows.push([
        film.imdbId!,
        (index % 10) + 1,
        "2024-05-01",
        title,
        film.originalTitle,
        "x",
        index % 7 === 0 ? "TV Movie" : "Movie",
        7,
        100,
        film.releaseDate.slice(0, 4),
        "Drama",
        1000,
        film.releaseDate,
        "",
      ]);
      expected.push({ key: `MOVIE:${film.id}` });
    });
    for (const show of series) {
      rows.push([
        show.imdbId,
        8,
        "2024-05-02",
        show.name,
        show.originalName,
        "x",
        "TV Series",
        8,
        45,
        show.firstAirDate.slice(0, 4),
        "Drama",
        1000,
        show.firstAirDate,
        "",
      ]);
      expected.push({ key: `TV:${show.id}` });
    }
    for (let index = 0; index < 10; index++) {
      rows.push([
        `tt99999${String(index).padStart(2, "0")}`,
        5,
        "2024-05-03",
        `No Such Picture ${index}`,
        "",
        "x",
        "Movie",
        5,
        90,
        2001,
        "Drama",
        10,
        "2001-01-01",
        "",
      ]);
      expected.push({ key: null });
    }
    rows.push(["tt0959621", 9, "2024-05-04", "Pilot", "Pilot", "x", "TV Episode", 9, 58, 2008, "Drama", 40000, "2008-01-20", ""]);
    expected.push({ key: null });
    const imported = await importAndScore("ratings.csv", "text/csv", csv([header, ...rows]), expected);
    expect(imported.at(-1)?.reason).toMatch(/TV Episode titles are not films or series/);
  });

  it("Trakt's JSON: films and series by TMDB id; ids TMDB does not have reported", async () => {
    const entries: unknown[] = [];
    const expected: Expected[] = [];
    films.forEach((film, index) => {
      const movie = { title: film.title, year: Number(film.releaseDate.slice(0, 4)), ids: { trakt: index, tmdb: film.id, imdb: film.imdbId } };
      entries.push(
        index % 3 === 0
          ? { rated_at: "2024-01-01T10:00:00.000Z", rating: (index % 10) + 1, type: "movie", movie }
          : { plays: 1, last_watched_at: "2024-01-02T10:00:00.000Z", movie },
      );
      expected.push({ key: `MOVIE:${film.id}` });
    });
    for (const show of series) {
      entries.push({
        listed_at: "2024-01-03T10:00:00.000Z",
        type: "show",
        show: { title: show.name, year: Number(show.firstAirDate.slice(0, 4)), ids: { tmdb: show.id } },
      });
      expected.push({ key: `TV:${show.id}` });
    }
    for (let index = 0; index < 10; index++) {
      entries.push({
        plays: 1,
        last_watched_at: "2024-01-02T10:00:00.000Z",
        movie: { title: `Gone ${index}`, year: 2001, ids: { tmdb: 990_000_000 + index } },
      });
      expected.push({ key: null });
    }
    const rows = await importAndScore("trakt-history.json", "application/json", strToU8(JSON.stringify(entries)), expected);
    expect(rows.at(-1)?.reason).toMatch(/TMDB has no film with id 990000009/);
  });

  it("movierec's own export", async () => {
    const interactions = [
      ...films.map((film, index) => ({
        type: "movie",
        tmdbId: film.id,
        title: film.title,
        year: null,
        kind: index % 2 ? "favourite" : "watched",
        at: "2024-02-01T10:00:00.000Z",
      })),
      ...series.map((show) => ({ type: "tv", tmdbId: show.id, title: show.name, year: null, kind: "rating", rating: 7, at: "2024-02-02T10:00:00.000Z" })),
    ];
    const exported = movierecExport(interactions);
    await importAndScore(
      "movierec-export.json",
      "application/json",
      strToU8(JSON.stringify(exported)),
      interactions.map((entry) => ({ key: `${entry.type === "movie" ? "MOVIE" : "TV"}:${entry.tmdbId}` })),
    );
  });
});

describe("IMDb, from an account in another language", () => {
  it("types like “Film” and “Serie TV”: titles by their IMDb id alone, never by a namesake", async () => {
    const header = ["Const", "Your Rating", "Date Rated", "Title", "Original Title", "URL", "Title Type", "Year"];
    const sample = films.slice(0, 10);
    const rows = sample.map((film) => [
      film.imdbId!,
      7,
      "2024-05-01",
      `Titolo italiano ${film.id}`,
      `Titolo italiano ${film.id}`,
      "x",
      "Film",
      film.releaseDate.slice(0, 4),
    ]);
    const show = series[0]!;
    rows.push([show.imdbId, 9, "2024-05-01", show.name, show.name, "x", "Serie TV", `${show.firstAirDate.slice(0, 4)}–2013`]);
    // An episode, in Italian: TMDB's /find has no film or series for its id, and a film of that name
    // and year is in the cache. It must not be taken for that film.
    const namesake = films[0]!;
    rows.push(["tt9999991", 8, "2024-05-01", namesake.title, namesake.title, "x", "Episodio TV", namesake.releaseDate.slice(0, 4)]);
    const user = await api.createUser();
    const uploaded = await uploadImport(api, user, "ratings.csv", csv([header, ...rows]), "text/csv");
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(202);
    await runImport(api.services, uploaded.body.import!.id);
    const ratings = await api.services.prisma.interaction.findMany({ where: { userId: user.id, kind: "RATING" }, select: { mediaType: true, tmdbId: true } });
    expect(ratings.map((rating) => `${rating.mediaType}:${rating.tmdbId}`).sort()).toEqual(
      [...sample.map((film) => `MOVIE:${film.id}`), `TV:${show.id}`].sort(),
    );
    const missed = await api.services.prisma.importRow.findMany({ where: { jobId: uploaded.body.import!.id, status: "UNMATCHED" }, select: { reason: true } });
    expect(missed).toEqual([{ reason: "TMDB has no film or series with IMDb id tt9999991." }]);
  });
});

describe("a title TMDB answers in a shape movierec cannot read", () => {
  it("is left unmatched with its reason, and the rest of the import goes on", async () => {
    const cachedRow = await api.services.prisma.mediaCache.findFirstOrThrow({ where: { mediaType: "MOVIE" } });
    const cachedIds = new Set(
      (await api.services.prisma.mediaCache.findMany({ where: { mediaType: "MOVIE" }, select: { tmdbId: true } })).map((row) => row.tmdbId),
    );
    const unreadable = api.catalogue.catalogue.movies.find((movie) => !cachedIds.has(movie.id) && !movie.adult)!;
    const entry = (tmdbId: number, title: string) => ({ type: "movie", tmdbId, title, year: null, kind: "watched", at: "2024-02-01T10:00:00.000Z" });
    const exported = movierecExport([entry(unreadable.id, unreadable.title), entry(cachedRow.tmdbId, cachedRow.title)]);
    const user = await api.createUser();
    const uploaded = await uploadImport(api, user, "movierec-export.json", strToU8(JSON.stringify(exported)), "application/json");
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(202);
    api.catalogue.setFaults({ wrongShape: { count: 1000 }, pathPrefix: `/3/movie/${unreadable.id}` });
    try {
      await runImport(api.services, uploaded.body.import!.id);
    } finally {
      api.catalogue.clearFaults();
    }
    const rows = await api.services.prisma.importRow.findMany({ where: { jobId: uploaded.body.import!.id }, orderBy: { position: "asc" } });
    expect(rows.map((row) => row.status)).toEqual(["UNMATCHED", "APPLIED"]);
    expect(rows[0]?.reason).toMatch(/could not be read/);
  });
});
