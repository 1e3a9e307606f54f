// One row of an export file as every format reads it: what the person did (a kind of interaction),
// with which title as the file names it, when, and (for ratings) how many stars.
import { calendarDate } from "../../calendar-date.ts";
import type { InteractionKind } from "../../generated/prisma/enums.ts";
import { ImportFileError } from "./import-errors.ts";

export interface ImportRowInput {
  file: string;
  /** The line (CSV, counting the header as 1) or entry number (JSON) in `file`. */
  line: number;
  kind: InteractionKind;
  title: string | null;
  year: number | null;
  mediaType: "MOVIE" | "TV" | null;
  tmdbId: number | null;
  imdbId: string | null;
  /** RATING rows: 1–10 (half stars to five stars, doubled). */
  rating: number | null;
  happenedAt: Date | null;
  /** Set when the row is about something movierec does not keep (an IMDb TV episode…): stored as not matched, with this reason. */
  unsupported?: string;
}

/** Where a value came from, for messages: "ratings.csv line 12, Rating". */
export const at = (file: string, line: number, column?: string) => `${file} line ${line}${column ? `, ${column}` : ""}`;

/**
 * Refuses a cell a spreadsheet would run as a formula (=, +, -, @ first, or a tab or carriage return
 * first). No export writes one; a file that has one was edited, and we would write it back out in
 * exports.
 */
export function assertNoFormula(value: string, where: string): void {
  if (/^[=+\-@\t\r]/.test(value) && !/^[+-]?\d+([.,]\d+)?$/.test(value))
    throw new ImportFileError(
      "FORMULA",
      `${where} starts like a spreadsheet formula (${JSON.stringify(value.slice(0, 40))}); remove it and upload the file again.`,
    );
}

export function parseYear(value: string | undefined, where: string): number | null {
  const text = value?.trim() ?? "";
  if (!text) return null;
  // A series' run ("2013–2023", "2019-") counts from its first year.
  const year = Number(/^(\d{4})\s*[–-]\s*(\d{4})?$/.exec(text)?.[1] ?? text);
  if (!Number.isInteger(year) || year < 1870 || year > 2100) throw new ImportFileError("BAD_VALUE", `${where}: "${text}" is not a year.`);
  return year;
}

/** YYYY-MM-DD (or a full ISO time) as a time; empty is null. */
export function parseDate(value: string | undefined, where: string): Date | null {
  const text = value?.trim() ?? "";
  if (!text) return null;
  // The day checked against the calendar first: Date would read "2023-02-30" as 2 March.
  const date = !calendarDate(text.slice(0, 10))
    ? new Date(Number.NaN)
    : /^\d{4}-\d{2}-\d{2}$/.test(text)
      ? new Date(`${text}T12:00:00Z`)
      : /^\d{4}-\d{2}-\d{2}T/.test(text)
        ? new Date(text)
        : new Date(Number.NaN);
  if (!isPlausibleWhen(date)) throw new ImportFileError("BAD_VALUE", `${where}: "${text}" is not a date (YYYY-MM-DD).`);
  return date;
}

/**
 * Whether a row's time could be when someone watched, rated or listed a title: from 1870 to two days
 * ahead (time zones). A row dated 2999 would sit first in every list for good and count as new
 * against every trained model, so the model would retrain every minute.
 */
export function isPlausibleWhen(date: Date): boolean {
  return !Number.isNaN(date.getTime()) && date.getUTCFullYear() >= 1870 && date.getTime() <= Date.now() + 2 * 86_400_000;
}

/** A JSON export's time (already ISO 8601) checked as parseDate checks a CSV's. */
export function checkWhen(date: Date, text: string, where: string): Date {
  if (!isPlausibleWhen(date)) throw new ImportFileError("BAD_VALUE", `${where}: "${text}" is not a time between 1870 and now.`);
  return date;
}
