// An import's unmatched rows as a CSV file to download (and fix, and upload again). Cells that a
// spreadsheet would run as a formula are written with a leading apostrophe.
import { stringify } from "csv-stringify/sync";
import type { PrismaClient } from "../../db.ts";

export const safeCell = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

export async function unmatchedCsv(deps: { prisma: PrismaClient }, importId: string): Promise<string> {
  const rows = await deps.prisma.importRow.findMany({ where: { jobId: importId, status: "UNMATCHED" }, orderBy: { position: "asc" } });
  return stringify([
    ["File", "Line", "Kind", "Title", "Year", "Rating", "Reason"],
    ...rows.map((row) => [row.file, row.line, row.kind.toLowerCase(), safeCell(row.title ?? ""), row.year ?? "", row.rating ?? "", safeCell(row.reason ?? "")]),
  ]);
}
