// The media feature's per-request DataLoaders (composed per request in graphql/loaders.ts): titles
// by key, titles with details, similar titles and people, each batched into one statement per tick.
import DataLoader from "dataloader";
import type { Redis } from "ioredis";
import type { PrismaClient } from "../../db.ts";
import type { MediaCache, Person } from "../../generated/prisma/client.ts";
import type { MediaType } from "../../generated/prisma/enums.ts";
import { toMediaKind } from "../../media-kind.ts";
import { withinMs } from "../../redis.ts";
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

/** Media keys as rows for `jsonb_to_recordset(...) AS k(type text, id int)`. */
function recordRefs(keys: readonly string[]): Array<{ type: string; id: number }> {
  return keys.map(parseMediaKey).map((ref) => ({ type: toMediaKind(ref.mediaType), id: ref.tmdbId }));
}

function byKey<Row extends { mediaType: MediaType; tmdbId: number }>(keys: readonly string[], rows: Row[]): Array<Row | null> {
  const map = new Map(rows.map((row) => [mediaKey(row), row]));
  return keys.map((key) => map.get(key) ?? null);
}

/** Titles most like each given one (same type; shared genres, keywords, people), best first. */
const SIMILAR_LIMIT = 12;
/** How long a title's similar list is reused (Redis): ranking it reads every title sharing a genre. */
const SIMILAR_MEMO_SECONDS = 3_600;

export interface SimilarMemo {
  redis: Redis;
  keyPrefix: string;
}

async function similarKeys(prisma: PrismaClient, keys: readonly string[]): Promise<string[][]> {
  if (!keys.length) return [];
  const refs = recordRefs(keys);
  const rows = await prisma.$queryRaw<Array<{ source_type: string; source_id: number; media_type: string; tmdb_id: number }>>`
    SELECT s.type AS source_type, s.id AS source_id, m.media_type::text, m.tmdb_id
      FROM jsonb_to_recordset(${JSON.stringify(refs)}::jsonb) AS s(type text, id int)
      JOIN media_cache src ON src.media_type = s.type::media_type AND src.tmdb_id = s.id
     CROSS JOIN LATERAL (
       SELECT c.media_type, c.tmdb_id FROM media_cache c
        WHERE c.media_type = src.media_type AND c.tmdb_id <> src.tmdb_id AND NOT c.adult AND c.genre_ids && src.genre_ids
        ORDER BY 2 * cardinality(ARRAY(SELECT unnest(c.genre_ids) INTERSECT SELECT unnest(src.genre_ids)))
               + cardinality(ARRAY(SELECT unnest(c.keyword_ids) INTERSECT SELECT unnest(src.keyword_ids)))
               + 3 * cardinality(ARRAY(SELECT unnest(c.director_ids) INTERSECT SELECT unnest(src.director_ids)))
               + cardinality(ARRAY(SELECT unnest(c.cast_ids) INTERSECT SELECT unnest(src.cast_ids))) DESC,
                 c.vote_average DESC NULLS LAST, c.tmdb_id
        LIMIT ${SIMILAR_LIMIT}) m`;
  return keys.map((key) => rows.filter((row) => `${row.source_type}:${row.source_id}` === key).map((row) => `${row.media_type}:${row.tmdb_id}`));
}

/** Similar titles per key: remembered lists from Redis where there are some (250 ms at most), the rest ranked in SQL and remembered. */
async function similarTitles(prisma: PrismaClient, memo: SimilarMemo | undefined, keys: readonly string[]): Promise<Array<MediaCache[]>> {
  const memoKey = (key: string) => `${memo!.keyPrefix}similar:${key}`;
  const remembered = memo ? ((await withinMs(memo.redis.mget(keys.map(memoKey)), 250).catch(() => undefined)) ?? []) : [];
  const lists: Array<string[] | null> = keys.map((_key, index) => (remembered[index] ? (JSON.parse(remembered[index]!) as string[]) : null));
  const missing = keys.filter((_key, index) => !lists[index]);
  const ranked = await similarKeys(prisma, missing);
  missing.forEach((key, index) => {
    lists[keys.indexOf(key)] = ranked[index]!;
    memo?.redis.set(memoKey(key), JSON.stringify(ranked[index]), "EX", SIMILAR_MEMO_SECONDS).catch(() => {});
  });
  const wanted = [...new Set(lists.flatMap((list) => list ?? []))];
  const found = wanted.length ? await prisma.mediaCache.findMany({ where: whereMediaKeys(wanted) }) : [];
  const byKey = new Map(found.map((row) => [mediaKey(row), row]));
  return lists.map((list) => (list ?? []).flatMap((key) => byKey.get(key) ?? []));
}

export function createMediaLoaders(deps: { prisma: PrismaClient; enrichment: EnrichmentService; similarMemo?: SimilarMemo }) {
  const { prisma } = deps;
  return {
    media: new DataLoader<string, MediaCache | null>(async (keys) => byKey(keys, await prisma.mediaCache.findMany({ where: whereMediaKeys(keys) }))),
    mediaDetails: new DataLoader<string, MediaCache | null>((keys) => Promise.all(keys.map((key) => deps.enrichment.fetchDetails(key)))),
    similar: new DataLoader<string, MediaCache[]>((keys) => similarTitles(prisma, deps.similarMemo, keys)),
    person: new DataLoader<number, Person | null>(async (ids) => {
      const rows = await prisma.person.findMany({ where: { id: { in: [...ids] } } });
      const map = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => map.get(id) ?? null);
    }),
  };
}

export type MediaLoaders = ReturnType<typeof createMediaLoaders>;
