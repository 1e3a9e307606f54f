// Reading uploads: Letterboxd's export (ZIP or a lone file) and movierec's own, and every kind of bad
// file refused with its reason before anything is stored.
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { ImportFileError, type ImportFileProblem } from "./import-errors.ts";
import { IMPORT_LIMITS } from "./import-file.ts";
import { parseDate } from "./import-row.ts";
import { readImport } from "./read-import.ts";

const URI = "https://boxd.it/abc";
const csv = (...lines: string[]) => strToU8(`${lines.join("\n")}\n`);

const LETTERBOXD_ZIP = zipSync({
  "profile.csv": csv("Date Joined,Username", "2020-01-01,someone"),
  "ratings.csv": csv("Date,Name,Year,Letterboxd URI,Rating", `2024-03-01,Heat,1995,${URI},4.5`, `2024-03-02,"Léon: The Professional",1994,${URI},0.5`),
  "diary.csv": csv(
    "Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date",
    `2024-03-01,Heat,1995,${URI},4.5,,-rewatch,2024-02-28`,
    `2024-03-05,Alien,1979,${URI},,Yes,,2024-03-04`,
  ),
  "watched.csv": csv("Date,Name,Year,Letterboxd URI", `2024-02-28,Heat,1995,${URI}`),
  "watchlist.csv": csv("Date,Name,Year,Letterboxd URI", `2024-01-10,"The Godfather, Part II",1974,${URI}`),
  "likes/films.csv": csv("Date,Name,Year,Letterboxd URI", `2024-03-01,Heat,1995,${URI}`),
  "reviews.csv": csv(
    "Date,Name,Year,Letterboxd URI,Rating,Rewatch,Review,Tags,Watched Date",
    `2024-03-01,Heat,1995,${URI},4.5,,"- the score. - the shootout. @mann",,2024-02-28`,
  ),
});

function refusal(run: () => unknown): { reason: ImportFileProblem; message: string } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportFileError);
    return { reason: (error as ImportFileError).reason, message: (error as Error).message };
  }
  throw new Error("the file was accepted");
}

describe("Letterboxd", () => {
  it("reads the export ZIP: ratings, diary (watched, and its ratings), watched, watchlist, likes; skips the rest, whatever its reviews and tags start with", () => {
    const read = readImport("letterboxd-someone-2024.zip", LETTERBOXD_ZIP);
    expect(read.source).toBe("LETTERBOXD");
    expect(read.skippedFiles.sort()).toEqual(["profile.csv", "reviews.csv"]);
    const summary = read.rows.map(
      (row) => `${row.file}:${row.line} ${row.kind} ${row.title} ${row.year} ${row.rating ?? ""} ${row.happenedAt?.toISOString().slice(0, 10)}`,
    );
    expect(summary.sort()).toEqual(
      [
        "ratings.csv:2 RATING Heat 1995 9 2024-03-01",
        "ratings.csv:3 RATING Léon: The Professional 1994 1 2024-03-02",
        "diary.csv:2 WATCHED Heat 1995  2024-02-28",
        "diary.csv:2 RATING Heat 1995 9 2024-02-28",
        "diary.csv:3 WATCHED Alien 1979  2024-03-04",
        "watched.csv:2 WATCHED Heat 1995  2024-02-28",
        "watchlist.csv:2 WATCHLIST The Godfather, Part II 1974  2024-01-10",
        "likes/films.csv:2 FAVOURITE Heat 1995  2024-03-01",
      ].sort(),
    );
    expect(read.rows.every((row) => row.mediaType === "MOVIE" && row.tmdbId === null)).toBe(true);
  });

  it("reads one of its files on its own, by its name", () => {
    const read = readImport("watchlist.csv", csv("Date,Name,Year,Letterboxd URI", `2024-01-10,Heat,1995,${URI}`));
    expect(read.rows.map((row) => row.kind)).toEqual(["WATCHLIST"]);
  });

  it("refuses a renamed file whose columns do not say which list it is", () => {
    const { reason, message } = refusal(() => readImport("export.csv", csv("Date,Name,Year,Letterboxd URI", `2024-01-10,Heat,1995,${URI}`)));
    expect(reason).toBe("UNKNOWN_FORMAT");
    expect(message).toMatch(/watched.csv, watchlist.csv and likes\/films.csv share them/);
  });
});

