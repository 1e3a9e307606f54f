// Keeps media_cooccurrence current: when a title enters a user's taste set (favourites ∪
// watchlist) every pair it forms with the rest of the set gains one, and the diagonal (its
// audience) too; when it leaves, they lose one. Runs inside the caller's transaction, after the
// insert/delete, under a per-user advisory lock so concurrent changes by one user cannot race.
import { Prisma } from "../../generated/prisma/client.ts";
import type { MediaRef } from "../media/media-key.ts";

type Tx = Prisma.TransactionClient;

const dbType = (ref: MediaRef) => (ref.mediaType === "MOVIE" ? "movie" : "tv");

export async function lockUserTasteSet(tx: Tx, userId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`taste:${userId}`}))`;
}

/** The user's taste set as SQL, for use inside the statements below. */
const tasteSet = (userId: string) => Prisma.sql`
  SELECT media_type, tmdb_id FROM favourite WHERE user_id = ${userId}::uuid
  UNION
  SELECT media_type, tmdb_id FROM watchlist_item WHERE user_id = ${userId}::uuid`;

async function inTasteSet(tx: Tx, userId: string, ref: MediaRef): Promise<boolean> {
  const rows = await tx.$queryRaw<unknown[]>`
    SELECT 1 FROM (${tasteSet(userId)}) s WHERE s.media_type = ${dbType(ref)}::media_type AND s.tmdb_id = ${ref.tmdbId} LIMIT 1`;
  return rows.length > 0;
}

/** Call after adding `ref` to favourites or the watchlist; `wasInSet` = it was already in the other one. */
export async function recordEnteredTasteSet(tx: Tx, userId: string, ref: MediaRef, wasInSet: boolean): Promise<void> {
  if (wasInSet) return;
  const type = dbType(ref);
  await tx.$executeRaw`
    INSERT INTO media_cooccurrence (media_type, tmdb_id, other_media_type, other_tmdb_id, count)
    SELECT ${type}::media_type, ${ref.tmdbId}, s.media_type, s.tmdb_id, 1 FROM (${tasteSet(userId)}) s
    UNION ALL
    SELECT s.media_type, s.tmdb_id, ${type}::media_type, ${ref.tmdbId}, 1 FROM (${tasteSet(userId)}) s
     WHERE NOT (s.media_type = ${type}::media_type AND s.tmdb_id = ${ref.tmdbId})
    ON CONFLICT (media_type, tmdb_id, other_media_type, other_tmdb_id) DO UPDATE SET count = media_cooccurrence.count + 1`;
}

/** Call after removing `ref` from favourites or the watchlist. */
export async function recordLeftTasteSet(tx: Tx, userId: string, ref: MediaRef): Promise<void> {
  if (await inTasteSet(tx, userId, ref)) return; // still in the other list
  const type = dbType(ref);
  await tx.$executeRaw`
    WITH pairs AS (
      SELECT ${type}::media_type AS a_type, ${ref.tmdbId}::int AS a_id, s.media_type AS b_type, s.tmdb_id AS b_id FROM (${tasteSet(userId)}) s
      UNION ALL SELECT s.media_type, s.tmdb_id, ${type}::media_type, ${ref.tmdbId}::int FROM (${tasteSet(userId)}) s
      UNION ALL SELECT ${type}::media_type, ${ref.tmdbId}::int, ${type}::media_type, ${ref.tmdbId}::int
    )
    UPDATE media_cooccurrence c SET count = c.count - 1
      FROM pairs p
     WHERE c.media_type = p.a_type AND c.tmdb_id = p.a_id AND c.other_media_type = p.b_type AND c.other_tmdb_id = p.b_id`;
  await tx.$executeRaw`
    DELETE FROM media_cooccurrence
     WHERE count <= 0 AND ((media_type = ${type}::media_type AND tmdb_id = ${ref.tmdbId}) OR (other_media_type = ${type}::media_type AND other_tmdb_id = ${ref.tmdbId}))`;
}

export { inTasteSet };
