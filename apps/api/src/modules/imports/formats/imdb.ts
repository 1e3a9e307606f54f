// IMDb's exports (Your ratings → Export, Your watchlist → Export): CSV files with Const (the IMDb
// id, tt…), Title, Original Title, Title Type, Year, and
//   ratings:   Your Rating (1–10), Date Rated                         → a rating
//   watchlist: Position, Created, (Your Rating, Date Rated if rated)  → the watchlist (and a rating)
// Films, TV films, shorts, specials and videos are films; series and mini-series are series; TV
// episodes and video games have no place here and are reported as not imported. IMDb writes the type
// in the account's language ("Film", "Serie TV"): a type not known here is left to the IMDb id.
import { ImportFileError } from "../import-errors.ts";
import { at, type ImportRowInput, parseYear } from "../import-row.ts";
import { type CsvRecord, readCsv } from "./csv.ts";

/** Whether a CSV header is one of IMDb's exports. */
export const looksLikeImdb = (header: string[]) => header.includes("Const") && header.includes("Title") && header.includes("Title Type");

const TYPES: Record<string, "MOVIE" | "TV"> = {
  movie: "MOVIE",
  tvmovie: "MOVIE",
  tvspecial: "MOVIE",
  short: "MOVIE",
  tvshort: "MOVIE",
  video: "MOVIE",
  tvseries: "TV",
  tvminiseries: "TV",
};

/** IMDb's types that are neither a film nor a series (in English; other languages are left to the id). */
const NOT_TITLES = new Set(["tvepisode", "videogame", "podcastepisode", "podcastseries", "musicvideo"]);

export function readImdbCsv(name: string, text: string): ImportRowInput[] {
  const { header, records } = readCsv(name, text);
  const list = header.includes("Position");
  if (list && !/watchlist/i.test(name))
    throw new ImportFileError(
      "UNKNOWN_FORMAT",
      `${name} looks like one of your IMDb lists; movierec imports your IMDb ratings and your watchlist (keep “watchlist” in that file's name).`,
    );
  const required = list ? ["Const", "Title", "Title Type", "Created"] : ["Const", "Title", "Title Type", "Your Rating", "Date Rated"];
  const missing = required.filter((column) => !header.includes(column));
  if (missing.length)
    throw new ImportFileError(
      "MISSING_COLUMNS",
      `${name} lacks the column${missing.length > 1 ? "s" : ""} ${missing.join(", ")} of IMDb's ${list ? "watchlist" : "ratings"} export.`,
      {
        missing,
      },
    );
  return records.flatMap((record) => rowsOf(name, record, list));
}

function rowsOf(name: string, record: CsvRecord, list: boolean): ImportRowInput[] {
  const imdbId = record.cell("Const");
  if (!/^tt\d{5,10}$/.test(imdbId)) throw new ImportFileError("BAD_VALUE", `${at(name, record.line, "Const")}: "${imdbId}" is not an IMDb title id (tt…).`);
  const type = record
    .cell("Title Type")
    .toLowerCase()
    .replace(/[^a-z]/g, "");
  const original = record.cell("Original Title");
  const title = record.cell("Title") || original;
  const base = {
    file: name,
    line: record.line,
    title,
    year: parseYear(record.cell("Year"), at(name, record.line, "Year")),
    // A type in the language of the person's IMDb account ("Film", "Serie TV") is not read: the
    // IMDb id alone decides, through TMDB (import-matching.ts).
    mediaType: TYPES[type] ?? null,
    tmdbId: null,
    imdbId,
    unsupported: NOT_TITLES.has(type) ? `IMDb's ${record.cell("Title Type")} titles are not films or series; not imported.` : undefined,
  };
  const rated = record.cell("Your Rating");
  const ratedAt = imdbDate(record.cell("Date Rated"), at(name, record.line, "Date Rated"));
  const rating = rated ? ratingOf(rated, at(name, record.line, "Your Rating")) : null;
  const rows: ImportRowInput[] = [];
  if (list) rows.push({ ...base, kind: "WATCHLIST", rating: null, happenedAt: imdbDate(record.cell("Created"), at(name, record.line, "Created")) });
  if (rating !== null) rows.push({ ...base, kind: "RATING", rating, happenedAt: ratedAt });
  else if (!list) throw new ImportFileError("BAD_VALUE", `${at(name, record.line, "Your Rating")} is empty.`);
  return rows;
}

function ratingOf(text: string, where: string): number {
  const rating = Number(text);
  if (!Number.isInteger(rating) || rating < 1 || rating > 10) throw new ImportFileError("BAD_VALUE", `${where}: "${text}" is not an IMDb rating (1 to 10).`);
  return rating;
}

/** IMDb writes YYYY-MM-DD now, and wrote "Sat May 01 00:00:00 2021" in older exports. */
function imdbDate(text: string, where: string): Date | null {
  if (!text) return null;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T12:00:00Z`) : new Date(text);
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1990 || date.getTime() > Date.now() + 2 * 86_400_000)
    throw new ImportFileError("BAD_VALUE", `${where}: "${text}" is not a date.`);
  return date;
}
