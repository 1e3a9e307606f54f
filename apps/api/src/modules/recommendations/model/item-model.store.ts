// The trained item-to-item model in Postgres (`recommendation_model`, `item_neighbours`). A new
// version is written whole while TRAINING, then switched to LIVE in one transaction that retires the
// previous one; readers name the version they read (the serving index asks which is live), so they
// see the old model or the new one, never half of either. The version retired last stays until the
// next switch, for a quick look back and for readers still holding its number.
import type { Prisma } from "../../../generated/prisma/client.ts";
import type { PrismaClient } from "../../../db.ts";
import type { NeighbourList } from "../collaborative.ts";

interface Deps {
  prisma: PrismaClient;
}

const splitKey = (key: string) => {
  const colon = key.indexOf(":");
  return { type: key.slice(0, colon), id: Number(key.slice(colon + 1)) };
};

/**
 * One model version's neighbour lists of these titles ("movie:550" keys); titles it does not know are
 * absent. `intern` may hand back an existing string for each key (the serving index's), so lists
 * kept in memory share one string per title.
 */
export async function neighbourLists(
  deps: Deps,
  input: { version: number; keys: readonly string[]; intern?: (key: string) => string },
): Promise<Map<string, NeighbourList>> {
  if (!input.keys.length) return new Map();
  const intern = input.intern ?? ((key: string) => key);
  const rows = await deps.prisma.$queryRawUnsafe<
    Array<{ media_type: string; tmdb_id: number; neighbour_types: string[]; neighbour_ids: number[]; weights: number[] }>
  >(
    `SELECT n.media_type::text, n.tmdb_id, n.neighbour_types::text[] AS neighbour_types, n.neighbour_ids, n.weights
       FROM jsonb_to_recordset($2::jsonb) AS k(type text, id int)
       JOIN item_neighbours n ON n.model_version = $1 AND n.media_type = k.type::media_type AND n.tmdb_id = k.id`,
    input.version,
    JSON.stringify(input.keys.map(splitKey)),
  );
  return new Map(
    rows.map((row) => [
      intern(`${row.media_type}:${row.tmdb_id}`),
      { keys: row.neighbour_ids.map((id, n) => intern(`${row.neighbour_types[n]}:${id}`)), weights: Float32Array.from(row.weights) },
    ]),
  );
}

/** The newest LIVE version, or null before the first training. */
export async function liveModelVersion(deps: Deps): Promise<number | null> {
  const live = await deps.prisma.recommendationModel.findFirst({ where: { status: "LIVE" }, orderBy: { version: "desc" }, select: { version: true } });
  return live?.version ?? null;
}

/** Starts a version (TRAINING): interactions created before `dataUpTo` are what it learns from. */
export async function startModelVersion(deps: Deps, input: { algorithm: string; params: Prisma.InputJsonValue; dataUpTo: Date }): Promise<number> {
  const row = await deps.prisma.recommendationModel.create({
    data: { algorithm: input.algorithm, params: input.params, dataUpTo: input.dataUpTo },
    select: { version: true },
  });
  return row.version;
}

/** Writes neighbour lists of a TRAINING version, `batchSize` titles per statement. */
export async function writeNeighbourLists(
  deps: Deps,
  input: { version: number; lists: Iterable<{ key: string; neighbours: readonly string[]; weights: ArrayLike<number> }>; batchSize?: number },
): Promise<number> {
  const batchSize = input.batchSize ?? 2_000;
  let written = 0;
  let batch: Array<{ t: string; id: number; nt: string[]; ni: number[]; w: number[] }> = [];
  const flush = async () => {
    if (!batch.length) return;
    written += await deps.prisma.$executeRawUnsafe(
      `INSERT INTO item_neighbours (model_version, media_type, tmdb_id, neighbour_types, neighbour_ids, weights)
       SELECT $1, r.t::media_type, r.id, r.nt::media_type[], r.ni, r.w
         FROM jsonb_to_recordset($2::jsonb) AS r(t text, id int, nt text[], ni int[], w real[])`,
      input.version,
      JSON.stringify(batch),
    );
    batch = [];
  };
  for (const list of input.lists) {
    const { type, id } = splitKey(list.key);
    const neighbours = list.neighbours.map(splitKey);
    batch.push({ t: type, id, nt: neighbours.map((n) => n.type), ni: neighbours.map((n) => n.id), w: Array.from(list.weights, (w) => Math.fround(w)) });
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return written;
}

/**
 * Makes a fully written version LIVE and retires the one before, in one transaction; then drops
 * versions older than the one just retired (their lists go with them, ON DELETE CASCADE).
 */
export async function switchLiveModel(
  deps: Deps,
  input: { version: number; stats: { users: number; titles: number; interactions: number; trainingMs: number } },
): Promise<void> {
  await deps.prisma.$transaction(async (tx) => {
    await tx.recommendationModel.updateMany({ where: { status: "LIVE", version: { not: input.version } }, data: { status: "RETIRED" } });
    await tx.recommendationModel.update({ where: { version: input.version }, data: { status: "LIVE", liveAt: new Date(), ...input.stats } });
  });
  const retired = await deps.prisma.recommendationModel.findFirst({ where: { status: "RETIRED" }, orderBy: { version: "desc" }, select: { version: true } });
  await deps.prisma.recommendationModel.deleteMany({
    where: { version: { lt: input.version }, NOT: { version: retired?.version ?? -1 }, status: { in: ["RETIRED", "FAILED", "TRAINING"] } },
  });
}

/** Failed versions kept (with their errors) for the operator; older ones go. */
const FAILED_VERSIONS_KEPT = 20;

/** Marks a version that could not be trained FAILED and drops what it had written, and failed versions past the last 20. */
export async function failModelVersion(deps: Deps, input: { version: number; error: string; trainingMs?: number }): Promise<void> {
  await deps.prisma.$transaction([
    deps.prisma.itemNeighbours.deleteMany({ where: { modelVersion: input.version } }),
    deps.prisma.recommendationModel.update({
      where: { version: input.version },
      // trainingMs: how long it ran until it failed (the schedule's wait counts from then).
      data: { status: "FAILED", error: input.error.slice(0, 2_000), trainingMs: input.trainingMs ?? null },
    }),
  ]);
  const kept = await deps.prisma.recommendationModel.findMany({
    where: { status: "FAILED" },
    orderBy: { version: "desc" },
    skip: FAILED_VERSIONS_KEPT - 1,
    take: 1,
    select: { version: true },
  });
  if (kept[0]) await deps.prisma.recommendationModel.deleteMany({ where: { status: "FAILED", version: { lt: kept[0].version } } });
}

/** The live model, the latest attempt, and how many interactions arrived since the live model's data. */
export async function modelStatus(deps: Deps) {
  const [live, latest] = await Promise.all([
    deps.prisma.recommendationModel.findFirst({ where: { status: "LIVE" }, orderBy: { version: "desc" } }),
    deps.prisma.recommendationModel.findFirst({ orderBy: { version: "desc" } }),
  ]);
  const newInteractions = await deps.prisma.interaction.count({ where: live ? { createdAt: { gte: live.dataUpTo } } : {} });
  return { live, latest, newInteractions };
}
