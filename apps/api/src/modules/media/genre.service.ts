// Genre names per media type and language (graphql/locale.ts): Postgres first, TMDB's genre list in
// that language when the table has none yet (then stored). Kept in memory for six hours; there are
// fewer than 40 per language.
import type { PrismaClient } from "../../db.ts";
import type { MediaType } from "../../generated/prisma/enums.ts";
import type { Logger } from "../../logger.ts";
import type { TmdbClient } from "../../tmdb/index.ts";
import { toMediaKind } from "../../media-kind.ts";
import { type Locale, TMDB_LANGUAGE } from "../../graphql/locale.ts";

const KEEP_MS = 6 * 60 * 60 * 1000;

export class GenreService {
  private readonly cache = new Map<string, { genres: Map<number, string>; at: number; promise?: Promise<Map<number, string>> }>();

  constructor(private readonly deps: { prisma: PrismaClient; tmdb: TmdbClient; logger: Logger }) {}

  async genres(mediaType: MediaType, language: Locale = "en"): Promise<Map<number, string>> {
    const key = `${mediaType}:${language}`;
    const entry = this.cache.get(key);
    if (entry && Date.now() - entry.at < KEEP_MS && entry.genres.size) return entry.genres;
    if (entry?.promise) return entry.promise;
    const promise = this.load(mediaType, language);
    this.cache.set(key, { genres: entry?.genres ?? new Map(), at: entry?.at ?? 0, promise });
    try {
      const genres = await promise;
      this.cache.set(key, { genres, at: Date.now() });
      return genres;
    } catch (error) {
      this.cache.delete(key);
      throw error;
    }
  }

  /** Names across both media types (movie names win for shared ids; they match anyway). */
  async allGenres(language: Locale = "en"): Promise<Map<number, string>> {
    const [tv, movie] = await Promise.all([this.genres("TV", language), this.genres("MOVIE", language)]);
    return new Map([...tv, ...movie]);
  }

  private async load(mediaType: MediaType, language: Locale): Promise<Map<number, string>> {
    const rows = await this.deps.prisma.genre.findMany({ where: { mediaType, language } });
    if (rows.length) return new Map(rows.map((row) => [row.id, row.name]));
    try {
      const { genres } = await this.deps.tmdb.genres(toMediaKind(mediaType), { language: TMDB_LANGUAGE[language] });
      await this.deps.prisma.$transaction(
        genres.map((genre) =>
          this.deps.prisma.genre.upsert({
            where: { mediaType_language_id: { mediaType, language, id: genre.id } },
            create: { mediaType, language, id: genre.id, name: genre.name },
            update: { name: genre.name },
          }),
        ),
      );
      return new Map(genres.map((genre) => [genre.id, genre.name]));
    } catch (error) {
      this.deps.logger.warn({ mediaType, language, err: (error as Error).message }, "genre list unavailable");
      return new Map();
    }
  }
}
