// Fills MediaCache (and Person) with a whole offline catalogue, with details, the way a worker that
// has run for a long time leaves it — but in bulk, in-process, in seconds rather than the hours a
// rate-limited ingest of 100,000 titles would take. Each title's details are the catalogue's own
// TMDB-shaped JSON, validated by our TMDB schemas and mapped by the same `detailsRecord` the worker
// uses, so the rows are what the worker would write.
import type { Catalogue } from "../../packages/tmdb-catalogue/src/index.ts";
import { creditsOf, keywordsBody, movieDetails, tvDetails } from "../../packages/tmdb-catalogue/src/tmdb.ts";
import type { PrismaClient } from "../../apps/api/src/db.ts";
import { detailsRecord } from "../../apps/api/src/modules/media/media-cache.writer.ts";
import { movieDetailsSchema, tvDetailsSchema } from "../../apps/api/src/tmdb/index.ts";

const BATCH = 2_000;

export async function cacheWholeCatalogue(prisma: PrismaClient, catalogue: Catalogue, log: (message: string) => void): Promise<number> {
  const started = performance.now();
  const people = new Map<number, ReturnType<typeof detailsRecord>["people"][number]>();
  let written = 0;
  for (const kind of ["movie", "tv"] as const) {
    const titles = catalogue.titles(kind);
    for (let index = 0; index < titles.length; index += BATCH) {
      const rows = titles.slice(index, index + BATCH).map((title) => {
        const body = kind === "movie" ? movieDetails(catalogue, title as never) : tvDetails(catalogue, title as never);
        const json = { ...body, credits: creditsOf(catalogue, title), keywords: keywordsBody(catalogue, title) };
        const record = kind === "movie" ? detailsRecord("movie", movieDetailsSchema.parse(json)) : detailsRecord("tv", tvDetailsSchema.parse(json));
        for (const person of record.people) people.set(person.id, person);
        return { mediaType: record.mediaType, tmdbId: record.tmdbId, sourceLists: [`${kind}/popular`], ...record.data };
      });
      written += (await prisma.mediaCache.createMany({ data: rows, skipDuplicates: true })).count;
    }
  }
  const everyone = [...people.values()];
  for (let index = 0; index < everyone.length; index += BATCH * 5) {
    await prisma.person.createMany({
      data: everyone.slice(index, index + BATCH * 5).map((person) => ({
        id: person.id,
        name: person.name,
        profilePath: person.profile_path,
        knownForDepartment: person.known_for_department,
        popularity: person.popularity,
      })),
      skipDuplicates: true,
    });
  }
  await prisma.$executeRawUnsafe("ANALYZE media_cache, person");
  log(`cached ${written} titles and ${everyone.length} people with details in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return written;
}
