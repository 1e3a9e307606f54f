// Writing matched import rows into the person's interactions, so that importing the same file
// twice changes nothing and an import never undoes what the person did later:
// - favourites, watchlist, watched and dismissals are added if missing, dated as the file says;
//   one already there keeps its own date;
// - a rating is written when the title has none, or when the row is newer than the rating there
//   (whose updated_at is when it was last set, by the person or by an import).
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../../db.ts";
import type { InteractionKind } from "../../generated/prisma/enums.ts";
import { toMediaKind } from "../../media-kind.ts";

export interface RowToApply {
  kind: InteractionKind;
  matchedType: "MOVIE" | "TV";
  matchedTmdbId: number;
  rating: number | null;
  happenedAt: Date;
}

export async function applyRows(prisma: Pick<PrismaClient, "interaction" | "$executeRaw">, userId: string, rows: readonly RowToApply[]): Promise<void> {
  const marks = rows.filter((row) => row.kind !== "RATING");
  if (marks.length)
    await prisma.interaction.createMany({
      data: marks.map((row) => ({
        userId,
        mediaType: row.matchedType,
        tmdbId: row.matchedTmdbId,
        kind: row.kind,
        createdAt: row.happenedAt,
        updatedAt: row.happenedAt,
      })),
      skipDuplicates: true,
    });
  // One statement: of two ratings of one title in the batch the newer is written (a row may change
  // once per statement), and only over a rating older than it.
  const newest = new Map<string, RowToApply>();
  for (const row of rows)
    if (row.kind === "RATING" && row.rating !== null) {
      const key = `${row.matchedType}:${row.matchedTmdbId}`;
      const seen = newest.get(key);
      if (!seen || seen.happenedAt < row.happenedAt) newest.set(key, row);
    }
  const ratings = [...newest.values()];
  if (!ratings.length) return;
  await prisma.$executeRaw`
    INSERT INTO interaction (id, user_id, media_type, tmdb_id, kind, rating, created_at, updated_at)
    SELECT id, ${userId}::uuid, media_type::media_type, tmdb_id, 'rating', rating, happened_at, happened_at
      FROM unnest(${ratings.map(() => randomUUID())}::uuid[], ${ratings.map((row) => toMediaKind(row.matchedType))}::text[],
                  ${ratings.map((row) => row.matchedTmdbId)}::int[], ${ratings.map((row) => row.rating)}::smallint[],
                  ${ratings.map((row) => row.happenedAt)}::timestamptz[]) AS r(id, media_type, tmdb_id, rating, happened_at)
    ON CONFLICT (user_id, media_type, tmdb_id, kind) DO UPDATE SET rating = EXCLUDED.rating, updated_at = EXCLUDED.updated_at
     WHERE interaction.updated_at < EXCLUDED.updated_at`;
}
