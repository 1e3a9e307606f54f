// Importing a Letterboxd export built from the offline catalogue's real films, over real HTTP: the
// upload (POST /imports), the job (matching through the cache and TMDB's search, then applying),
// how many rows matched the film they came from, the misses with their reasons, a second import of
// the same file changing nothing, and an import never undoing the person's own later rating.
import type { CatalogueMovie } from "@movierec/tmdb-catalogue";
import { strToU8, zipSync } from "fflate";
import { UnrecoverableError } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi, type TestUser } from "../../test-support/api-harness.ts";
import { createApiToken } from "../auth/api-token.service.ts";
import { runImport } from "./import.job.ts";
import { csvLine, uploadImport } from "./import.test-support.ts";
import { IMPORT_UPLOADS_PER_MINUTE } from "./import.route.ts";
import { MANUAL_TRAINING_JOB_ID } from "../ingest/ingest.queues.ts";
import { failNextJob } from "../../test-support/queues.ts";
import { normaliseTitle } from "./title-match.ts";

let api: TestApi;
let films: CatalogueMovie[];
beforeAll(async () => {
  api = await startTestApi({ catalogueSize: 5_000 });
  await api.seedMediaCache(3); // some titles cached already, the rest found through TMDB's search
  const all = api.catalogue.catalogue.movies.filter((movie) => movie.real && movie.releaseDate && !movie.adult);
  // Titles the catalogue has twice in one year cannot be told apart by name and year: leave them out.
  const key = (movie: CatalogueMovie) => `${normaliseTitle(movie.title)}|${movie.releaseDate.slice(0, 4)}`;
  const count = new Map<string, number>();
  for (const movie of api.catalogue.catalogue.movies) count.set(key(movie), (count.get(key(movie)) ?? 0) + 1);
  films = all.filter((movie) => count.get(key(movie)) === 1).slice(0, 1_100);
});
afterAll(() => api?.close());

const URI = "https://boxd.it/x";
const IMPORT = `query($id: ID!) { import(id: $id) { status source rowsTotal rowsMatched rowsApplied rowsMissed tmdbCalls error unmatched(first: 50) { edges { node { file line title year reason } } } unmatchedCsv } }`;

