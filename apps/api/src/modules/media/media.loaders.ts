// The media feature's per-request DataLoaders (composed per request in graphql/loaders.ts): titles
// by key, titles with details, similar titles and people, each batched into one statement per tick.
import DataLoader from "dataloader";
import type { PrismaClient } from "../../db.ts";
import type { MediaCache, Person } from "../../generated/prisma/client.ts";
import type { MediaType } from "../../generated/prisma/enums.ts";
import type { EnrichmentService } from "./enrichment.service.ts";
import { mediaKey, parseMediaKey } from "./media-key.ts";

/** `where` for a batch of media keys: one `IN` list per media type. */
export function whereMediaKeys(keys: readonly string[]) {
  const byType = new Map<MediaType, number[]>();
  for (const key of keys) {
    const { mediaType, tmdbId } = parseMediaKey(key);
    byType.set(mediaType, [...(byType.get(mediaType) ?? []), tmdbId]);
  }
  return { OR: [...byType].map(([mediaType, tmdbIds]) => ({ mediaType, tmdbId: { in: tmdbIds } })) };
}

function byKey<Row extends { mediaType: MediaType; tmdbId: number }>(keys: readonly string[], rows: Row[]): Array<Row | null> {
  const map = new Map(rows.map((row) => [mediaKey(row), row]));
  return keys.map((key) => map.get(key) ?? null);
}

/**
 * Where similar titles come from: each title's "more like this" list, best first, as rows. The API's
 * in-memory catalogue ranks them (recommendations/serving/similar-titles.ts).
 */
export interface SimilarTitlesSource {
  similarTitles(keys: readonly string[]): Promise<MediaCache[][]>;
  /** "People who liked this also liked": the trained model's neighbours, strongest first (at most `limit`). */
  alsoLikedTitles(keys: readonly string[], limit: number): Promise<MediaCache[][]>;
}

/** The longest "people who liked this also liked" list a title can ask for. */
export const MAX_ALSO_LIKED = 12;

export function createMediaLoaders(deps: { prisma: PrismaClient; enrichment: EnrichmentService; similar: SimilarTitlesSource }) {
  const { prisma } = deps;
  return {
    media: new DataLoader<string, MediaCache | null>(async (keys) => byKey(keys, await prisma.mediaCache.findMany({ where: whereMediaKeys(keys) }))),
    mediaDetails: new DataLoader<string, MediaCache | null>((keys) => Promise.all(keys.map((key) => deps.enrichment.fetchDetails(key)))),
    similar: new DataLoader<string, MediaCache[]>((keys) => deps.similar.similarTitles(keys)),
    alsoLiked: new DataLoader<string, MediaCache[]>((keys) => deps.similar.alsoLikedTitles(keys, MAX_ALSO_LIKED)),
    person: new DataLoader<number, Person | null>(async (ids) => {
      const rows = await prisma.person.findMany({ where: { id: { in: [...ids] } } });
      const map = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => map.get(id) ?? null);
    }),
  };
}

export type MediaLoaders = ReturnType<typeof createMediaLoaders>;
