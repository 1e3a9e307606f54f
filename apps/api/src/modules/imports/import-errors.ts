// Why an uploaded file cannot be imported: BAD_USER_INPUT with `details.reason`, one of these, so
// a client can tell the cases apart; the message says what to do.
import { AppError } from "../../errors.ts";

export type ImportFileProblem =
  | "EMPTY"
  | "TOO_LARGE"
  | "TOO_MANY_ROWS"
  | "ZIP_TOO_LARGE"
  | "ZIP_TOO_MANY_FILES"
  | "ZIP_DAMAGED"
  | "NOT_UTF8"
  | "UNKNOWN_FORMAT"
  | "MISSING_COLUMNS"
  | "BAD_VALUE"
  | "FORMULA";

export class ImportFileError extends AppError {
  readonly reason: ImportFileProblem;

  constructor(reason: ImportFileProblem, message: string, details: Record<string, unknown> = {}) {
    super("BAD_USER_INPUT", message, { reason, ...details });
    this.reason = reason;
  }
}
