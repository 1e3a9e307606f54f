// The data bench/load.ts starts from: the whole catalogue in MediaCache, a crowd with a trained
// model, a slice of titles with stale details (for the worker to rewrite under load), the
// simulated users (with tokens, preferences and up to 20 favourites) and their search terms.
import { createApiToken } from "../../../apps/api/src/modules/auth/api-token.service.ts";
import { mulberry32 } from "../../../packages/tmdb-catalogue/src/index.ts";
import { createCrowd, pickFavourites, popularTitles, trainCrowdModel, TASTES, type CrowdTitle } from "../crowd.ts";
import { log } from "../report.ts";
import { cacheWholeCatalogue } from "../seed-cache.ts";
import type { Stack } from "../stack.ts";
import { CROWD, idOf, STALE, TITLES, USERS, type SimUser } from "./config.ts";

export interface Seeded {
  popular: CrowdTitle[];
  /** How many titles got stale details. */
  stale: number;
  users: SimUser[];
  searchTerms: string[];
}

async function createUsers(services: Stack["services"], popular: CrowdTitle[]): Promise<SimUser[]> {
  const seedRandom = mulberry32(6060);
  const users: SimUser[] = [];
  for (let index = 0; index < USERS; index++) {
    const taste = TASTES[index % TASTES.length]!;
    const user = await services.prisma.user.create({ data: { email: `load-${index}@example.test` } });
    await services.prisma.preference.create({ data: { userId: user.id, likedGenreIds: [...taste] } });
    // A few newcomers with nothing yet (cold start), the rest with up to 20 favourites.
    const picks = index % 10 === 0 ? [] : pickFavourites(popular.slice(0, 5_000), taste, 1 + Math.floor(seedRandom() * 20), seedRandom);
    await services.prisma.interaction.createMany({
      data: picks.map((title) => ({ userId: user.id, mediaType: title.mediaType, tmdbId: title.tmdbId, kind: "FAVOURITE" as const })),
    });
    users.push({
      index,
      id: user.id,
      token: (await createApiToken(services, { userId: user.id, name: "load" })).secret,
      taste,
      favourites: new Map(picks.map((title) => [idOf(title), { title, seeded: true }])),
      watchlist: new Map(),
      dismissed: new Map(),
      random: mulberry32(1_000 + index),
    });
  }
  return users;
}

export async function seed(stack: Stack): Promise<Seeded> {
  const { services } = stack;
  await cacheWholeCatalogue(services.prisma, stack.catalogue.catalogue, log);
  const popular = await popularTitles(services.prisma, Math.min(TITLES, 20_000));
  await createCrowd(services.prisma, popular, CROWD, log);
  await trainCrowdModel(services.prisma, log);
  // A slice of the cache with old details: the worker's sweep rewrites them while users read.
  const stale = await services.prisma.$executeRawUnsafe(
    `UPDATE media_cache SET details_fetched_at = now() - interval '400 days' WHERE (media_type, tmdb_id) IN (SELECT media_type, tmdb_id FROM media_cache ORDER BY md5(tmdb_id::text) LIMIT ${STALE})`,
  );

  const users = await createUsers(services, popular);
  // Search terms as people type them: a whole title, or one word of it.
  const named = await services.prisma.mediaCache.findMany({ orderBy: { popularity: "desc" }, take: 3_000, select: { title: true } });
  const searchTerms = named.flatMap(({ title }, index) => {
    if (index % 7) return [];
    const words = title.split(/\s+/).filter((word) => word.length >= 4);
    return index % 2 ? [title.slice(0, 100)] : words.slice(0, 1);
  });
  log(`${USERS} users with tokens, ${stale} titles with stale details, ${searchTerms.length} search terms`);
  return { popular, stale, users, searchTerms };
}
