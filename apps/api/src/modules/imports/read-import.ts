// An uploaded file as import rows: which service's export it is (by its files' names and columns),
// and every row read and checked. Nothing about the person's account is touched here.
import { parse } from "csv-parse/sync";
import type { ImportSource } from "../../generated/prisma/enums.ts";
import { looksLikeImdb, readImdbCsv } from "./formats/imdb.ts";
import { looksLikeLetterboxd, readLetterboxdCsv } from "./formats/letterboxd.ts";
import { type ExportedPreferences, looksLikeMovierec, readMovierecExport } from "./formats/movierec.ts";
import { looksLikeTrakt, readTraktJson } from "./formats/trakt.ts";
import { ImportFileError } from "./import-errors.ts";
import { IMPORT_LIMITS, readImportFile, type TextFile } from "./import-file.ts";
import type { ImportRowInput } from "./import-row.ts";

export interface ReadImport {
  source: ImportSource;
  rows: ImportRowInput[];
  preferences: ExportedPreferences | null;
  /** Files of the upload that are not about what the person watched (a Letterboxd ZIP's profile.csv…). */
  skippedFiles: string[];
}

const SUPPORTED =
  "Letterboxd's export (the ZIP, or ratings.csv, diary.csv, watched.csv, watchlist.csv or likes/films.csv), IMDb's ratings or watchlist CSV, Trakt's JSON export (watched, ratings, watchlist) or a movierec export (JSON)";

export function readImport(fileName: string, bytes: Uint8Array): ReadImport {
  const files = readImportFile(fileName, bytes);
  const inZip = files.length > 1 || files[0]!.name !== fileName;
  const read: Array<{ file: TextFile; source: ImportSource; rows: ImportRowInput[]; preferences?: ExportedPreferences }> = [];
  const skippedFiles: string[] = [];
  for (const file of files) {
    const one = readOne(file, inZip);
    if (one) read.push({ file, ...one });
    else skippedFiles.push(file.name);
  }
  if (!read.length) throw new ImportFileError("UNKNOWN_FORMAT", `${fileName} holds nothing movierec can import. It takes ${SUPPORTED}.`);
  const sources = [...new Set(read.map((entry) => entry.source))];
  if (sources.length > 1) throw new ImportFileError("UNKNOWN_FORMAT", `${fileName} mixes exports of ${sources.join(" and ")}; upload each on its own.`);
  const rows = read.flatMap((entry) => entry.rows);
  if (rows.length > IMPORT_LIMITS.rows)
    throw new ImportFileError(
      "TOO_MANY_ROWS",
      `${fileName} has ${rows.length.toLocaleString("en")} rows; one import takes up to ${IMPORT_LIMITS.rows.toLocaleString("en")}. Split it.`,
      {
        rows: rows.length,
      },
    );
  if (!rows.length) throw new ImportFileError("EMPTY", `${fileName} has no rows to import.`);
  // Postgres' text cannot hold U+0000, and no export writes one (GraphQL refuses it too: apollo.ts).
  const withNul = rows.find((row) => [row.file, row.title, row.imdbId, row.unsupported].some((text) => text?.includes("\u0000")));
  if (withNul)
    throw new ImportFileError(
      "BAD_VALUE",
      `${withNul.file.replaceAll("\u0000", "")} line ${withNul.line} holds a NUL character (U+0000), which no export writes; remove it and upload the file again.`,
    );
  return { source: sources[0]!, rows, preferences: read.find((entry) => entry.preferences)?.preferences ?? null, skippedFiles };
}

function readOne(file: TextFile, inZip: boolean): { source: ImportSource; rows: ImportRowInput[]; preferences?: ExportedPreferences } | null {
  const text = file.text.trimStart();
  if (file.name.toLowerCase().endsWith(".json") || text.startsWith("{") || text.startsWith("[")) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      if (inZip) return null;
      throw new ImportFileError("BAD_VALUE", `${file.name} is not valid JSON (${(error as Error).message}).`);
    }
    if (looksLikeMovierec(json)) {
      const { rows, preferences } = readMovierecExport(file.name, json);
      return { source: "MOVIEREC", rows, preferences };
    }
    if (looksLikeTrakt(json)) {
      const rows = readTraktJson(file.name, json as unknown[]);
      return rows ? { source: "TRAKT", rows } : null;
    }
    if (inZip) return null;
    throw new ImportFileError("UNKNOWN_FORMAT", `${file.name} is JSON, but not a movierec or Trakt export. movierec takes ${SUPPORTED}.`);
  }
  const header = headerOf(file);
  if (header && looksLikeLetterboxd(header)) {
    const rows = readLetterboxdCsv(file.name, file.text, { inZip });
    return rows ? { source: "LETTERBOXD", rows } : null;
  }
  if (header && looksLikeImdb(header)) return { source: "IMDB", rows: readImdbCsv(file.name, file.text) };
  if (inZip) return null;
  throw new ImportFileError(
    "UNKNOWN_FORMAT",
    `${file.name} is not an export movierec knows${header ? ` (its columns: ${header.slice(0, 8).join(", ")})` : ""}. It takes ${SUPPORTED}.`,
    header ? { columns: header.slice(0, 20) } : {},
  );
}

function headerOf(file: TextFile): string[] | null {
  try {
    const [header] = parse(file.text, { bom: true, to_line: 1, relax_column_count: true }) as string[][];
    return header?.map((column) => column.trim()) ?? null;
  } catch {
    return null;
  }
}