describe("IMDb", () => {
  const header = "Const,Your Rating,Date Rated,Title,Original Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors";
  it("reads ratings: films and series by their IMDb ids; episodes kept as not imported, with why", () => {
    const read = readImport(
      "ratings.csv",
      csv(
        header,
        "tt0113277,9,2024-05-01,Heat,Heat,https://www.imdb.com/title/tt0113277/,Movie,8.3,170,1995,Crime,700000,1995-12-15,Michael Mann",
        "tt0903747,10,2024-05-02,Breaking Bad,Breaking Bad,x,TV Series,9.5,49,2008,Drama,2000000,2008-01-20,",
        "tt0959621,8,2024-05-03,Pilot,Pilot,x,TV Episode,9.0,58,2008,Drama,40000,2008-01-20,",
      ),
    );
    expect(read.source).toBe("IMDB");
    expect(read.rows).toMatchObject([
      { kind: "RATING", imdbId: "tt0113277", mediaType: "MOVIE", rating: 9, year: 1995, title: "Heat" },
      { kind: "RATING", imdbId: "tt0903747", mediaType: "TV", rating: 10 },
      { kind: "RATING", imdbId: "tt0959621", mediaType: null, unsupported: expect.stringMatching(/TV Episode titles are not films or series/) },
    ]);
  });

  it("reads types written in the account's language as titles for the IMDb id to decide, and a series' run as its first year", () => {
    const read = readImport(
      "ratings.csv",
      csv(
        header,
        "tt1074638,7,2025-12-01,Skyfall,Skyfall,x,Film,7.8,143,2012,Azione,800000,2012-10-26,Sam Mendes",
        "tt0903747,10,2024-05-02,Breaking Bad,Breaking Bad,x,Serie TV,9.5,49,2008–2013,Drama,2000000,2008-01-20,",
      ),
    );
    expect(read.rows).toMatchObject([
      { imdbId: "tt1074638", mediaType: null, unsupported: undefined, year: 2012 },
      { imdbId: "tt0903747", mediaType: null, unsupported: undefined, year: 2008 },
    ]);
  });

  it("reads the watchlist (and a rating given there); refuses another list", () => {
    const list =
      "Position,Const,Created,Modified,Description,Title,Original Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors,Your Rating,Date Rated";
    const row = "1,tt0113277,2024-01-01,2024-01-01,,Heat,Heat,x,Movie,8.3,170,1995,Crime,700000,1995-12-15,Michael Mann,7,2024-02-01";
    expect(readImport("watchlist.csv", csv(list, row)).rows.map((entry) => `${entry.kind} ${entry.rating ?? ""}`)).toEqual(["WATCHLIST ", "RATING 7"]);
    expect(refusal(() => readImport("my-favourites.csv", csv(list, row))).message).toMatch(/one of your IMDb lists/);
  });
});

