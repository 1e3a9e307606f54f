// An uploaded export file as the text files in it: one CSV or JSON file, or a ZIP of them
// (Letterboxd's export). Everything that makes a file unreadable is refused here, before a row is
// stored, with a reason a person can act on: too big, a ZIP that inflates past the limit (a ZIP
// bomb) or holds too many files, text that is not UTF-8 (naming the encoding it looks like).
import chardet from "chardet";
import { Unzip, UnzipInflate } from "fflate";
import { ImportFileError } from "./import-errors.ts";

export const IMPORT_LIMITS = {
  /** The uploaded file. Letterboxd's export of a 5,000-film history is ≈ 1 MB. */
  fileBytes: 20 * 1024 * 1024,
  /** Everything a ZIP inflates to, together. */
  unzippedBytes: 64 * 1024 * 1024,
  /** Files in a ZIP. */
  zipEntries: 500,
  /** Rows in one import (all its files). */
  rows: 100_000,
} as const;

export interface TextFile {
  /** The file's name (a ZIP entry's path within the ZIP). */
  name: string;
  text: string;
}

const isZip = (bytes: Uint8Array) =>
  bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);

/** The text files an upload holds. */
export function readImportFile(fileName: string, bytes: Uint8Array): TextFile[] {
  if (bytes.length === 0) throw new ImportFileError("EMPTY", `${fileName} is empty.`);
  if (bytes.length > IMPORT_LIMITS.fileBytes)
    throw new ImportFileError("TOO_LARGE", `${fileName} is ${megabytes(bytes.length)}; imports take files up to ${megabytes(IMPORT_LIMITS.fileBytes)}.`);
  if (isZip(bytes)) return unzip(fileName, bytes).map((entry) => ({ name: entry.name, text: decodeText(entry.name, entry.bytes) }));
  return [{ name: fileName, text: decodeText(fileName, bytes) }];
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** UTF-8 text (a byte-order mark dropped); anything else is refused with the encoding it looks like. */
export function decodeText(name: string, bytes: Uint8Array): string {
  const withoutBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(withoutBom);
  } catch {
    const detected = chardet.detect(bytes) ?? "an unknown encoding";
    throw new ImportFileError(
      "NOT_UTF8",
      `${name} is not UTF-8 text (it looks like ${detected}). Export it again from the service, or save it as UTF-8 (in a spreadsheet: "CSV UTF-8").`,
      { encoding: detected },
    );
  }
}

/** The files of a ZIP (folders and macOS' __MACOSX copies skipped), inflated within the limits. */
function unzip(fileName: string, bytes: Uint8Array): Array<{ name: string; bytes: Uint8Array }> {
  const files: Array<{ name: string; chunks: Uint8Array[] }> = [];
  let inflated = 0;
  let failure: ImportFileError | undefined;
  const unzipper = new Unzip((entry) => {
    if (failure || entry.name.endsWith("/") || entry.name.startsWith("__MACOSX/")) return;
    if (files.length >= IMPORT_LIMITS.zipEntries) {
      failure = new ImportFileError("ZIP_TOO_MANY_FILES", `${fileName} holds more than ${IMPORT_LIMITS.zipEntries} files; an export has a handful.`);
      return;
    }
    const file = { name: entry.name, chunks: [] as Uint8Array[] };
    files.push(file);
    entry.ondata = (error, chunk) => {
      if (failure) return;
      if (error) {
        failure = new ImportFileError("ZIP_DAMAGED", `${fileName} is damaged (${entry.name}: ${error.message}). Download the export again.`);
        return;
      }
      inflated += chunk.length;
      if (inflated > IMPORT_LIMITS.unzippedBytes) {
        failure = new ImportFileError(
          "ZIP_TOO_LARGE",
          `${fileName} unpacks to more than ${megabytes(IMPORT_LIMITS.unzippedBytes)} (a ZIP bomb, or not an export); nothing was imported.`,
        );
        entry.terminate();
        return;
      }
      file.chunks.push(chunk);
    };
    entry.start();
  });
  unzipper.register(UnzipInflate);
  try {
    // Fed in slices so an entry that inflates past the limit is stopped early.
    const SLICE = 64 * 1024;
    for (let at = 0; at < bytes.length && !failure; at += SLICE) unzipper.push(bytes.subarray(at, at + SLICE), at + SLICE >= bytes.length);
  } catch (error) {
    failure ??= new ImportFileError("ZIP_DAMAGED", `${fileName} is not a ZIP that can be read (${(error as Error).message}). Download the export again.`);
  }
  if (failure) throw failure;
  if (!files.length) throw new ImportFileError("EMPTY", `${fileName} holds no files.`);
  return files.map((file) => ({ name: file.name, bytes: concat(file.chunks) }));
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
