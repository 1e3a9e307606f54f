// Writes what TMDB says into MediaCache: one place decides how TMDB's shapes map onto our columns.
// Callers reach it through tmdb-into-cache.ts (pages, recommendations, the details job) or, for
// list pages, the ingest run.
import type { PrismaClient } from "../../db.ts";
import type { MediaCache } from "../../generated/prisma/client.ts";
import type { MovieDetails, MovieListItem, TvDetails, TvListItem } from "../../tmdb/index.ts";
import type { MediaKind } from "../../media-kind.ts";
import { titleOffers } from "../watch-providers/title-offers.ts";
import { pickTrailer } from "./trailer.ts";
import { storedTranslations } from "./translations.ts";

export type ListItem = (MovieListItem & { kind: "movie" }) | (TvListItem & { kind: "tv" });

/**
 * Upserts list items (popular, top rated, discover, search…) in one statement. A list item never
 * erases what details filled in: poster and votes are kept when the list lacks them, and the
 * details-only columns are left alone. Returns how many rows were written.
 */
export async function upsertListItems(prisma: Pick<PrismaClient, "$executeRaw">, items: ListItem[], sourceList: string): Promise<number> {
  if (!items.length) return 0;
  // Duplicates within one batch would make ON CONFLICT touch a row twice.
  const unique = [...new Map(items.map((item) => [`${item.kind}:${item.id}`, item])).values()];
  const rows = unique.map((item) => {
    const isMovie = item.kind === "movie";
    const votes = item.vote_count && item.vote_count > 0 ? item.vote_count : null;
    return {
      media_type: item.kind,
      tmdb_id: item.id,
      title: isMovie ? item.title : item.name,
      original_title: isMovie ? item.original_title : item.original_name,
      overview: item.overview,
      poster_path: item.poster_path ?? null,
      backdrop_path: item.backdrop_path ?? null,
      release_date: (isMovie ? item.release_date : item.first_air_date) ?? null,
      genre_ids: item.genre_ids,
      original_language: item.original_language,
      popularity: item.popularity,
      vote_average: votes ? (item.vote_average ?? null) : null,
      vote_count: votes,
      adult: item.adult,
    };
  });
  return prisma.$executeRaw`
    INSERT INTO media_cache (media_type, tmdb_id, title, original_title, overview, poster_path, backdrop_path, release_date,
                             genre_ids, original_language, popularity, vote_average, vote_count, adult, source_lists, updated_at)
    SELECT r.media_type::media_type, r.tmdb_id, r.title, r.original_title, r.overview, r.poster_path, r.backdrop_path,
           r.release_date::date, r.genre_ids, r.original_language, r.popularity, r.vote_average, r.vote_count, r.adult,
           ARRAY[${sourceList}]::text[], now()
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(
             media_type text, tmdb_id int, title text, original_title text, overview text, poster_path text, backdrop_path text,
             release_date text, genre_ids int[], original_language text, popularity float8, vote_average float8, vote_count int, adult boolean)
     -- One order for every writer: an ingest page and a search's or browse's fallback with the same
     -- titles in another order, written at once, lock their rows in the same order and cannot deadlock.
     ORDER BY r.media_type, r.tmdb_id
    ON CONFLICT (media_type, tmdb_id) DO UPDATE SET
      title = EXCLUDED.title,
      original_title = EXCLUDED.original_title,
      overview = EXCLUDED.overview,
      poster_path = COALESCE(EXCLUDED.poster_path, media_cache.poster_path),
      backdrop_path = COALESCE(EXCLUDED.backdrop_path, media_cache.backdrop_path),
      release_date = COALESCE(EXCLUDED.release_date, media_cache.release_date),
      genre_ids = EXCLUDED.genre_ids,
      original_language = EXCLUDED.original_language,
      popularity = EXCLUDED.popularity,
      vote_average = COALESCE(EXCLUDED.vote_average, media_cache.vote_average),
      vote_count = COALESCE(EXCLUDED.vote_count, media_cache.vote_count),
      adult = EXCLUDED.adult,
      source_lists = CASE WHEN ${sourceList} = ANY(media_cache.source_lists) THEN media_cache.source_lists
                          ELSE array_append(media_cache.source_lists, ${sourceList}) END,
      updated_at = now()`;
}

const TOP_CAST = 20;

