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
        const { data } = record;
        return {
          media_type: kind,
          tmdb_id: record.tmdbId,
          title: data.title,
          original_title: data.originalTitle,
          overview: data.overview,
          poster_path: data.posterPath,
          backdrop_path: data.backdropPath,
          release_date: data.releaseDate?.toISOString().slice(0, 10) ?? null,
          genre_ids: data.genreIds,
          original_language: data.originalLanguage,
          popularity: data.popularity,
          vote_average: data.voteAverage,
          vote_count: data.voteCount,
          adult: data.adult,
          runtime: data.runtime,
          cast_ids: data.castIds,
          director_ids: data.directorIds,
          keyword_ids: data.keywordIds,
          tagline: data.tagline,
          status: data.status,
          imdb_id: data.imdbId,
        };
      });
      // One JSON parameter per batch: Prisma's createMany binds ~25 parameters per row and took minutes here.
      written += await prisma.$executeRaw`
        INSERT INTO media_cache (media_type, tmdb_id, title, original_title, overview, poster_path, backdrop_path, release_date, genre_ids,
                                 original_language, popularity, vote_average, vote_count, adult, runtime, cast_ids, director_ids, keyword_ids,
                                 tagline, status, imdb_id, source_lists, details_fetched_at, updated_at)
        SELECT r.media_type::media_type, r.tmdb_id, r.title, r.original_title, r.overview, r.poster_path, r.backdrop_path, r.release_date::date,
               r.genre_ids, r.original_language, r.popularity, r.vote_average, r.vote_count, r.adult, r.runtime, r.cast_ids, r.director_ids,
               r.keyword_ids, r.tagline, r.status, r.imdb_id, ARRAY[${`${kind}/popular`}]::text[], now(), now()
          FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(
                 media_type text, tmdb_id int, title text, original_title text, overview text, poster_path text, backdrop_path text,
                 release_date text, genre_ids int[], original_language text, popularity float8, vote_average float8, vote_count int,
                 adult boolean, runtime int, cast_ids int[], director_ids int[], keyword_ids int[], tagline text, status text, imdb_id text)
        ON CONFLICT DO NOTHING`;
    }
  }
  const everyone = [...people.values()];
  for (let index = 0; index < everyone.length; index += BATCH * 5) {
    await prisma.$executeRaw`
      INSERT INTO person (id, name, profile_path, known_for_department, popularity, updated_at)
      SELECT p.id, p.name, p.profile_path, p.known_for_department, p.popularity, now()
        FROM jsonb_to_recordset(${JSON.stringify(everyone.slice(index, index + BATCH * 5))}::jsonb)
          AS p(id int, name text, profile_path text, known_for_department text, popularity float8)
      ON CONFLICT DO NOTHING`;
  }
  await prisma.$executeRawUnsafe("ANALYZE media_cache, person");
  log(`cached ${written} titles and ${everyone.length} people with details in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return written;
}
