// The interaction log (prisma `Interaction`): what a person did with a title, one row per
// (person, title, kind). Every write here touches only the caller's own rows (no shared counters,
// no advisory locks), so people adding favourites at the same time never wait on or deadlock with
// each other; the recommendation model learns from all rows in the background.
import { Prisma } from "../../generated/prisma/client.ts";
import type { InteractionKind } from "../../generated/prisma/enums.ts";
import type { PrismaClient } from "../../db.ts";
import { afterAdded, type AddedCursor } from "../../graphql/media-ref.input.ts";
import type { MediaRef } from "../media/media-key.ts";
import { badInput } from "../../errors.ts";
import { toMediaKind, type MediaKind } from "../../media-kind.ts";

interface Deps {
  prisma: PrismaClient;
}

/** Clock skew allowed between a client and the API for a time that is "now". */
const FUTURE_SKEW_MS = 5 * 60_000;

/**
 * A time a client gives for when something happened (`field`: the argument's name): not in the
 * future, not before films. Null stays null (now).
 */
export function pastTime(value: Date | null | undefined, field: string): Date | null {
  if (!value) return null;
  if (value.getTime() > Date.now() + FUTURE_SKEW_MS) throw badInput(`${field} is in the future; give when it happened, or leave it out for now.`, { field });
  if (value.getUTCFullYear() < 1870) throw badInput(`${field} is before 1870; give when it happened.`, { field });
  return value;
}

/**
 * Records that the person did each of `kinds` with the title, in one statement; doing one again keeps
 * its first time. `at`: when, for kinds that did not happen now. How many were new.
 */
export async function recordInteraction(
  deps: Deps,
  input: { userId: string; ref: MediaRef; kinds: InteractionKind[]; at?: Partial<Record<InteractionKind, Date>> },
): Promise<number> {
  const { userId, ref } = input;
  const { count } = await deps.prisma.interaction.createMany({
    data: input.kinds.map((kind) => ({
      userId,
      mediaType: ref.mediaType,
      tmdbId: ref.tmdbId,
      kind,
      ...(input.at?.[kind] ? { createdAt: input.at[kind] } : {}),
    })),
    skipDuplicates: true,
  });
  return count;
}

/** Deletes the person's interactions of these kinds with the title; none there is not an error. */
export async function removeInteractions(deps: Deps, input: { userId: string; ref: MediaRef; kinds: InteractionKind[] }): Promise<number> {
  const { count } = await deps.prisma.interaction.deleteMany({
    where: { userId: input.userId, mediaType: input.ref.mediaType, tmdbId: input.ref.tmdbId, kind: { in: input.kinds } },
  });
  return count;
}

