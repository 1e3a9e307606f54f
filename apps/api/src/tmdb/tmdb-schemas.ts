// TMDB v3 response shapes (docs/tmdb.md), validated so a malformed answer is a clear
// TMDB_BAD_RESPONSE error instead of a crash deep inside a feature. Unknown keys are dropped.
import { z } from "zod";
import { calendarDate } from "../calendar-date.ts";

const imagePath = z.string().nullable().optional();
// TMDB writes "" for unknown dates. A date that is no day of the calendar is unknown too: stored, it
// would make Postgres refuse the whole page's write, and the ingest would stay on that page.
const date = z.string().nullable().optional().transform(calendarDate);

const listItemBase = {
  id: z.number().int().positive(),
  adult: z.boolean().default(false),
  backdrop_path: imagePath,
  poster_path: imagePath,
  genre_ids: z.array(z.number().int()).default([]),
  original_language: z.string().default(""),
  overview: z.string().default(""),
  popularity: z.number().default(0),
  vote_average: z.number().min(0).max(10).optional(),
  vote_count: z.number().int().min(0).optional(),
};

export const movieListItemSchema = z.object({
  ...listItemBase,
  media_type: z.literal("movie").optional(),
  title: z.string(),
  original_title: z.string(),
  release_date: date,
});

export const tvListItemSchema = z.object({
  ...listItemBase,
  media_type: z.literal("tv").optional(),
  name: z.string(),
  original_name: z.string(),
  first_air_date: date,
  origin_country: z.array(z.string()).default([]),
});

export const personListItemSchema = z.object({
  media_type: z.literal("person"),
  id: z.number().int().positive(),
  name: z.string(),
  profile_path: imagePath,
  known_for_department: z.string().nullable().optional(),
  popularity: z.number().default(0),
});

/** Items of trending/search-multi/recommendations lists, which say their own media_type. */
export const mixedListItemSchema = z.union([
  movieListItemSchema.extend({ media_type: z.literal("movie") }),
  tvListItemSchema.extend({ media_type: z.literal("tv") }),
  personListItemSchema,
  z.object({ media_type: z.literal("collection"), id: z.number().int() }),
]);

/** GET /find/{external_id}: the titles with that external id (one at most, for an IMDb id). */
export const findSchema = z.object({
  movie_results: z.array(movieListItemSchema).default([]),
  tv_results: z.array(tvListItemSchema).default([]),
});

/**
 * A page of a TMDB list. Its items are checked one by one and one that does not fit is left out: one
 * odd title must not make the whole page unreadable, or an ingest cursor would stay on that page for
 * good. A page whose own shape is wrong, or most of whose items do not fit, is still refused.
 */
export function pagedListSchema<Item extends z.ZodType>(item: Item) {
  return z.object({
    page: z.number().int().min(1),
    results: z.array(z.unknown()).transform((raw, context) => {
      const kept = raw.flatMap((entry) => {
        const parsed = item.safeParse(entry);
        return parsed.success ? [parsed.data as z.output<Item>] : [];
      });
      // Most items not fitting is TMDB's shape having changed, not an odd title: refused, so the
      // list's cursor stays and records the error (an empty page would end the list's cycle).
      if (kept.length * 2 < raw.length) {
        const first = item.safeParse(raw.find((entry) => !item.safeParse(entry).success));
        context.issues.push({
          code: "custom",
          input: raw,
          message: `${raw.length - kept.length} of ${raw.length} items do not have the expected shape (${first.error?.issues[0]?.message ?? "?"})`,
        });
      }
      return kept;
    }),
    total_pages: z.number().int().min(0),
    total_results: z.number().int().min(0),
  });
}

const genre = z.object({ id: z.number().int(), name: z.string() });
export const genreListSchema = z.object({ genres: z.array(genre) });

const castMember = z.object({
  id: z.number().int(),
  name: z.string(),
  character: z.string().nullable().optional(),
  order: z.number().int().optional(),
  profile_path: imagePath,
  known_for_department: z.string().nullable().optional(),
  popularity: z.number().default(0),
});
const crewMember = z.object({
  id: z.number().int(),
  name: z.string(),
  job: z.string(),
  department: z.string(),
  profile_path: imagePath,
  known_for_department: z.string().nullable().optional(),
  popularity: z.number().default(0),
});
const credits = z.object({ cast: z.array(castMember).default([]), crew: z.array(crewMember).default([]) });
const video = z.object({
  key: z.string(),
  name: z.string(),
  site: z.string(),
  type: z.string(),
  official: z.boolean().optional(),
  published_at: z.string().optional(),
});

