// What the import tests share: CSV written as the services write it, and the upload over HTTP.
import { strToU8 } from "fflate";
import type { TestApi, TestUser } from "../../test-support/api-harness.ts";

/** One CSV cell, quoted when it must be. */
export const csvCell = (value: string | number) => (/[",\n]/.test(String(value)) ? `"${String(value).replace(/"/g, '""')}"` : String(value));

/** One CSV line. */
export const csvLine = (...cells: Array<string | number>) => cells.map(csvCell).join(",");

/** A CSV file's bytes, from rows of cells (the header first). */
export const csvFile = (rows: Array<Array<string | number>>) => strToU8(`${rows.map((row) => csvLine(...row)).join("\n")}\n`);

export interface Uploaded {
  status: number;
  body: {
    import?: { id: string; rowsTotal: number; skippedFiles: string[] };
    errors?: Array<{ message: string; extensions: { code: string; details?: { reason: string } } }>;
  };
}

/** POST /imports as the user (their API token), the file's bytes as the body. */
export async function uploadImport(api: TestApi, user: TestUser, name: string, bytes: Uint8Array, contentType = "application/zip"): Promise<Uploaded> {
  const response = await fetch(`${api.url}/imports?name=${encodeURIComponent(name)}`, {
    method: "POST",
    headers: { authorization: `Bearer ${user.token}`, "content-type": contentType },
    body: Buffer.from(bytes),
  });
  return { status: response.status, body: (await response.json()) as Uploaded["body"] };
}
