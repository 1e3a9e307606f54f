// Trakt's JSON exports (its own "export data", and the files tools such as traktexport write): arrays
// of entries, each with a `movie` or a `show` carrying `ids.tmdb` (and title, year, ids.imdb):
//   watched-movies.json / watched-shows.json   { plays, last_watched_at, movie | show }  → watched
//   ratings-movies.json / ratings-shows.json   { rated_at, rating (1–10), movie | show }  → a rating
//   watchlist*.json                            { listed_at, movie | show }               → the watchlist
//   favorites*.json                            { listed_at, movie | show }               → favourites
// Entries and files of episodes and seasons are skipped, and so are files of what the person owns
// (collection), their lists and comments. The kind comes from the entry's own fields.
import { z } from "zod";
import { ImportFileError } from "../import-errors.ts";
import { checkWhen, type ImportRowInput } from "../import-row.ts";

const titleSchema = z.object({
  title: z.string().max(500).nullish(),
  year: z.number().int().min(1870).max(2100).nullish(),
  ids: z.object({ tmdb: z.number().int().positive().nullish(), imdb: z.string().nullish() }).passthrough(),
});

const entrySchema = z
  .object({
    movie: titleSchema.optional(),
    show: titleSchema.optional(),
    rating: z.number().int().min(1).max(10).optional(),
    rated_at: z.string().optional(),
    listed_at: z.string().optional(),
    last_watched_at: z.string().optional(),
    watched_at: z.string().optional(),
    plays: z.number().optional(),
    type: z.string().optional(),
    episode: z.unknown().optional(),
    season: z.unknown().optional(),
  })
  .passthrough();

/** Whether parsed JSON is a Trakt export: entries with a movie or show that has ids. */
export function looksLikeTrakt(json: unknown): boolean {
  if (!Array.isArray(json)) return false;
  const first = json[0] as { movie?: { ids?: unknown }; show?: { ids?: unknown }; episode?: unknown; season?: unknown } | undefined;
  return first === undefined || Boolean(first.movie?.ids ?? first.show?.ids ?? first.episode ?? first.season);
}

/** A Trakt time; one that cannot be read is none, one out of range refuses the file (checkWhen). */
const when = (text: string | undefined, where: string) => {
  if (!text) return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : checkWhen(date, text, where);
};

/** Trakt files that are not about what the person watched or wants to: what they own, lists, comments. */
const NOT_READ = new Set(["collection", "collected", "list", "lists", "comments", "recommendations", "hidden"]);

export function readTraktJson(name: string, json: unknown[]): ImportRowInput[] | null {
  const first = json[0] as { movie?: unknown; show?: unknown } | undefined;
  if (first && !first.movie && !first.show) return null; // episodes, seasons: not titles
  const base = name.split(/[\\/]/).pop() ?? name;
  if (
    base
      .toLowerCase()
      .split(/[^a-z]+/)
      .some((word) => NOT_READ.has(word))
  )
    return null;
  // Trakt's favourites (a heart), like Letterboxd's likes.
  const favourites = /favou?rites/i.test(base);
  return json.flatMap((raw, index): ImportRowInput[] => {
    const parsed = entrySchema.safeParse(raw);
    const where = `${name} entry ${index + 1}`;
    if (!parsed.success) throw new ImportFileError("BAD_VALUE", `${where}: ${parsed.error.issues[0]!.path.join(".")}: ${parsed.error.issues[0]!.message}.`);
    const entry = parsed.data;
    // An episode's or a season's entry carries its show too: it is not about the show as a whole
    // (an episode's rating is not the show's).
    if (entry.episode !== undefined || entry.season !== undefined || (entry.type !== undefined && entry.type !== "movie" && entry.type !== "show")) return [];
    const title = entry.movie ?? entry.show;
    if (!title) throw new ImportFileError("BAD_VALUE", `${where} has neither a movie nor a show.`);
    const watched = entry.plays !== undefined || entry.last_watched_at !== undefined || entry.watched_at !== undefined;
    const kind = favourites ? "FAVOURITE" : entry.rating !== undefined ? "RATING" : entry.listed_at ? "WATCHLIST" : watched ? "WATCHED" : null;
    if (kind === null) return []; // what else: owned (collected_at), and the like
    return [
      {
        file: name,
        line: index + 1,
        kind,
        title: title.title ?? null,
        year: title.year ?? null,
        mediaType: entry.movie ? "MOVIE" : "TV",
        tmdbId: title.ids.tmdb ?? null,
        imdbId: title.ids.imdb ?? null,
        rating: entry.rating ?? null,
        happenedAt: when(entry.rated_at ?? entry.listed_at ?? entry.last_watched_at ?? entry.watched_at, where),
      },
    ];
  });
}