const watchProvider = z.object({
  provider_id: z.number().int().positive(),
  provider_name: z.string(),
  logo_path: imagePath,
  display_priority: z.number().int().optional(),
});
const offers = z.array(watchProvider).optional();
/** A title's watch/providers: per region (ISO 3166-1), TMDB's link and the providers per kind of offer. */
export const titleWatchProvidersSchema = z.object({
  results: z.record(z.string(), z.object({ link: z.string().optional(), flatrate: offers, free: offers, ads: offers, rent: offers, buy: offers })),
});

/** GET /watch/providers/{movie|tv}: every provider with its display priority per region. */
export const watchProviderListSchema = z.object({
  results: z.array(watchProvider.extend({ display_priorities: z.record(z.string(), z.number()).default({}) })),
});

/** A title's translations (appended to details): per language and region, TMDB's text in it ("" where it has none). */
const translations = z.object({
  translations: z.array(
    z.object({
      iso_639_1: z.string(),
      iso_3166_1: z.string().default(""),
      data: z
        .object({ title: z.string().optional(), name: z.string().optional(), overview: z.string().optional(), tagline: z.string().optional() })
        .default({}),
    }),
  ),
});

const detailsBase = {
  id: z.number().int().positive(),
  adult: z.boolean().default(false),
  backdrop_path: imagePath,
  poster_path: imagePath,
  genres: z.array(genre).default([]),
  original_language: z.string().default(""),
  overview: z.string().default(""),
  popularity: z.number().default(0),
  vote_average: z.number().min(0).max(10).default(0),
  vote_count: z.number().int().min(0).default(0),
  status: z.string().nullable().optional(),
  tagline: z.string().nullable().optional(),
  homepage: z.string().nullable().optional(),
  credits: credits.optional(),
  videos: z.object({ results: z.array(video) }).optional(),
  "watch/providers": titleWatchProvidersSchema.optional(),
  translations: translations.optional(),
};

export const movieDetailsSchema = z.object({
  ...detailsBase,
  title: z.string(),
  original_title: z.string(),
  release_date: date,
  runtime: z.number().int().min(0).nullable().optional(),
  imdb_id: z.string().nullable().optional(),
  keywords: z.object({ keywords: z.array(genre) }).optional(),
  similar: pagedListSchema(movieListItemSchema).optional(),
  recommendations: pagedListSchema(mixedListItemSchema).optional(),
});

export const tvDetailsSchema = z.object({
  ...detailsBase,
  name: z.string(),
  original_name: z.string(),
  first_air_date: date,
  episode_run_time: z.array(z.number().int()).default([]),
  number_of_seasons: z.number().int().optional(),
  number_of_episodes: z.number().int().optional(),
  created_by: z.array(z.object({ id: z.number().int(), name: z.string(), profile_path: imagePath })).default([]),
  keywords: z.object({ results: z.array(genre) }).optional(),
  similar: pagedListSchema(tvListItemSchema).optional(),
  recommendations: pagedListSchema(mixedListItemSchema).optional(),
});

export const configurationSchema = z.object({
  images: z.object({
    secure_base_url: z.string().url(),
    poster_sizes: z.array(z.string()),
    backdrop_sizes: z.array(z.string()),
    profile_sizes: z.array(z.string()),
  }),
});

export const tmdbErrorBodySchema = z.object({
  success: z.literal(false).optional(),
  status_code: z.number().int(),
  status_message: z.string(),
});

export type MovieListItem = z.output<typeof movieListItemSchema>;
export type TvListItem = z.output<typeof tvListItemSchema>;
export type MixedListItem = z.output<typeof mixedListItemSchema>;
export type MovieDetails = z.output<typeof movieDetailsSchema>;
export type TvDetails = z.output<typeof tvDetailsSchema>;
export type TitleVideo = z.output<typeof video>;
export type TitleTranslations = z.output<typeof translations>;
export type TitleWatchProviders = z.output<typeof titleWatchProvidersSchema>;
export type WatchProviderList = z.output<typeof watchProviderListSchema>;
export type TmdbConfiguration = z.output<typeof configurationSchema>;
export type PagedList<Item> = { page: number; results: Item[]; total_pages: number; total_results: number };
