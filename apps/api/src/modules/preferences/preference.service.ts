import type { Preference } from "../../generated/prisma/client.ts";
import type { PrismaClient } from "../../db.ts";
import { badInput } from "../../errors.ts";
import type { GenreService } from "../media/genre.service.ts";
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
    onboarded: row.onboardedAt !== null,
  };
}

export async function getPreferences({ prisma }: { prisma: PrismaClient }, input: { userId: string }) {
  return (await prisma.preference.findUnique({ where: { userId: input.userId } })) ?? { ...DEFAULT_PREFERENCES, userId: input.userId };
}

export async function updatePreferences(deps: { prisma: PrismaClient; genres: GenreService }, input: { userId: string; changes: UpdatePreferencesInput }) {
  const { changes } = input;
  const current = await getPreferences(deps, input);
  const yearFrom = changes.yearFrom === undefined ? current.yearFrom : changes.yearFrom;
  const yearTo = changes.yearTo === undefined ? current.yearTo : changes.yearTo;
  if (yearFrom !== null && yearTo !== null && yearFrom > yearTo) throw badInput("yearFrom must not be after yearTo.", { argument: "yearFrom" });
  const genreIds = [...(changes.likedGenreIds ?? []), ...(changes.dislikedGenreIds ?? [])];
  if (genreIds.length) {
    const known = await deps.genres.allGenres();
    const unknown = genreIds.filter((id) => !known.has(id));
    if (known.size && unknown.length)
      throw badInput(`Unknown genre ids: ${[...new Set(unknown)].join(", ")}. The genres query lists them.`, { argument: "genreIds" });
  }
  const liked = changes.likedGenreIds ? [...new Set(changes.likedGenreIds)] : undefined;
  const disliked = changes.dislikedGenreIds ? [...new Set(changes.dislikedGenreIds)] : undefined;
  const overlap = (liked ?? current.likedGenreIds).filter((id) => (disliked ?? current.dislikedGenreIds).includes(id));
  if (overlap.length) throw badInput(`A genre cannot be both liked and disliked: ${overlap.join(", ")}.`, { argument: "likedGenreIds" });

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
    ...(changes.onboarded === true && !current.onboardedAt ? { onboardedAt: new Date() } : {}),
  };
  return deps.prisma.preference.upsert({ where: { userId: input.userId }, create: { userId: input.userId, ...DEFAULT_PREFERENCES, ...data }, update: data });
}
