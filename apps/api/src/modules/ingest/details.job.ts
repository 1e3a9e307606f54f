// Fetches one title's full details (credits, keywords…) and writes them into MediaCache.
import type { PrismaClient } from "../../db.ts";
import type { TmdbClient } from "../../tmdb/index.ts";
import { detailsIntoCache, type DetailsResult } from "../media/tmdb-into-cache.ts";
import type { DetailsPayload } from "./ingest.queues.ts";
import { toMediaKind } from "../../media-kind.ts";

export type DetailsOutcome = DetailsResult["outcome"];

export function parseDetailsPayload(data: unknown): DetailsPayload {
  const payload = data as Partial<DetailsPayload>;
  if ((payload?.mediaType !== "movie" && payload?.mediaType !== "tv") || !Number.isInteger(payload.tmdbId) || (payload.tmdbId ?? 0) < 1) {
    throw new Error(`details job payload must be { mediaType: "movie" | "tv", tmdbId: positive integer }; got ${JSON.stringify(data)}`);
  }
  return { mediaType: payload.mediaType, tmdbId: payload.tmdbId! };
}

/** Brings one title's details up to date (tmdb-into-cache.ts); a TMDB outage throws, so BullMQ retries the job. */
export async function fetchDetails(deps: { prisma: PrismaClient; tmdb: TmdbClient; maxAgeMs: number }, payload: DetailsPayload): Promise<DetailsOutcome> {
  return (await detailsIntoCache(deps, { kind: payload.mediaType, tmdbId: payload.tmdbId }, deps.maxAgeMs)).outcome;
}

/** Queues details for titles that never had them or whose details are older than `maxAgeMs`. */
export async function findStaleDetails(prisma: PrismaClient, options: { maxAgeMs: number; limit: number }): Promise<DetailsPayload[]> {
  const rows = await prisma.mediaCache.findMany({
    where: { OR: [{ detailsFetchedAt: null }, { detailsFetchedAt: { lt: new Date(Date.now() - options.maxAgeMs) } }] },
    orderBy: [{ detailsFetchedAt: { sort: "asc", nulls: "first" } }, { popularity: "desc" }],
    take: options.limit,
    select: { mediaType: true, tmdbId: true },
  });
  return rows.map((row) => ({ mediaType: toMediaKind(row.mediaType), tmdbId: row.tmdbId }));
}