describe("Trakt", () => {
  it("reads watched, ratings and watchlist entries with their TMDB ids; skips episode files", () => {
    const movie = { title: "Heat", year: 1995, ids: { trakt: 1, slug: "heat-1995", imdb: "tt0113277", tmdb: 949 } };
    const show = { title: "Breaking Bad", year: 2008, ids: { trakt: 2, tmdb: 1396, imdb: "tt0903747" } };
    const zip = zipSync({
      "watched-movies.json": strToU8(JSON.stringify([{ plays: 2, last_watched_at: "2024-01-02T20:00:00.000Z", movie }])),
      "ratings-shows.json": strToU8(JSON.stringify([{ rated_at: "2024-02-03T20:00:00.000Z", rating: 9, type: "show", show }])),
      "watchlist.json": strToU8(JSON.stringify([{ listed_at: "2024-03-04T20:00:00.000Z", type: "movie", movie }])),
      "ratings-episodes.json": strToU8(JSON.stringify([{ rated_at: "2024-02-03T20:00:00.000Z", rating: 9, type: "episode", episode: { ids: { tmdb: 5 } } }])),
    });
    const read = readImport("trakt-export.zip", zip);
    expect(read.source).toBe("TRAKT");
    expect(read.skippedFiles).toEqual(["ratings-episodes.json"]);
    expect(read.rows).toMatchObject([
      { kind: "WATCHED", mediaType: "MOVIE", tmdbId: 949, happenedAt: new Date("2024-01-02T20:00:00.000Z") },
      { kind: "RATING", mediaType: "TV", tmdbId: 1396, rating: 9 },
      { kind: "WATCHLIST", mediaType: "MOVIE", tmdbId: 949 },
    ]);
  });

  it("skips episodes' and seasons' entries (they carry their show), what the person owns; reads favourites", () => {
    const movie = { title: "Heat", year: 1995, ids: { trakt: 1, tmdb: 949 } };
    const show = { title: "Lost", year: 2004, ids: { trakt: 2, tmdb: 4607 } };
    const zip = zipSync({
      "ratings.json": strToU8(
        JSON.stringify([
          { rated_at: "2024-02-03T20:00:00.000Z", rating: 8, type: "show", show },
          { rated_at: "2024-05-01T20:00:00.000Z", rating: 4, type: "episode", episode: { season: 1, number: 2, ids: { tmdb: 5 } }, show },
          { rated_at: "2024-05-02T20:00:00.000Z", rating: 3, type: "season", season: { number: 6, ids: { tmdb: 6 } }, show },
        ]),
      ),
      "collection-movies.json": strToU8(JSON.stringify([{ collected_at: "2024-01-01T00:00:00.000Z", movie }])),
      "favorites-movies.json": strToU8(JSON.stringify([{ listed_at: "2024-03-04T20:00:00.000Z", type: "movie", movie }])),
    });
    const read = readImport("trakt-export.zip", zip);
    expect(read.skippedFiles).toEqual(["collection-movies.json"]);
    expect(read.rows).toMatchObject([
      { kind: "RATING", mediaType: "TV", tmdbId: 4607, rating: 8 },
      { kind: "FAVOURITE", mediaType: "MOVIE", tmdbId: 949 },
    ]);
    expect(read.rows).toHaveLength(2);
  });
});

describe("Trakt's times", () => {
  it("refuses one far in the future or before films", () => {
    const movie = { title: "Heat", year: 1995, ids: { trakt: 1, tmdb: 949 } };
    for (const rated_at of ["2999-01-01T00:00:00.000Z", "-100000-01-01T00:00:00.000Z", "1700-01-01T00:00:00.000Z"]) {
      const file = strToU8(JSON.stringify([{ rated_at, rating: 8, type: "movie", movie }]));
      const { reason, message } = refusal(() => readImport("ratings-movies.json", file));
      expect(reason, rated_at).toBe("BAD_VALUE");
      expect(message).toMatch(/ratings-movies.json entry 1/);
    }
  });
});

