import type { Preference } from "../../generated/prisma/client.ts";
import type { PrismaClient } from "../../db.ts";
import { badInput } from "../../errors.ts";
import type { GenreService } from "../media/genre.service.ts";
import type { WatchProviderService } from "../watch-providers/watch-provider.service.ts";
import { MediaType } from "../media/media.types.ts";
import type { Preferences, UpdatePreferencesInput } from "./preference.types.ts";

export const DEFAULT_PREFERENCES: Omit<Preference, "userId" | "createdAt" | "updatedAt"> = {
  likedGenreIds: [],
  dislikedGenreIds: [],
  mediaTypes: [],
  languages: [],
  yearFrom: null,
  yearTo: null,
  maxRuntime: null,
  minRating: null,
  includeAdult: false,
  watchRegion: null,
  streamingServiceIds: [],
  onboardedAt: null,
};

export function toPreferences(row: Omit<Preference, "userId" | "createdAt" | "updatedAt">): Preferences {
  return {
    likedGenreIds: row.likedGenreIds,
    dislikedGenreIds: row.dislikedGenreIds,
    mediaTypes: row.mediaTypes.map((type) => (type === "MOVIE" ? MediaType.MOVIE : MediaType.TV)),
    languages: row.languages,
    yearFrom: row.yearFrom,
    yearTo: row.yearTo,
    maxRuntime: row.maxRuntime,
    minRating: row.minRating,
    includeAdult: row.includeAdult,
    watchRegion: row.watchRegion,
    streamingServiceIds: row.streamingServiceIds,
    onboarded: row.onboardedAt !== null,
  };
}

export async function getPreferences({ prisma }: { prisma: PrismaClient }, input: { userId: string }) {
  return (await prisma.preference.findUnique({ where: { userId: input.userId } })) ?? { ...DEFAULT_PREFERENCES, userId: input.userId };
}

export async function updatePreferences(
  deps: { prisma: PrismaClient; genres: GenreService; watchProviders: WatchProviderService },
  input: { userId: string; changes: UpdatePreferencesInput },
) {
  const { changes } = input;
  const current = await getPreferences(deps, input);
  const yearFrom = changes.yearFrom === undefined ? current.yearFrom : changes.yearFrom;
  const yearTo = changes.yearTo === undefined ? current.yearTo : changes.yearTo;
  if (yearFrom !== null && yearTo !== null && yearFrom > yearTo) throw badInput("yearFrom must not be after yearTo.", { argument: "yearFrom" });
  const genreIds = [...(changes.likedGenreIds ?? []), ...(changes.dislikedGenreIds ?? [])];
  if (genreIds.length) {
    // Checked against both lists only: while TMDB cannot give one of them (its first load during a
    // 429 storm), that type's genres are not refused as unknown.
    const [tv, movie] = await Promise.all([deps.genres.genres("TV"), deps.genres.genres("MOVIE")]);
    const unknown = genreIds.filter((id) => !tv.has(id) && !movie.has(id));
    if (tv.size && movie.size && unknown.length)
      throw badInput(`Unknown genre ids: ${[...new Set(unknown)].join(", ")}. The genres query lists them.`, { argument: "genreIds" });
  }
  const liked = changes.likedGenreIds ? [...new Set(changes.likedGenreIds)] : undefined;
  const disliked = changes.dislikedGenreIds ? [...new Set(changes.dislikedGenreIds)] : undefined;
  const overlap = (liked ?? current.likedGenreIds).filter((id) => (disliked ?? current.dislikedGenreIds).includes(id));
  if (overlap.length) throw badInput(`A genre cannot be both liked and disliked: ${overlap.join(", ")}.`, { argument: "likedGenreIds" });

  await checkStreamingServices(deps.watchProviders, changes);

  const data = {
    ...(liked ? { likedGenreIds: liked } : {}),
    ...(disliked ? { dislikedGenreIds: disliked } : {}),
    ...(changes.mediaTypes ? { mediaTypes: [...new Set(changes.mediaTypes)] } : {}),
    ...(changes.languages ? { languages: [...new Set(changes.languages)] } : {}),
    ...(changes.yearFrom !== undefined ? { yearFrom: changes.yearFrom } : {}),
    ...(changes.yearTo !== undefined ? { yearTo: changes.yearTo } : {}),
    ...(changes.maxRuntime !== undefined ? { maxRuntime: changes.maxRuntime } : {}),
    ...(changes.minRating !== undefined ? { minRating: changes.minRating } : {}),
    ...(changes.includeAdult !== undefined && changes.includeAdult !== null ? { includeAdult: changes.includeAdult } : {}),
    ...(changes.watchRegion !== undefined ? { watchRegion: changes.watchRegion } : {}),
    ...(changes.streamingServiceIds ? { streamingServiceIds: [...new Set(changes.streamingServiceIds)] } : {}),
    ...(changes.onboarded === true && !current.onboardedAt ? { onboardedAt: new Date() } : {}),
  };
  return deps.prisma.preference.upsert({ where: { userId: input.userId }, create: { userId: input.userId, ...DEFAULT_PREFERENCES, ...data }, update: data });
}

/** A region some provider is listed in, and services TMDB lists (when the lists could be read at all). */
async function checkStreamingServices(watchProviders: WatchProviderService, changes: UpdatePreferencesInput) {
  if (!changes.watchRegion && !changes.streamingServiceIds?.length) return;
  const known = await watchProviders.providers();
  if (!known.size) return;
  if (changes.watchRegion) {
    const regions = await watchProviders.regions();
    if (!regions.some((region) => region.code === changes.watchRegion))
      throw badInput(`No watch-provider data for region ${changes.watchRegion}. The watchRegions query lists the regions there is.`, {
        argument: "watchRegion",
      });
  }
  const unknown = (changes.streamingServiceIds ?? []).filter((id) => !known.has(id));
  if (unknown.length)
    throw badInput(`Unknown watch provider ids: ${[...new Set(unknown)].join(", ")}. The watchProviders query lists them.`, {
      argument: "streamingServiceIds",
    });
}
