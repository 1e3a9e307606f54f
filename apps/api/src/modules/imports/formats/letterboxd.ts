// Letterboxd's data export (Settings → Data → Export your data): a ZIP of CSV files, or one of them.
// Films only. What we read, by file (columns Date, Name, Year, Letterboxd URI, and):
//   ratings.csv       + Rating (½–5)               → a rating (1–10), dated when rated
//   diary.csv         + Rating, Rewatch, Tags, Watched Date → watched (and the entry's rating, if any)
//   watched.csv                                    → watched
//   watchlist.csv                                  → watchlist
//   likes/films.csv                                → favourite (a heart on Letterboxd)
// Other files of the export (profile, reviews, comments, lists…) are not about what you watched and
// are skipped. The Letterboxd URI is Letterboxd's own, not TMDB's: titles are matched by name and year.
import type { InteractionKind } from "../../../generated/prisma/enums.ts";
import { ImportFileError } from "../import-errors.ts";
import { at, type ImportRowInput, parseDate, parseYear } from "../import-row.ts";
import { type CsvRecord, readCsv } from "./csv.ts";

const BASE = ["Date", "Name", "Year"];

type LetterboxdFile = "ratings" | "diary" | "watched" | "watchlist" | "likes";

const KIND: Record<Exclude<LetterboxdFile, "ratings" | "diary">, InteractionKind> = { watched: "WATCHED", watchlist: "WATCHLIST", likes: "FAVOURITE" };

/** Which Letterboxd file `name` is, by its path in the export. */
function fileOf(name: string): LetterboxdFile | "other" {
  const path = name.toLowerCase().replace(/\\/g, "/");
  if (path.endsWith("likes/films.csv")) return "likes";
  if (/(^|\/)(deleted|orphaned)\//.test(path)) return "other";
  const base = path.split("/").pop() ?? "";
  for (const file of ["ratings", "diary", "watched", "watchlist"] as const)
    if (base === `${file}.csv` || base.startsWith(`${file} `) || base.startsWith(`${file}-`) || base.startsWith(`${file}(`)) return file;
  return "other";
}

/** Whether a CSV header is one of Letterboxd's film files. */
export function looksLikeLetterboxd(header: string[]): boolean {
  return BASE.every((column) => header.includes(column)) && header.includes("Letterboxd URI");
}

/** The rows of one Letterboxd CSV file, or null for a file of the export we do not read. */
export function readLetterboxdCsv(name: string, text: string, options: { inZip: boolean }): ImportRowInput[] | null {
  const { header, records } = readCsv(name, text);
  let file = fileOf(name);
  if (file === "other") {
    if (options.inZip) return null;
    // A lone file renamed by the person: its columns tell ratings and diary apart, not the rest.
    if (header.includes("Watched Date")) file = "diary";
    else if (header.includes("Rating")) file = "ratings";
    else
      throw new ImportFileError(
        "UNKNOWN_FORMAT",
        `${name} has Letterboxd's columns, but watched.csv, watchlist.csv and likes/films.csv share them: upload the whole export ZIP, or the file under its own name.`,
      );
  }
  const missing = [...BASE, ...(file === "ratings" ? ["Rating"] : [])].filter((column) => !header.includes(column));
  if (missing.length)
    throw new ImportFileError(
      "MISSING_COLUMNS",
      `${name} lacks the column${missing.length > 1 ? "s" : ""} ${missing.join(", ")} of Letterboxd's ${file} file.`,
      {
        missing,
      },
    );
  return records.flatMap((record) => rowsOf(name, file as LetterboxdFile, record));
}

function rowsOf(name: string, file: LetterboxdFile, record: CsvRecord): ImportRowInput[] {
  const title = record.cell("Name");
  if (!title) throw new ImportFileError("BAD_VALUE", `${at(name, record.line, "Name")} is empty.`);
  const base = {
    file: name,
    line: record.line,
    title,
    year: parseYear(record.cell("Year"), at(name, record.line, "Year")),
    mediaType: "MOVIE" as const,
    tmdbId: null,
    imdbId: null,
  };
  const date = parseDate(record.cell("Date"), at(name, record.line, "Date"));
  const stars = record.cell("Rating") ? ratingOf(record.cell("Rating"), at(name, record.line, "Rating")) : null;
  switch (file) {
    case "ratings":
      if (stars === null) throw new ImportFileError("BAD_VALUE", `${at(name, record.line, "Rating")} is empty.`);
      return [{ ...base, kind: "RATING", rating: stars, happenedAt: date }];
    case "diary": {
      const watchedAt = parseDate(record.cell("Watched Date"), at(name, record.line, "Watched Date")) ?? date;
      const watched: ImportRowInput = { ...base, kind: "WATCHED", rating: null, happenedAt: watchedAt };
      return stars === null ? [watched] : [watched, { ...base, kind: "RATING", rating: stars, happenedAt: watchedAt }];
    }
    default:
      return [{ ...base, kind: KIND[file], rating: null, happenedAt: date }];
  }
}

/** Letterboxd's ½–5 stars as 1–10. */
function ratingOf(text: string, where: string): number {
  const stars = Number(text);
  if (!Number.isFinite(stars) || stars < 0.5 || stars > 5 || !Number.isInteger(stars * 2))
    throw new ImportFileError("BAD_VALUE", `${where}: "${text}" is not a Letterboxd rating (½ to 5 stars in halves).`);
  return stars * 2;
}
