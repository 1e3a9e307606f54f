// The details job: fetches one title's full details (credits, keywords…) into MediaCache. Queued by
// ingest runs for titles without details and by the details refresh for stale ones.
import { z } from "zod";
import type { PrismaClient } from "../../db.ts";
import type { TmdbClient } from "../../tmdb/index.ts";
import { detailsIntoCache, type DetailsResult } from "../media/tmdb-into-cache.ts";
import type { DetailsPayload } from "./ingest.queues.ts";
import type { JobUnit } from "./job-unit.ts";

export type DetailsOutcome = DetailsResult["outcome"];

const DAY_MS = 24 * 60 * 60 * 1000;

/** Brings one title's details up to date (tmdb-into-cache.ts); a TMDB outage throws, so BullMQ retries the job. */
export async function fetchDetails(deps: { prisma: PrismaClient; tmdb: TmdbClient; maxAgeMs: number }, payload: DetailsPayload): Promise<DetailsOutcome> {
  return (await detailsIntoCache(deps, { kind: payload.mediaType, tmdbId: payload.tmdbId }, deps.maxAgeMs)).outcome;
}

export const detailsJob: JobUnit<DetailsPayload> = {
  queue: "details",
  payload: z.object({ mediaType: z.enum(["movie", "tv"]), tmdbId: z.number().int().positive() }),
  concurrency: (config) => config.WORKER_DETAILS_CONCURRENCY,
  yieldsToApi: true,
  handle: ({ prisma, tmdb, config }, payload) => fetchDetails({ prisma, tmdb, maxAgeMs: config.DETAILS_MAX_AGE_DAYS * DAY_MS }, payload),
};
