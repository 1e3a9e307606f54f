// What every route answers with: TMDB's error bodies, JSON responses, the page parameter.
import type { ServerResponse } from "node:http";
import { TMDB_ERRORS } from "../faults.ts";
import type { Json } from "../tmdb.ts";

export interface RouteResult {
  status: number;
  body: Json;
  headers?: Record<string, string>;
}

const JSON_TYPE = "application/json;charset=utf-8";

export function tmdbError(e: { status: number; http: number; message: string }): RouteResult {
  return { status: e.http, body: { success: false, status_code: e.status, status_message: e.message } };
}

export const NOT_FOUND = (): RouteResult => tmdbError(TMDB_ERRORS.notFound);

export function ok(body: Json): RouteResult {
  return { status: 200, body };
}

/** `page` must be an integer 1..500; absent = 1. */
export function parsePage(params: URLSearchParams): number | undefined {
  const raw = params.get("page");
  if (raw === null) return 1;
  if (!/^\d{1,6}$/.test(raw)) return undefined;
  const n = Number(raw);
  return n >= 1 && n <= 500 ? n : undefined;
}

export function sendJson(res: ServerResponse, status: number, body: Json | string, headers: Record<string, string> = {}, head = false): void {
  if (res.destroyed || res.headersSent) return;
  const text = typeof body === "string" ? body : JSON.stringify(body);
  res.writeHead(status, { "content-type": JSON_TYPE, "content-length": String(Buffer.byteLength(text)), ...headers });
  res.end(head ? undefined : text);
}
