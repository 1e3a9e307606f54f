// The media feature's per-request DataLoaders (composed per request in graphql/loaders.ts): titles
// by key, titles with details, similar titles and people, each batched into one statement per tick.
import DataLoader from "dataloader";
import type { PrismaClient } from "../../db.ts";
import type { MediaCache, Person } from "../../generated/prisma/client.ts";
import type { MediaType } from "../../generated/prisma/enums.ts";
import type { EnrichmentService } from "./enrichment.service.ts";
import { parseMediaKey } from "./media-key.ts";
import { TmdbError } from "../../tmdb/tmdb-errors.ts";

/** `where` for a batch of media keys: one `IN` list per media type. */
export function whereMediaKeys(keys: readonly string[]) {
  const byType = new Map<MediaType, number[]>();
  for (const key of keys) {
    const { mediaType, tmdbId } = parseMediaKey(key);
    byType.set(mediaType, [...(byType.get(mediaType) ?? []), tmdbId]);
  }
  return { OR: [...byType].map(([mediaType, tmdbIds]) => ({ mediaType, tmdbId: { in: tmdbIds } })) };
}

/**
 * The API's in-memory catalogue (recommendations/serving/recommendation-serving.ts): titles' rows
 * kept while their stamp is unchanged, and the lists it ranks ("more like this",
 * recommendations/serving/similar-titles.ts; "people who liked this also liked").
 */
export interface CatalogueSource {
  /** These titles' current rows in the keys' order (null: not cached); Postgres only for rows it does not hold as they are now. */
  currentRows(keys: readonly string[]): Promise<Array<MediaCache | null>>;
  similarTitles(keys: readonly string[]): Promise<MediaCache[][]>;
  /** "People who liked this also liked": the trained model's neighbours, strongest first (at most `limit`). */
  alsoLikedTitles(keys: readonly string[], limit: number): Promise<MediaCache[][]>;
}

/** The longest "people who liked this also liked" list a title can ask for. */
export const MAX_ALSO_LIKED = 12;

export function createMediaLoaders(deps: { prisma: PrismaClient; enrichment: EnrichmentService; catalogue: CatalogueSource }) {
  const { prisma, catalogue } = deps;
  return {
    // Title pages, lists and mutations' answers read rows from memory when they are current there
    // (under the load bench a row by key was Postgres' second most frequent statement, 74 a second).
    media: new DataLoader<string, MediaCache | null>((keys) => catalogue.currentRows(keys)),
    // (a title TMDB could not give, one key's error: the others' details still come)
    mediaDetails: new DataLoader<string, MediaCache | null>((keys) =>
      Promise.all(keys.map((key) => deps.enrichment.fetchDetails(key).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))))),
    ),
    similar: new DataLoader<string, MediaCache[]>((keys) => catalogue.similarTitles(keys)),
    alsoLiked: new DataLoader<string, MediaCache[]>((keys) => catalogue.alsoLikedTitles(keys, MAX_ALSO_LIKED)),
    person: new DataLoader<number, Person | null>(async (ids) => {
      const rows = await prisma.person.findMany({ where: { id: { in: [...ids] } } });
      const map = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => map.get(id) ?? null);
    }),
  };
}

export type MediaLoaders = ReturnType<typeof createMediaLoaders>;

/** For `mediaDetails.load(…).catch`: TMDB not answering for a title leaves its stored row (null); any other error goes on. */
export function withoutTmdb(error: unknown): null {
  if (error instanceof TmdbError) return null;
  throw error;
}
