// Fetches one title's full details (credits, keywords…) and writes them into MediaCache.
import type { PrismaClient } from "../../db.ts";
import { TmdbError, type TmdbClient } from "../../tmdb/index.ts";
import { writeDetails } from "../media/media-cache.writer.ts";
import { DETAILS_APPEND } from "../media/enrichment.service.ts";
import type { DetailsPayload } from "./ingest.queues.ts";
import { toMediaKind, toMediaType } from "../../media-kind.ts";

export type DetailsOutcome = "fetched" | "fresh" | "gone";

export function parseDetailsPayload(data: unknown): DetailsPayload {
  const payload = data as Partial<DetailsPayload>;
  if ((payload?.mediaType !== "movie" && payload?.mediaType !== "tv") || !Number.isInteger(payload.tmdbId) || (payload.tmdbId ?? 0) < 1) {
    throw new Error(`details job payload must be { mediaType: "movie" | "tv", tmdbId: positive integer }; got ${JSON.stringify(data)}`);
  }
  return { mediaType: payload.mediaType, tmdbId: payload.tmdbId! };
}

export async function fetchDetails(deps: { prisma: PrismaClient; tmdb: TmdbClient; maxAgeMs: number }, payload: DetailsPayload): Promise<DetailsOutcome> {
  const mediaType = toMediaType(payload.mediaType);
  const row = await deps.prisma.mediaCache.findUnique({
    where: { mediaType_tmdbId: { mediaType, tmdbId: payload.tmdbId } },
    select: { detailsFetchedAt: true },
  });
  if (row?.detailsFetchedAt && Date.now() - row.detailsFetchedAt.getTime() < deps.maxAgeMs) return "fresh";
  try {
    const details =
      payload.mediaType === "movie" ? await deps.tmdb.movieDetails(payload.tmdbId, DETAILS_APPEND) : await deps.tmdb.tvDetails(payload.tmdbId, DETAILS_APPEND);
    await writeDetails(deps.prisma, payload.mediaType, details);
    return "fetched";
  } catch (error) {
    // TMDB removed it: remember that we asked, so it is not asked for again and again.
    if (error instanceof TmdbError && error.code === "TMDB_NOT_FOUND") {
      await deps.prisma.mediaCache.updateMany({ where: { mediaType, tmdbId: payload.tmdbId }, data: { detailsFetchedAt: new Date() } });
      return "gone";
    }
    throw error;
  }
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