/** How TMDB details (with appended credits and keywords) map onto MediaCache columns and Person rows. */
export function detailsRecord(kind: MediaKind, details: MovieDetails | TvDetails) {
  const isMovie = kind === "movie";
  const movie = details as MovieDetails;
  const tv = details as TvDetails;
  const cast = [...(details.credits?.cast ?? [])].sort((a, b) => (a.order ?? 0) - (b.order ?? 0)).slice(0, TOP_CAST);
  // TV series have no series-level Director: their creators stand in (docs/tmdb.md).
  const directors = isMovie
    ? (details.credits?.crew ?? []).filter((member) => member.job === "Director")
    : tv.created_by.map((creator) => ({ ...creator, known_for_department: "Writing", popularity: 0 }));
  const keywords = isMovie ? (movie.keywords?.keywords ?? []) : (tv.keywords?.results ?? []);
  const runtime = isMovie ? (movie.runtime ?? null) : (tv.episode_run_time[0] ?? null);
  const people = [...new Map([...cast, ...directors].map((person) => [person.id, person])).values()].map((person) => ({
    id: person.id,
    name: person.name,
    profile_path: person.profile_path ?? null,
    known_for_department: person.known_for_department ?? null,
    popularity: person.popularity ?? 0,
  }));
  // Providers only when the details carry them (DETAILS_APPEND asks): else what the cache has stays.
  const offers = details["watch/providers"] ? titleOffers(details["watch/providers"]) : null;
  const data = {
    title: isMovie ? movie.title : tv.name,
    originalTitle: isMovie ? movie.original_title : tv.original_name,
    overview: details.overview,
    posterPath: details.poster_path ?? null,
    backdropPath: details.backdrop_path ?? null,
    releaseDate: toDate(isMovie ? movie.release_date : tv.first_air_date),
    genreIds: details.genres.map((genre) => genre.id),
    originalLanguage: details.original_language,
    popularity: details.popularity,
    voteAverage: details.vote_count > 0 ? details.vote_average : null,
    voteCount: details.vote_count,
    adult: details.adult,
    runtime: runtime && runtime > 0 ? runtime : null,
    castIds: cast.map((member) => member.id),
    directorIds: directors.map((member) => member.id),
    keywordIds: keywords.map((keyword) => keyword.id),
    tagline: details.tagline || null,
    status: details.status ?? null,
    imdbId: isMovie ? (movie.imdb_id ?? null) : null,
    ...(offers ? { watchProviders: offers.stored, streamingOn: offers.streamingOn } : {}),
    // Translations and the trailer likewise only when asked for (DETAILS_APPEND).
    ...(details.translations ? { translations: storedTranslations(details.translations) } : {}),
    ...(details.videos ? { trailer: pickTrailer(details.videos.results) ?? {} } : {}),
    detailsFetchedAt: new Date(),
  };
  return { mediaType: isMovie ? ("MOVIE" as const) : ("TV" as const), tmdbId: details.id, data, people, providers: offers?.providers ?? [] };
}

/**
 * Writes full details (with appended credits, keywords and watch providers) into the cache, the
 * people and the providers tables.
 *
 * Providers and people shared by many titles (Netflix, a busy actor) are written without locking
 * the rows that stay as they are: new ones are inserted with ON CONFLICT DO NOTHING (which takes no
 * lock on an existing row) and only rows whose name or picture changed are locked, in id order,
 * and updated. `ON CONFLICT DO UPDATE … WHERE changed` locked every conflicting row even when it
 * changed nothing, so concurrent details writes queued behind each other: under the load bench the
 * provider upsert averaged 308 ms a statement, 93 % of Postgres' statement time.
 */
export async function writeDetails(prisma: PrismaClient, kind: MediaKind, details: MovieDetails | TvDetails): Promise<MediaCache> {
  const { mediaType, data, people, providers } = detailsRecord(kind, details);
  const providersJson = JSON.stringify(providers);
  const peopleJson = JSON.stringify(people);
  const [, , , , row] = await prisma.$transaction([
    prisma.$executeRaw`
      INSERT INTO watch_provider (id, name, logo_path, updated_at)
      SELECT p.id, p.name, p."logoPath", now()
        FROM jsonb_to_recordset(${providersJson}::jsonb) AS p(id int, name text, "logoPath" text)
       ORDER BY p.id
      ON CONFLICT (id) DO NOTHING`,
    prisma.$executeRaw`
      WITH given AS (SELECT * FROM jsonb_to_recordset(${providersJson}::jsonb) AS p(id int, name text, "logoPath" text)),
           changed AS (
             SELECT w.id FROM watch_provider w JOIN given g ON g.id = w.id
              WHERE (w.name, w.logo_path) IS DISTINCT FROM (g.name, g."logoPath")
              ORDER BY w.id FOR UPDATE OF w)
      UPDATE watch_provider w SET name = g.name, logo_path = g."logoPath", updated_at = now()
        FROM given g WHERE g.id = w.id AND w.id IN (SELECT id FROM changed)`,
    prisma.$executeRaw`
      INSERT INTO person (id, name, profile_path, known_for_department, popularity, updated_at)
      SELECT p.id, p.name, p.profile_path, p.known_for_department, p.popularity, now()
        FROM jsonb_to_recordset(${peopleJson}::jsonb) AS p(id int, name text, profile_path text, known_for_department text, popularity float8)
       -- One order for every writer: concurrent inserts of the same new people cannot deadlock.
       ORDER BY p.id
      ON CONFLICT (id) DO NOTHING`,
    // Only people whose row changed are locked and written: most of a title's cast is already there
    // as TMDB has it (rewriting them was a quarter of Postgres' time under the load bench: WAL, dead rows).
    prisma.$executeRaw`
      WITH given AS (
             SELECT * FROM jsonb_to_recordset(${peopleJson}::jsonb) AS p(id int, name text, profile_path text, known_for_department text, popularity float8)),
           changed AS (
             SELECT person.id FROM person JOIN given g ON g.id = person.id
              WHERE (person.name, person.profile_path, person.known_for_department)
                    IS DISTINCT FROM (g.name, g.profile_path, COALESCE(g.known_for_department, person.known_for_department))
              ORDER BY person.id FOR UPDATE OF person)
      UPDATE person SET name = g.name, profile_path = g.profile_path,
             known_for_department = COALESCE(g.known_for_department, person.known_for_department), updated_at = now()
        FROM given g WHERE g.id = person.id AND person.id IN (SELECT id FROM changed)`,
    prisma.mediaCache.upsert({
      where: { mediaType_tmdbId: { mediaType, tmdbId: details.id } },
      create: { mediaType, tmdbId: details.id, ...data },
      update: data,
    }),
  ]);
  return row;
}

function toDate(value: string | null): Date | null {
  return value ? new Date(`${value}T00:00:00Z`) : null;
}
