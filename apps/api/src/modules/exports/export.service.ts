// Everything a person has, to take away: movierec's own JSON (formats/movierec.ts in imports reads
// it back: export, then import into an account, gives that account the same state), and CSV files
// Letterboxd's importer reads (films only: one of what was watched, rated or liked, one of the
// watchlist). Cells a spreadsheet would run as formulas are written with a leading apostrophe.
import { stringify } from "csv-stringify/sync";
import type { PrismaClient } from "../../db.ts";
import { getUser } from "../auth/user.service.ts";
import { MOVIEREC_EXPORT_VERSION, type MovierecExport } from "../imports/formats/movierec.ts";
import { safeCell } from "../imports/unmatched-csv.ts";
import { getPreferences, toPreferences } from "../preferences/preference.service.ts";

type Deps = { prisma: PrismaClient };

interface Row {
  media_type: "movie" | "tv";
  tmdb_id: number;
  kind: "favourite" | "watchlist" | "watched" | "rating" | "dismissed";
  rating: number | null;
  created_at: Date;
  title: string | null;
  year: number | null;
}

const interactionsOf = (deps: Deps, userId: string) =>
  deps.prisma.$queryRaw<Row[]>`
    SELECT i.media_type::text AS media_type, i.tmdb_id, i.kind::text AS kind, i.rating, i.created_at, m.title,
           extract(year FROM m.release_date)::int AS year
      FROM interaction i LEFT JOIN media_cache m ON m.media_type = i.media_type AND m.tmdb_id = i.tmdb_id
     WHERE i.user_id = ${userId}::uuid
     ORDER BY i.created_at, i.id`;

export async function movierecExport(deps: Deps, userId: string): Promise<MovierecExport> {
  const [user, preferences, rows, imports] = await Promise.all([
    getUser(deps, { userId }),
    getPreferences(deps, { userId }),
    interactionsOf(deps, userId),
    deps.prisma.importJob.findMany({ where: { userId }, orderBy: { createdAt: "asc" } }),
  ]);
  const prefs = toPreferences(preferences);
  return {
    format: "movierec",
    version: MOVIEREC_EXPORT_VERSION,
    exportedAt: new Date().toISOString(),
    account: { email: user.email, name: user.name },
    preferences: {
      likedGenreIds: prefs.likedGenreIds,
      dislikedGenreIds: prefs.dislikedGenreIds,
      mediaTypes: prefs.mediaTypes.map((type) => (type === "MOVIE" ? "MOVIE" : "TV")),
      languages: prefs.languages,
      yearFrom: prefs.yearFrom,
      yearTo: prefs.yearTo,
      maxRuntime: prefs.maxRuntime,
      minRating: prefs.minRating,
      includeAdult: prefs.includeAdult,
      watchRegion: prefs.watchRegion,
      streamingServiceIds: prefs.streamingServiceIds,
      onboarded: prefs.onboarded,
    },
    interactions: rows.map((row) => ({
      type: row.media_type,
      tmdbId: row.tmdb_id,
      title: row.title,
      // The importer's range (formats/movierec.ts): an export must import again as it is.
      year: row.year !== null && row.year >= 1870 && row.year <= 2100 ? row.year : null,
      kind: row.kind,
      ...(row.kind === "rating" && row.rating !== null ? { rating: row.rating } : {}),
      // Never later than now: the importer refuses a time past two days ahead (import-row.ts), and
      // one stored before it did must not make the person's own export refuse to import.
      at: new Date(Math.min(row.created_at.getTime(), Date.now())).toISOString(),
    })),
    imports: imports.map((job) => ({
      source: job.source.toLowerCase(),
      fileName: job.fileName,
      at: job.createdAt.toISOString(),
      rows: job.rowsTotal,
      applied: job.rowsApplied,
      missed: job.rowsMissed,
    })),
  };
}

const day = (date: Date | undefined) => (date ? date.toISOString().slice(0, 10) : "");

/**
 * Letterboxd's import columns (tmdbID, Title, Year, Rating, Rating10, WatchedDate, Tags): the films
 * watched, rated or liked (a like as the tag "favourite"), or the watchlist.
 */
export async function letterboxdCsv(deps: Deps, userId: string, list: "films" | "watchlist"): Promise<string> {
  const films = new Map<number, { title: string; year: number | null; rating?: number; watched?: Date; favourite?: boolean; watchlist?: boolean }>();
  for (const row of await interactionsOf(deps, userId)) {
    if (row.media_type !== "movie" || row.kind === "dismissed") continue;
    const film = films.get(row.tmdb_id) ?? { title: row.title ?? "", year: row.year };
    if (row.kind === "rating" && row.rating !== null) film.rating = row.rating;
    if (row.kind === "watched") film.watched = row.created_at;
    if (row.kind === "favourite") film.favourite = true;
    if (row.kind === "watchlist") film.watchlist = true;
    films.set(row.tmdb_id, film);
  }
  const header = ["tmdbID", "Title", "Year", "Rating", "Rating10", "WatchedDate", "Tags"];
  const lines = [...films]
    .filter(([, film]) => (list === "watchlist" ? film.watchlist : film.rating !== undefined || film.watched || film.favourite))
    .map(([tmdbId, film]) => [
      tmdbId,
      safeCell(film.title),
      film.year ?? "",
      film.rating !== undefined && list === "films" ? film.rating / 2 : "",
      film.rating !== undefined && list === "films" ? film.rating : "",
      list === "films" ? day(film.watched) : "",
      film.favourite && list === "films" ? "favourite" : "",
    ]);
  return stringify([header, ...lines]);
}