/** How people and other apps write names: mostly as TMDB does, sometimes "Title, The", without accents or punctuation. */
function asWritten(movie: CatalogueMovie, index: number): string {
  const title = movie.title;
  if (index % 17 === 0 && /^The /.test(title)) return `${title.slice(4)}, The`;
  if (index % 13 === 0) return title.normalize("NFKD").replace(/\p{M}/gu, "");
  if (index % 11 === 0) return title.replace(/[:,.!?'-]/g, "");
  return title;
}

const line = csvLine;

interface Expected {
  file: string;
  line: number;
  tmdbId: number | null;
}

/** A Letterboxd export ZIP of the films, with rows for films that do not exist, and what each row is. */
function letterboxdExport(sample: CatalogueMovie[], missing: string[]) {
  const files: Record<string, string[]> = {
    "ratings.csv": [line("Date", "Name", "Year", "Letterboxd URI", "Rating")],
    "watched.csv": [line("Date", "Name", "Year", "Letterboxd URI")],
    "watchlist.csv": [line("Date", "Name", "Year", "Letterboxd URI")],
    "likes/films.csv": [line("Date", "Name", "Year", "Letterboxd URI")],
  };
  const expected: Expected[] = [];
  const add = (file: string, tmdbId: number | null, cells: Array<string | number>) => {
    files[file]!.push(line(...cells));
    expected.push({ file, line: files[file]!.length, tmdbId });
  };
  sample.forEach((movie, index) => {
    const year = Number(movie.releaseDate.slice(0, 4));
    const name = asWritten(movie, index);
    const day = `2024-0${1 + (index % 9)}-1${index % 10}`;
    if (index % 2 === 0) add("ratings.csv", movie.id, [day, name, year, URI, ((index % 10) + 1) / 2]);
    else add("watched.csv", movie.id, [day, name, year, URI]);
    if (index % 5 === 0) add("watchlist.csv", movie.id, [day, name, year, URI]);
    if (index % 7 === 0) add("likes/films.csv", movie.id, [day, name, year, URI]);
  });
  for (const name of missing) add("ratings.csv", null, ["2024-02-02", name, 1999, URI, 3]);
  const zip = zipSync({
    "profile.csv": strToU8("Username\nsomeone\n"),
    ...Object.fromEntries(Object.entries(files).map(([name, lines]) => [name, strToU8(`${lines.join("\n")}\n`)])),
  });
  return { zip, expected };
}

const upload = (user: TestUser, name: string, bytes: Uint8Array, contentType?: string) => uploadImport(api, user, name, bytes, contentType);

const interactionsOf = (user: TestUser) =>
  api.services.prisma.interaction.findMany({
    where: { userId: user.id },
    orderBy: [{ kind: "asc" }, { tmdbId: "asc" }],
    select: { kind: true, mediaType: true, tmdbId: true, rating: true, createdAt: true, updatedAt: true },
  });

describe("importing a Letterboxd export", () => {
  let user: TestUser;
  let importId: string;
  let expected: Expected[];
  const missing = ["Zyxwv Nonexistent Picture", "The Film That Never Was 2", "Qqqq Rrrr Ssss"];

  beforeAll(async () => {
    user = await api.createUser();
    const built = letterboxdExport(films, missing);
    expected = built.expected;
    const uploaded = await upload(user, "letterboxd-someone-2024-12-01.zip", built.zip);
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(202);
    expect(uploaded.body.import!.rowsTotal).toBe(expected.length);
    expect(uploaded.body.import!.skippedFiles).toEqual(["profile.csv"]);
    importId = uploaded.body.import!.id;
    await runImport(api.services, importId);
  });

  it("matches at least 97 % of over 1,000 rows to the film they came from, and reports every miss with its reason", async () => {
    expect(expected.length).toBeGreaterThanOrEqual(1_000);
    const rows = await api.services.prisma.importRow.findMany({ where: { jobId: importId }, orderBy: { position: "asc" } });
    const byPlace = new Map(rows.map((row) => [`${row.file}:${row.line}`, row]));
    let correct = 0;
    for (const want of expected) {
      const row = byPlace.get(`${want.file}:${want.line}`)!;
      if (want.tmdbId === null ? row.status === "UNMATCHED" : row.status === "APPLIED" && row.matchedTmdbId === want.tmdbId) correct++;
    }
    expect(correct / expected.length, `${correct} of ${expected.length} correct`).toBeGreaterThanOrEqual(0.97);
    if (process.env.IMPORT_REPORT)
      console.log(
        `import: ${correct} of ${expected.length} rows correct; misses: ${rows
          .filter((row) => row.status === "UNMATCHED")
          .map((row) => `${row.title} (${row.year}): ${row.reason}`)
          .join(" | ")}`,
      );
    const unmatched = rows.filter((row) => row.status === "UNMATCHED");
    expect(unmatched.every((row) => row.reason && row.reason.length > 10)).toBe(true);
    for (const name of missing) expect(unmatched.find((row) => row.title === name)?.reason).toMatch(/No film called/);

    const job = (await api.graphql(IMPORT, { id: importId }, { token: user.token })).data!.import;
    expect(job).toMatchObject({ status: "DONE", source: "LETTERBOXD", rowsTotal: expected.length, rowsMissed: unmatched.length, error: null });
    expect(job.rowsApplied).toBe(expected.length - unmatched.length);
    expect(job.tmdbCalls).toBeGreaterThan(0);
    expect(job.unmatchedCsv.split("\n")[0]).toBe("File,Line,Kind,Title,Year,Rating,Reason");
    expect(job.unmatchedCsv).toContain("Zyxwv Nonexistent Picture");
  });

  it("an unmatched row can be settled by hand: it is applied at once and leaves the misses", async () => {
    const row = await api.services.prisma.importRow.findFirstOrThrow({ where: { jobId: importId, title: "Zyxwv Nonexistent Picture" } });
    const film = api.catalogue.catalogue.movies.find((movie) => !movie.adult && !films.some((known) => known.id === movie.id))!;
    const RESOLVE = `mutation($rowId: ID!, $id: Int!) { resolveImportRow(rowId: $rowId, media: { type: MOVIE, tmdbId: $id }) { id reason } }`;
    const other = await api.createUser();
    expect((await api.graphql(RESOLVE, { rowId: row.id, id: film.id }, { token: other.token })).errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const before = (await api.graphql(IMPORT, { id: importId }, { token: user.token })).data!.import;
    const resolved = await api.graphql(RESOLVE, { rowId: row.id, id: film.id }, { token: user.token });
    expect(resolved.data?.resolveImportRow.reason).toMatch(/^Chosen by hand \(was: No film called/);
    const rating = await api.services.prisma.interaction.findFirst({ where: { userId: user.id, kind: "RATING", tmdbId: film.id } });
    expect(rating?.rating).toBe(6); // the row's 3 stars
    const after = (await api.graphql(IMPORT, { id: importId }, { token: user.token })).data!.import;
    expect([after.rowsApplied, after.rowsMissed]).toEqual([before.rowsApplied + 1, before.rowsMissed - 1]);
    expect((await api.graphql(RESOLVE, { rowId: row.id, id: film.id }, { token: user.token })).errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");

    // Two requests for one row at once (a double click, a retried request): one settles it, the
    // other is refused, and the job's counts move once.
    const twice = await api.services.prisma.importRow.findFirstOrThrow({ where: { jobId: importId, title: "Qqqq Rrrr Ssss" } });
    const counts = async () => (await api.services.prisma.importJob.findUniqueOrThrow({ where: { id: importId } })).rowsMissed;
    const missedBefore = await counts();
    const answers = await Promise.all(Array.from({ length: 4 }, () => api.graphql(RESOLVE, { rowId: twice.id, id: film.id }, { token: user.token })));
    expect(answers.filter((answer) => answer.data?.resolveImportRow).length).toBe(1);
    expect(answers.filter((answer) => answer.errors?.[0]?.extensions?.code === "BAD_USER_INPUT").length).toBe(3);
    expect(await counts()).toBe(missedBefore - 1);
  });

  it("writes what each file says: ratings (½–5 stars as 1–10), watched, watchlist, likes as favourites, dated as in the file", async () => {
    const interactions = await interactionsOf(user);
    const first = films[0]!; // index 0: rated ½ star, on the watchlist, liked
    const mine = interactions.filter((row) => row.tmdbId === first.id);
    expect(mine.map((row) => row.kind).sort()).toEqual(["FAVOURITE", "RATING", "WATCHLIST"]);
    expect(mine.find((row) => row.kind === "RATING")!.rating).toBe(1);
    expect(mine[0]!.createdAt.toISOString().slice(0, 10)).toBe("2024-01-10");
    expect(interactions.filter((row) => row.kind === "WATCHED").length).toBeGreaterThan(500);
  });

  it("asks for a training: the rows carry the file's dates, which the model's own check never counts as new", async () => {
    const training = await api.services.queues.model.getJob(MANUAL_TRAINING_JOB_ID);
    expect(training?.data).toMatchObject({ reason: "import", force: true });
  });
});

describe("importing again", () => {
  let user: TestUser;
  const sample = () => letterboxdExport(films.slice(0, 60), ["Zyxwv Nonexistent Picture"]).zip;
  beforeAll(async () => {
    user = await api.createUser();
    const uploaded = await upload(user, "letterboxd-small.zip", sample());
    await runImport(api.services, uploaded.body.import!.id);
  });

  it("importing the same file again changes nothing", async () => {
    const before = await interactionsOf(user);
    expect(before.length).toBeGreaterThan(60);
    const again = await upload(user, "letterboxd-again.zip", sample());
    await runImport(api.services, again.body.import!.id);
    expect(await interactionsOf(user)).toEqual(before);
  });

  it("never overwrites the person's own later rating with an older row", async () => {
    const film = films[2]!; // rated in the file on 2024-03-12
    const mine = await api.graphql(
      `mutation($id: Int!) { rate(media: { type: MOVIE, tmdbId: $id }, rating: 10) { myRating } }`,
      { id: film.id },
      { token: user.token },
    );
    expect(mine.data?.rate.myRating).toBe(10);
    const again = await upload(user, "letterboxd-once-more.zip", sample());
    await runImport(api.services, again.body.import!.id);
    const rating = await api.services.prisma.interaction.findFirst({ where: { userId: user.id, tmdbId: film.id, kind: "RATING" } });
    expect(rating?.rating).toBe(10);
  });
});

describe("importing IMDb's ratings", () => {
  it("matches by IMDb id through TMDB's /find when the name does not match, and reports episodes as not imported", async () => {
    const user = await api.createUser();
    // Invented films: a real one has no IMDb id here (its source gives none) for /find to know.
    const sample = api.catalogue.catalogue.movies.filter((film) => !film.real && film.imdbId && film.releaseDate && !film.adult).slice(200, 240);
    const header = "Const,Your Rating,Date Rated,Title,Original Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors";
    const lines = sample.map((film, index) =>
      line(
        film.imdbId!,
        (index % 10) + 1,
        "2024-05-01",
        index % 2 ? `Renamed Beyond Recognition ${index}` : film.title,
        film.title,
        "x",
        "Movie",
        7,
        100,
        film.releaseDate.slice(0, 4),
        "Drama",
        1000,
        film.releaseDate,
        "",
      ),
    );
    lines.push(line("tt0959621", 8, "2024-05-03", "Pilot", "Pilot", "x", "TV Episode", 9, 58, 2008, "Drama", 40000, "2008-01-20", ""));
    const uploaded = await upload(user, "ratings.csv", strToU8(`${[header, ...lines].join("\n")}\n`), "text/csv");
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(202);
    await runImport(api.services, uploaded.body.import!.id);
    const ratings = await api.services.prisma.interaction.findMany({ where: { userId: user.id, kind: "RATING" }, select: { tmdbId: true, rating: true } });
    expect(new Map(ratings.map((row) => [row.tmdbId, row.rating]))).toEqual(new Map(sample.map((film, index) => [film.id, (index % 10) + 1])));
    const job = (await api.graphql(IMPORT, { id: uploaded.body.import!.id }, { token: user.token })).data!.import;
    expect(job).toMatchObject({ status: "DONE", source: "IMDB", rowsTotal: 41, rowsApplied: 40, rowsMissed: 1 });
    expect(job.unmatched.edges[0].node).toMatchObject({ title: "Pilot", reason: expect.stringMatching(/TV Episode titles are not films or series/) });
  });
});

describe("the upload", () => {
  it("refuses a bad file with its reason and stores nothing", async () => {
    const user = await api.createUser();
    const refused = await upload(user, "ratings.csv", strToU8("Date,Name,Year,Letterboxd URI,Rating\n2024-01-01,Heat,1995,x,7\n"), "text/csv");
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", details: { reason: "BAD_VALUE" } });
    expect(refused.body.errors?.[0]?.message).toMatch(/ratings.csv line 2, Rating: "7"/);
    expect(await api.services.prisma.importJob.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses an anonymous upload, a form-encoded one, and a file over the limit", async () => {
    const anonymous = await fetch(`${api.url}/imports?name=a.csv`, { method: "POST", headers: { "content-type": "text/csv" }, body: "x" });
    expect(anonymous.status).toBe(401);
    const user = await api.createUser();
    expect((await upload(user, "a.csv", strToU8("a=b"), "application/x-www-form-urlencoded")).status).toBe(415);
    expect((await upload(user, "a.csv", strToU8("a"), "text/plain")).status).toBe(415);
    const huge = await upload(user, "big.zip", new Uint8Array(20 * 1024 * 1024 + 1));
    expect(huge.status).toBe(413);
    expect(huge.body.errors?.[0]?.extensions.details?.reason).toBe("TOO_LARGE");
  });

  it("refuses a read-only token: an import changes the account", async () => {
    const user = await api.createUser();
    const { secret } = await createApiToken(api.services, { userId: user.id, name: "reader", scopes: ["read"] });
    const file = strToU8(`Date,Name,Year,Letterboxd URI\n2024-01-10,${films[0]!.title},1995,x\n`);
    const refused = await upload({ ...user, token: secret }, "watchlist.csv", file, "text/csv");
    expect(refused.status).toBe(403);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", details: { requiredScope: "WRITE" } });
    expect(await api.services.prisma.importJob.count({ where: { userId: user.id } })).toBe(0);
    expect((await upload(user, "watchlist.csv", file, "text/csv")).status).toBe(202);
  });

  it(`takes ${IMPORT_UPLOADS_PER_MINUTE} uploads a minute from a person, refused ones included`, async () => {
    const user = await api.createUser();
    for (let upload = 0; upload < IMPORT_UPLOADS_PER_MINUTE; upload++)
      expect((await uploadImport(api, user, "a.csv", strToU8("a"), "text/plain")).status).toBe(415);
    const limited = await uploadImport(api, user, "a.csv", strToU8("a"), "text/plain");
    expect(limited.status).toBe(429);
    expect(limited.body.errors?.[0]?.extensions).toMatchObject({ code: "RATE_LIMITED" });
    // GraphQL's budget is its own.
    expect((await api.graphql("{ me { id } }", {}, { token: user.token })).data?.me.id).toBe(user.id);
  });

  it("another person's import is not found", async () => {
    const [owner, other] = await Promise.all([api.createUser(), api.createUser()]);
    const uploaded = await upload(owner, "watchlist.csv", strToU8(`Date,Name,Year,Letterboxd URI\n2024-01-10,${films[0]!.title},1995,x\n`), "text/csv");
    const result = await api.graphql(IMPORT, { id: uploaded.body.import!.id }, { token: other.token });
    expect(result.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });
});

describe("an import's share of TMDB", () => {
  it("stops looking titles up at its limit: the rest are unmatched and say why, titles the cache has still match", async () => {
    const user = await api.createUser();
    const cachedRow = await api.services.prisma.mediaCache.findFirstOrThrow({ where: { mediaType: "MOVIE", tmdbId: { in: films.map((film) => film.id) } } });
    const known = films.find((film) => film.id === cachedRow.tmdbId)!;
    const unknown = ["Qzx Never Made One", "Qzx Never Made Two", "Qzx Never Made Three"];
    const file = [
      "Date,Name,Year,Letterboxd URI",
      ...unknown.map((name) => csvLine("2024-01-10", name, 1995, "x")),
      csvLine("2024-01-11", known.title, known.releaseDate.slice(0, 4), "y"),
    ];
    const uploaded = await upload(user, "watchlist.csv", strToU8(`${file.join("\n")}\n`), "text/csv");
    const limited = { ...api.services, config: { ...api.services.config, IMPORT_TMDB_LOOKUPS: 1 } };
    expect(await runImport(limited, uploaded.body.import!.id)).toEqual({ status: "done" });
    const job = (await api.graphql(IMPORT, { id: uploaded.body.import!.id }, { token: user.token })).data!.import;
    expect(job).toMatchObject({ status: "DONE", rowsApplied: 1, rowsMissed: 3, tmdbCalls: 1 });
    for (const edge of job.unmatched.edges) expect(edge.node.reason).toBe("Not looked up: this import has used its 1 TMDB lookups. Choose its title by hand.");
  });
});

describe("an import that cannot finish", () => {
  it("is marked FAILED with what happened after its last try, and keeps what it added", async () => {
    const user = await api.createUser();
    // A film the cache has: matched without TMDB, before TMDB's failure ends the attempt.
    const cachedRow = await api.services.prisma.mediaCache.findFirstOrThrow({ where: { mediaType: "MOVIE", tmdbId: { in: films.map((film) => film.id) } } });
    const known = films.find((film) => film.id === cachedRow.tmdbId)!;
    const uploaded = await upload(
      user,
      "watchlist.csv",
      strToU8(
        `Date,Name,Year,Letterboxd URI\n2024-01-10,Some Film Nobody Cached,1995,x\n${csvLine("2024-01-11", known.title, known.releaseDate.slice(0, 4), "y")}\n`,
      ),
      "text/csv",
    );
    api.catalogue.setFaults({ serverError: { count: 1000 } });
    try {
      await expect(runImport(api.services, uploaded.body.import!.id, undefined, { lastAttempt: false })).rejects.toThrow();
      expect((await api.graphql(IMPORT, { id: uploaded.body.import!.id }, { token: user.token })).data!.import.status).toBe("RUNNING");
      await expect(runImport(api.services, uploaded.body.import!.id, undefined, { lastAttempt: true })).rejects.toThrow();
    } finally {
      api.catalogue.clearFaults();
    }
    const job = (await api.graphql(IMPORT, { id: uploaded.body.import!.id }, { token: user.token })).data!.import;
    expect(job.status).toBe("FAILED");
    // Said in words for people, not TMDB's or Prisma's message.
    expect(job.error).toBe("The import stopped after several tries (TMDB did not answer). What was added stays; upload the file again to add the rest.");
    // The row matched from the cache before TMDB failed was added.
    const added = await api.services.prisma.interaction.findMany({ where: { userId: user.id, kind: "WATCHLIST" }, select: { tmdbId: true } });
    expect(added.map((row) => row.tmdbId)).toEqual([known.id]);
  });
});

describe("an import whose queue job was lost, or failed without it", () => {
  it("once quiet for two minutes: queued again when its job is gone, ended as FAILED when its job failed; listing the imports does it", async () => {
    const user = await api.createUser();
    const queue = api.services.queues.imports;
    await queue.obliterate({ force: true });
    const file = (name: string) =>
      strToU8(`Date,Name,Year,Letterboxd URI\n${csvLine("2024-01-10", films[0]!.title, films[0]!.releaseDate.slice(0, 4), URI)}\n${name}`);
    const lost = (await upload(user, "watchlist.csv", file(""), "text/csv")).body.import!.id;
    const failed = (await upload(user, "watchlist.csv", file("\n"), "text/csv")).body.import!.id;
    // The first's job is gone (Redis lost its data); the second's fails without running the import
    // (as BullMQ fails a job whose worker was killed twice).
    await (await queue.getJob(`import-${lost}`))!.remove();
    await failNextJob(api, "imports", new UnrecoverableError("job stalled more than allowable limit"));
    const list = async () =>
      (await api.graphql(`{ imports { id status error } }`, {}, { token: user.token })).data!.imports as Array<{
        id: string;
        status: string;
        error: string | null;
      }>;
    // Not yet quiet: left alone.
    expect((await list()).map((entry) => entry.status)).toEqual(["QUEUED", "QUEUED"]);
    expect(await queue.getJob(`import-${lost}`)).toBeUndefined();

    await api.services.prisma.$executeRaw`UPDATE import_job SET updated_at = now() - interval '3 minutes' WHERE id IN (${lost}::uuid, ${failed}::uuid)`;
    const listed = await list();
    expect(listed.find((entry) => entry.id === failed)).toEqual({
      id: failed,
      status: "FAILED",
      error: "The import stopped after several tries (its worker stopped too often). What was added stays; upload the file again to add the rest.",
    });
    expect(listed.find((entry) => entry.id === lost)?.status).toBe("QUEUED");
    expect(await (await queue.getJob(`import-${lost}`))?.getState()).toBe("waiting");
    await queue.obliterate({ force: true });
  });
});
