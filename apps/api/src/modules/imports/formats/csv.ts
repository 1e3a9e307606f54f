// CSV files of the export formats: header row, then records; every cell read is checked for formulas.
import { parse } from "csv-parse/sync";
import { ImportFileError } from "../import-errors.ts";
import { assertNoFormula, at } from "../import-row.ts";

export interface CsvRecord {
  line: number;
  cell(column: string): string;
}

/** The header and records of `text`; a malformed file is refused with where it broke. */
export function readCsv(name: string, text: string): { header: string[]; records: CsvRecord[] } {
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, skip_empty_lines: true, relax_quotes: false, trim: false }) as string[][];
  } catch (error) {
    throw new ImportFileError("BAD_VALUE", `${name} is not a readable CSV file: ${(error as Error).message}`);
  }
  const [header = [], ...body] = rows;
  const columns = header.map((column) => column.trim());
  // Only the cells a format reads are checked: a review or a tag no one imports may start with a dash.
  const records = body.map((cells, index) => {
    const line = index + 2;
    return {
      line,
      cell: (column: string) => {
        const value = cells[columns.indexOf(column)] ?? "";
        assertNoFormula(value, at(name, line, column));
        return value.trim();
      },
    };
  });
  return { header: columns, records };
}