describe("movierec's own export", () => {
  const exported = {
    format: "movierec",
    version: 1,
    exportedAt: "2026-12-01T10:00:00.000Z",
    account: { email: "a@example.test", name: null },
    preferences: {
      likedGenreIds: [80],
      dislikedGenreIds: [],
      mediaTypes: ["MOVIE"],
      languages: ["en"],
      yearFrom: 1970,
      yearTo: null,
      maxRuntime: null,
      minRating: 6.5,
      includeAdult: false,
      onboarded: true,
    },
    interactions: [
      { type: "movie", tmdbId: 949, title: "Heat", year: 1995, kind: "rating", rating: 9, at: "2026-11-01T10:00:00.000Z" },
      { type: "tv", tmdbId: 1396, title: "Breaking Bad", year: 2008, kind: "favourite", at: "2026-11-02T10:00:00.000Z" },
    ],
    imports: [],
  };

  it("reads its rows and preferences", () => {
    const read = readImport("movierec-export.json", strToU8(JSON.stringify(exported)));
    expect(read.source).toBe("MOVIEREC");
    expect(read.preferences).toEqual(exported.preferences);
    expect(read.rows).toMatchObject([
      { kind: "RATING", mediaType: "MOVIE", tmdbId: 949, rating: 9 },
      { kind: "FAVOURITE", mediaType: "TV", tmdbId: 1396, rating: null },
    ]);
  });

  it('reads a title that starts like a spreadsheet formula: TMDB has such titles ("-30-", "@midnight"), and the id decides', () => {
    const odd = {
      ...exported,
      interactions: [
        { type: "movie", tmdbId: 21_860, title: "-30-", year: 1959, kind: "favourite", at: "2026-11-01T10:00:00.000Z" },
        { type: "tv", tmdbId: 61_215, title: "@midnight", year: 2013, kind: "watchlist", at: "2026-11-01T10:00:00.000Z" },
      ],
    };
    expect(readImport("movierec-export.json", strToU8(JSON.stringify(odd))).rows.map((row) => row.title)).toEqual(["-30-", "@midnight"]);
  });

  it("refuses a time that cannot be when someone watched: a row dated 2999 would top every list for good", () => {
    const future = { ...exported, interactions: [{ ...exported.interactions[0], at: "2999-01-01T00:00:00.000Z" }] };
    const { reason, message } = refusal(() => readImport("x.json", strToU8(JSON.stringify(future))));
    expect(reason).toBe("BAD_VALUE");
    expect(message).toMatch(/interactions\[0\]\.at: "2999-01-01T00:00:00.000Z" is not a time between 1870 and now/);
  });

  it("holds preferences to what updatePreferences takes", () => {
    const tooMany = {
      ...exported,
      preferences: { ...exported.preferences, languages: Array.from({ length: 21 }, (_, index) => `a${"abcdefghijklmnopqrstu"[index]}`) },
    };
    expect(refusal(() => readImport("x.json", strToU8(JSON.stringify(tooMany)))).message).toMatch(/preferences\.languages/);
    const early = { ...exported, preferences: { ...exported.preferences, yearFrom: 1870 } };
    expect(refusal(() => readImport("x.json", strToU8(JSON.stringify(early)))).message).toMatch(/preferences\.yearFrom/);
  });

  it("refuses another version and a malformed row, saying where", () => {
    expect(refusal(() => readImport("x.json", strToU8(JSON.stringify({ ...exported, version: 2 })))).reason).toBe("UNKNOWN_FORMAT");
    const bad = { ...exported, interactions: [{ ...exported.interactions[0], rating: 11 }] };
    const { reason, message } = refusal(() => readImport("x.json", strToU8(JSON.stringify(bad))));
    expect(reason).toBe("BAD_VALUE");
    expect(message).toMatch(/interactions\.0\.rating/);
  });
});