/** One page of the person's interactions of one kind, newest first (size + 1 rows: the caller tells whether there is more). */
export async function listInteractions(deps: Deps, input: { userId: string; kind: InteractionKind; after: AddedCursor | null; size: number }) {
  return deps.prisma.interaction.findMany({
    where: { userId: input.userId, kind: input.kind, ...afterAdded(input.after) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.size + 1,
    select: { id: true, mediaType: true, tmdbId: true, createdAt: true, rating: true },
  });
}

/** How many interactions of one kind the person has (favourites, ratings): an index count. */
export function countInteractions(deps: Deps, input: { userId: string; kind: InteractionKind }): Promise<number> {
  return deps.prisma.interaction.count({ where: { userId: input.userId, kind: input.kind } });
}

/** How many titles are on the person's watchlist: all, only watched (true) or only still to watch (false). */
export async function countWatchlist(deps: Deps, input: { userId: string; watched: boolean | null }): Promise<number> {
  const watched = input.watched === null ? Prisma.empty : input.watched ? Prisma.sql`AND v.id IS NOT NULL` : Prisma.sql`AND v.id IS NULL`;
  const [row] = await deps.prisma.$queryRaw<Array<{ count: number }>>`
    SELECT count(*)::int AS count
      FROM interaction w
      LEFT JOIN interaction v ON v.user_id = w.user_id AND v.media_type = w.media_type AND v.tmdb_id = w.tmdb_id AND v.kind = 'watched'
     WHERE w.user_id = ${input.userId}::uuid AND w.kind = 'watchlist' ${watched}`;
  return row?.count ?? 0;
}

/**
 * The person's watchlist page with when each was watched (the WATCHED row's time), optionally only
 * watched (true) or only still to watch (false).
 */
export async function listWatchlistInteractions(deps: Deps, input: { userId: string; after: AddedCursor | null; size: number; watched: boolean | null }) {
  const after = input.after ? Prisma.sql`AND (w.created_at, w.id) < (${new Date(input.after.createdAt)}::timestamptz, ${input.after.id}::uuid)` : Prisma.empty;
  const watched = input.watched === null ? Prisma.empty : input.watched ? Prisma.sql`AND v.id IS NOT NULL` : Prisma.sql`AND v.id IS NULL`;
  const rows = await deps.prisma.$queryRaw<Array<{ id: string; media_type: MediaKind; tmdb_id: number; created_at: Date; watched_at: Date | null }>>`
    SELECT w.id, w.media_type::text AS media_type, w.tmdb_id, w.created_at, v.created_at AS watched_at
      FROM interaction w
      LEFT JOIN interaction v ON v.user_id = w.user_id AND v.media_type = w.media_type AND v.tmdb_id = w.tmdb_id AND v.kind = 'watched'
     WHERE w.user_id = ${input.userId}::uuid AND w.kind = 'watchlist' ${after} ${watched}
     ORDER BY w.created_at DESC, w.id DESC
     LIMIT ${input.size + 1}`;
  return rows.map((row) => ({
    id: row.id,
    mediaType: row.media_type === "movie" ? ("MOVIE" as const) : ("TV" as const),
    tmdbId: row.tmdb_id,
    createdAt: row.created_at,
    watchedAt: row.watched_at,
  }));
}

/**
 * What the person has done with each of these titles (the per-user fields of `Media`), in one
 * statement of index lookups. As a plain join Postgres hashed the person's whole library (0.3 → 1 ms
 * from 0 to 2,000 favourites, found by bench/recommendations-writes.ts); `OFFSET 0` keeps the lateral
 * subquery from being flattened back into that join.
 */
export async function interactionStates(deps: Deps, input: { userId: string; refs: readonly MediaRef[] }) {
  const keys = input.refs.map((ref) => ({ type: toMediaKind(ref.mediaType), id: ref.tmdbId }));
  const rows = await deps.prisma.$queryRaw<Array<{ type: string; id: number; kind: string; created_at: Date; rating: number | null }>>`
    SELECT k.type, k.id, i.kind, i.created_at, i.rating
      FROM jsonb_to_recordset(${JSON.stringify(keys)}::jsonb) AS k(type text, id int)
     CROSS JOIN LATERAL (
       SELECT x.kind::text AS kind, x.created_at, x.rating FROM interaction x
        WHERE x.user_id = ${input.userId}::uuid AND x.media_type = k.type::media_type AND x.tmdb_id = k.id
       OFFSET 0) i`;
  const byKey = new Map<string, TitleInteractions>();
  for (const row of rows) {
    const key = `${row.type}:${row.id}`;
    if (!byKey.has(key)) byKey.set(key, { kinds: new Map(), rating: null });
    const state = byKey.get(key)!;
    state.kinds.set(row.kind, row.created_at);
    if (row.kind === "rating") state.rating = row.rating;
  }
  return keys.map((key) => byKey.get(`${key.type}:${key.id}`) ?? { kinds: new Map<string, Date>(), rating: null });
}

/** What one person did with one title: each kind with when, and their rating (1–10) if they rated it. */
export interface TitleInteractions {
  kinds: Map<string, Date>;
  rating: number | null;
}
