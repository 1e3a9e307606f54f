// A worker killed (SIGKILL) in the middle of an import: another worker takes the job over and
// finishes it from the rows' own states, and the person ends with exactly what an import that was
// never interrupted gives.
import type { CatalogueMovie } from "@movierec/tmdb-catalogue";
import { zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi, type TestUser } from "../../test-support/api-harness.ts";
import { spawnProductProcess, type ProductProcess } from "../../test-support/processes.ts";
import { runImport } from "./import.job.ts";
import { csvFile, uploadImport } from "./import.test-support.ts";

let api: TestApi;
const workers: ProductProcess[] = [];
beforeAll(async () => {
  api = await startTestApi({ catalogueSize: 3_000 });
});
afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.kill()));
  await api?.close();
});

function exportOf(films: CatalogueMovie[]): Uint8Array {
  const rows = films.map((film, index) => [
    `2024-0${1 + (index % 9)}-0${1 + (index % 9)}`,
    film.title,
    film.releaseDate.slice(0, 4),
    "https://boxd.it/x",
    ((index % 10) + 1) / 2,
  ]);
  return zipSync({
    "ratings.csv": csvFile([["Date", "Name", "Year", "Letterboxd URI", "Rating"], ...rows]),
    "likes/films.csv": csvFile([
      ["Date", "Name", "Year", "Letterboxd URI"],
      ["2024-01-01", films[0]!.title, films[0]!.releaseDate.slice(0, 4), "x"],
    ]),
  });
}

function startWorker(): ProductProcess {
  const worker = spawnProductProcess("src/worker.ts", {
    DATABASE_URL: api.config.DATABASE_URL,
    REDIS_URL: api.config.REDIS_URL,
    REDIS_KEY_PREFIX: api.config.REDIS_KEY_PREFIX,
    TMDB_API_BASE_URL: api.catalogue.url,
    TMDB_RATE_LIMIT_PER_SECOND: "40",
    INGEST_EVERY_MINUTES: "0",
    MODEL_CHECK_EVERY_SECONDS: "0",
    WORKER_LOCK_MS: "2000",
  });
  workers.push(worker);
  return worker;
}

async function upload(user: TestUser, bytes: Uint8Array): Promise<string> {
  const uploaded = await uploadImport(api, user, "letterboxd.zip", bytes);
  expect(uploaded.status).toBe(202);
  return uploaded.body.import!.id;
}

const stateOf = (user: TestUser) =>
  api.services.prisma.interaction.findMany({
    where: { userId: user.id },
    orderBy: [{ kind: "asc" }, { tmdbId: "asc" }],
    select: { kind: true, mediaType: true, tmdbId: true, rating: true, createdAt: true },
  });

async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("an import whose worker is killed", () => {
  it("resumes in another worker and ends as an uninterrupted import does", async () => {
    const films = api.catalogue.catalogue.movies.filter((movie) => movie.real && movie.releaseDate).slice(0, 300);
    const file = exportOf(films);
    api.catalogue.setFaults({ latencyMs: 40 }); // TMDB's answer time: the import takes seconds, not milliseconds

    const interrupted = await api.createUser();
    const importId = await upload(interrupted, file);
    const job = () => api.services.prisma.importJob.findUniqueOrThrow({ where: { id: importId } });
    const first = startWorker();
    const partway = await until("some rows matched", job, (state) => state.rowsMatched + state.rowsMissed >= 40);
    await first.kill("SIGKILL");
    const atKill = await job();
    expect(atKill.status).toBe("RUNNING");
    expect(atKill.rowsMatched + atKill.rowsMissed).toBeLessThan(atKill.rowsTotal);
    expect(partway.rowsTotal).toBe(301);

    startWorker();
    const finished = await until("the import to finish", job, (state) => state.status === "DONE" || state.status === "FAILED", 90_000);
    expect(finished.status).toBe("DONE");

    api.catalogue.clearFaults();
    const uninterrupted = await api.createUser();
    await runImport(api.services, await upload(uninterrupted, file));
    const [resumed, whole] = await Promise.all([stateOf(interrupted), stateOf(uninterrupted)]);
    expect(whole.length).toBeGreaterThan(290);
    expect(resumed).toEqual(whole);
  });
});
