// A crowd of users whose favourites follow tastes (two or three genres each) and popularity, so
// the collaborative model trained from them is as dense as a real user base would make it.
import { mulberry32 } from "../../packages/tmdb-catalogue/src/index.ts";
import type { PrismaClient } from "../../apps/api/src/db.ts";
import { createLogger } from "../../apps/api/src/logger.ts";
import { DEFAULT_ITEM_MODEL_CONFIG } from "../../apps/api/src/modules/recommendations/model/train-item-model.ts";
import { trainModel } from "../../apps/api/src/modules/recommendations/model/train-model.job.ts";

export interface CrowdTitle {
  mediaType: "MOVIE" | "TV";
  tmdbId: number;
  genreIds: number[];
}

/** Titles by popularity, most popular first (the pool favourites are drawn from). */
export async function popularTitles(prisma: PrismaClient, take: number): Promise<CrowdTitle[]> {
  return prisma.mediaCache.findMany({ orderBy: { popularity: "desc" }, take, select: { mediaType: true, tmdbId: true, genreIds: true } });
}

/** `count` favourites for one taste: titles sharing the taste's genres, skewed toward the popular. */
export function pickFavourites(titles: readonly CrowdTitle[], taste: readonly number[], count: number, random: () => number): CrowdTitle[] {
  const matching = titles.filter((title) => title.genreIds.some((id) => taste.includes(id)));
  const picked = new Map<string, CrowdTitle>();
  for (let attempts = 0; picked.size < Math.min(count, matching.length) && attempts < count * 50; attempts++) {
    const title = matching[Math.floor(matching.length * random() ** 2.2)]!; // power law toward the head
    picked.set(`${title.mediaType}:${title.tmdbId}`, title);
  }
  return [...picked.values()];
}

export const TASTES: readonly (readonly number[])[] = [
  [18, 80, 53], // drama, crime, thriller
  [28, 12, 878], // action, adventure, science fiction
  [35, 10749], // comedy, romance
  [16, 10751, 14], // animation, family, fantasy
  [27, 9648, 53], // horror, mystery, thriller
  [99, 36], // documentary, history
  [10765, 10759, 18], // TV: sci-fi & fantasy, action & adventure, drama
];

/**
 * Creates `size` users with 5–60 favourites each (trainCrowdModel then trains the model on them).
 */
export async function createCrowd(prisma: PrismaClient, titles: readonly CrowdTitle[], size: number, log: (message: string) => void): Promise<void> {
  const started = performance.now();
  const random = mulberry32(20261124);
  for (let index = 0; index < size; index += 100) {
    const users = Array.from({ length: Math.min(100, size - index) }, (_, offset) => ({ email: `crowd-${index + offset}@example.test` }));
    await prisma.user.createMany({ data: users });
    const created = await prisma.user.findMany({ where: { email: { in: users.map((user) => user.email) } }, select: { id: true } });
    const favourites = created.flatMap((user) => {
      const taste = TASTES[Math.floor(random() * TASTES.length)]!;
      return pickFavourites(titles, taste, 5 + Math.floor(random() * 56), random).map((title) => ({
        userId: user.id,
        mediaType: title.mediaType,
        tmdbId: title.tmdbId,
        kind: "FAVOURITE" as const,
      }));
    });
    await prisma.interaction.createMany({ data: favourites, skipDuplicates: true });
  }
  log(`crowd of ${size} users with favourites in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** Trains the recommendation model on everything in the database, as the worker's job does. */
export async function trainCrowdModel(prisma: PrismaClient, log: (message: string) => void): Promise<void> {
  const summary = await trainModel({ prisma, logger: createLogger({ level: "silent", name: "bench" }) }, { model: DEFAULT_ITEM_MODEL_CONFIG });
  await prisma.$executeRawUnsafe("ANALYZE interaction, item_neighbours");
  log(
    `model version ${summary.version}: ${summary.titles} titles, ${summary.interactions} interactions, trained in ${(summary.trainingMs / 1000).toFixed(1)} s`,
  );
}