describe("bad files are refused before anything is stored", () => {
  it.each<[string, string, Uint8Array, ImportFileProblem, RegExp]>([
    ["empty", "ratings.csv", new Uint8Array(), "EMPTY", /is empty/],
    ["unknown columns", "ratings.csv", csv("Const,Your Rating,Title", "tt0113277,9,Heat"), "UNKNOWN_FORMAT", /its columns: Const, Your Rating, Title/],
    ["missing columns", "ratings.csv", csv("Date,Name,Year,Letterboxd URI", `2024-01-10,Heat,1995,${URI}`), "MISSING_COLUMNS", /lacks the column Rating/],
    [
      "a rating off Letterboxd's scale",
      "ratings.csv",
      csv("Date,Name,Year,Letterboxd URI,Rating", `2024-01-10,Heat,1995,${URI},7`),
      "BAD_VALUE",
      /ratings.csv line 2, Rating: "7"/,
    ],
    ["a bad date", "watched.csv", csv("Date,Name,Year,Letterboxd URI", `10/01/2024,Heat,1995,${URI}`), "BAD_VALUE", /line 2, Date/],
    [
      "a formula",
      "watched.csv",
      csv("Date,Name,Year,Letterboxd URI", `2024-01-10,"=HYPERLINK(""http://x"")",1995,${URI}`),
      "FORMULA",
      /line 2, Name starts like a spreadsheet formula/,
    ],
    ["not JSON", "export.json", strToU8("{ not json"), "BAD_VALUE", /not valid JSON/],
    ["some other JSON", "export.json", strToU8('{"hello":1}'), "UNKNOWN_FORMAT", /not a movierec or Trakt export/],
  ])("%s", (_label, name, bytes, reason, message) => {
    const refused = refusal(() => readImport(name, bytes));
    expect(refused.reason).toBe(reason);
    expect(refused.message).toMatch(message);
  });

  it("a NUL character in a title, in a CSV or escaped in JSON: Postgres' text cannot hold it", () => {
    const inCsv = refusal(() => readImport("watched.csv", csv("Date,Name,Year,Letterboxd URI", `2024-01-10,He\u0000at,1995,${URI}`)));
    expect(inCsv).toMatchObject({ reason: "BAD_VALUE" });
    expect(inCsv.message).toMatch(/watched.csv line 2 holds a NUL character/);
    const movie = { title: "He\u0000at", year: 1995, ids: { trakt: 1, tmdb: 949 } };
    const inJson = refusal(() => readImport("watchlist.json", strToU8(JSON.stringify([{ listed_at: "2024-03-04T20:00:00.000Z", type: "movie", movie }]))));
    expect(inJson).toMatchObject({ reason: "BAD_VALUE" });
    // In a cell the row keeps only in its reason (IMDb's title type).
    const imdb = csv(
      "Const,Your Rating,Date Rated,Title,Original Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors",
      "tt0959621,8,2024-05-03,Pilot,Pilot,x,TV Epi\u0000sode,9.0,58,2008,Drama,40000,2008-01-20,",
    );
    expect(refusal(() => readImport("ratings.csv", imdb))).toMatchObject({ reason: "BAD_VALUE" });
  });

  it("text that is not UTF-8, naming the encoding it looks like", () => {
    const latin1 = Uint8Array.from([...csv("Date,Name,Year,Letterboxd URI,Rating")].concat([...Buffer.from(`2024-03-02,L\xe9on,1994,${URI},4\n`, "latin1")]));
    const { reason, message } = refusal(() => readImport("ratings.csv", latin1));
    expect(reason).toBe("NOT_UTF8");
    expect(message).toMatch(/not UTF-8 text \(it looks like (ISO-8859-1|windows-1252)\)/);
  });

  it("a ZIP bomb: stopped when it inflates past the limit", () => {
    const bomb = zipSync({ "ratings.csv": new Uint8Array(IMPORT_LIMITS.unzippedBytes + 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(refusal(() => readImport("letterboxd.zip", bomb)).reason).toBe("ZIP_TOO_LARGE");
  });

  it("a file over the size limit", () => {
    expect(refusal(() => readImport("ratings.csv", new Uint8Array(IMPORT_LIMITS.fileBytes + 1).fill(65))).reason).toBe("TOO_LARGE");
  });

  it(`more than ${IMPORT_LIMITS.rows.toLocaleString("en")} rows`, () => {
    const lines = Array.from({ length: IMPORT_LIMITS.rows + 1 }, (_, index) => `2024-01-10,Film ${index},1995,${URI}`);
    const { reason, message } = refusal(() => readImport("watched.csv", csv("Date,Name,Year,Letterboxd URI", ...lines)));
    expect(reason).toBe("TOO_MANY_ROWS");
    expect(message).toMatch(/100,001 rows/);
    // Parsing 100,001 rows takes ≈ 2 s alone and more than the default 5 s on a busy machine.
  }, 30_000);
});

describe("dates in a file", () => {
  it("refuses a day that is not in the calendar rather than reading it as another day", () => {
    expect(parseDate("2023-02-28", "row 2")?.toISOString()).toBe("2023-02-28T12:00:00.000Z");
    expect(parseDate("2024-02-29T20:15:00Z", "row 2")?.toISOString()).toBe("2024-02-29T20:15:00.000Z");
    expect(() => parseDate("2023-02-30", "row 3")).toThrow('row 3: "2023-02-30" is not a date (YYYY-MM-DD).');
    expect(() => parseDate("2023-02-29T20:15:00Z", "row 4")).toThrow(/row 4/);
  });
});
