// Genre names per media type: Postgres first, TMDB's genre list when the table has none yet
// (then stored). Kept in memory for six hours; there are fewer than 40.
import type { PrismaClient } from "../../db.ts";
import type { MediaType } from "../../generated/prisma/enums.ts";
import type { Logger } from "../../logger.ts";
import type { TmdbClient } from "../../tmdb/index.ts";
import { toMediaKind } from "../../media-kind.ts";

const KEEP_MS = 6 * 60 * 60 * 1000;

export class GenreService {
  private readonly cache = new Map<MediaType, { genres: Map<number, string>; at: number; promise?: Promise<Map<number, string>> }>();

  constructor(private readonly deps: { prisma: PrismaClient; tmdb: TmdbClient; logger: Logger }) {}

  async genres(mediaType: MediaType): Promise<Map<number, string>> {
    const entry = this.cache.get(mediaType);
    if (entry && Date.now() - entry.at < KEEP_MS && entry.genres.size) return entry.genres;
    if (entry?.promise) return entry.promise;
    const promise = this.load(mediaType);
    this.cache.set(mediaType, { genres: entry?.genres ?? new Map(), at: entry?.at ?? 0, promise });
    try {
      const genres = await promise;
      this.cache.set(mediaType, { genres, at: Date.now() });
      return genres;
    } catch (error) {
      this.cache.delete(mediaType);
      throw error;
    }
  }

  /** Names across both media types (movie names win for shared ids; they match anyway). */
  async allGenres(): Promise<Map<number, string>> {
    const [tv, movie] = await Promise.all([this.genres("TV"), this.genres("MOVIE")]);
    return new Map([...tv, ...movie]);
  }

  private async load(mediaType: MediaType): Promise<Map<number, string>> {
    const rows = await this.deps.prisma.genre.findMany({ where: { mediaType } });
    if (rows.length) return new Map(rows.map((row) => [row.id, row.name]));
    try {
      const { genres } = await this.deps.tmdb.genres(toMediaKind(mediaType));
      await this.deps.prisma.$transaction(
        genres.map((genre) =>
          this.deps.prisma.genre.upsert({
            where: { mediaType_id: { mediaType, id: genre.id } },
            create: { mediaType, id: genre.id, name: genre.name },
            update: { name: genre.name },
          }),
        ),
      );
      return new Map(genres.map((genre) => [genre.id, genre.name]));
    } catch (error) {
      this.deps.logger.warn({ mediaType, err: (error as Error).message }, "genre list unavailable");
      return new Map();
    }
  }
}
