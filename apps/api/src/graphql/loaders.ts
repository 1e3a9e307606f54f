// Per-request DataLoaders: every per-row lookup in a field resolver goes through one of these, so
// a page of 50 titles costs a handful of queries, not 50 × fields.
import DataLoader from "dataloader";
import type { PrismaClient } from "../db.ts";
import type { MediaCache, Person } from "../generated/prisma/client.ts";
import type { MediaType } from "../generated/prisma/enums.ts";
import type { EnrichmentService } from "../modules/media/enrichment.service.ts";
import { mediaKey, parseMediaKey } from "../modules/media/media-key.ts";

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

export function createLoaders(deps: { prisma: PrismaClient; enrichment: EnrichmentService; userId: string | null }) {
  const { prisma, userId } = deps;
  const forViewer = <Row extends { mediaType: MediaType; tmdbId: number }>(load: (userId: string, keys: readonly string[]) => Promise<Row[]>) =>
    new DataLoader<string, Row | null>(async (keys) => (userId ? byKey(keys, await load(userId, keys)) : keys.map(() => null)));

  return {
    media: new DataLoader<string, MediaCache | null>(async (keys) => byKey(keys, await prisma.mediaCache.findMany({ where: whereMediaKeys(keys) }))),
    mediaDetails: new DataLoader<string, MediaCache | null>((keys) => Promise.all(keys.map((key) => deps.enrichment.fetchDetails(key)))),
    person: new DataLoader<number, Person | null>(async (ids) => {
      const rows = await prisma.person.findMany({ where: { id: { in: [...ids] } } });
      const map = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => map.get(id) ?? null);
    }),
    favourite: forViewer((user, keys) => prisma.favourite.findMany({ where: { userId: user, ...whereMediaKeys(keys) } })),
    watchlistItem: forViewer((user, keys) => prisma.watchlistItem.findMany({ where: { userId: user, ...whereMediaKeys(keys) } })),
    dismissal: forViewer((user, keys) => prisma.dismissal.findMany({ where: { userId: user, ...whereMediaKeys(keys) } })),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
