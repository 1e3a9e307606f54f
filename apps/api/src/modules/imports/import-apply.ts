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

export async function applyRows(prisma: PrismaClient, userId: string, rows: readonly RowToApply[]): Promise<void> {
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
  // Oldest first, so that of two ratings of one title in a file the newer stays.
  const ratings = rows.filter((row) => row.kind === "RATING" && row.rating !== null).sort((a, b) => a.happenedAt.getTime() - b.happenedAt.getTime());
  for (const row of ratings) {
    await prisma.$executeRaw`
      INSERT INTO interaction (id, user_id, media_type, tmdb_id, kind, rating, created_at, updated_at)
      VALUES (${randomUUID()}::uuid, ${userId}::uuid, ${toMediaKind(row.matchedType)}::media_type, ${row.matchedTmdbId}, 'rating', ${row.rating}, ${row.happenedAt}, ${row.happenedAt})
      ON CONFLICT (user_id, media_type, tmdb_id, kind) DO UPDATE SET rating = EXCLUDED.rating, updated_at = EXCLUDED.updated_at
       WHERE interaction.updated_at < EXCLUDED.updated_at`;
  }
}
