// movierec's own export (Settings → Export, `exportData`): everything a person has, as JSON, and the
// same file imported into an account gives that account the same state. Version 1:
//   { format: "movierec", version: 1, exportedAt, account: { email, name },
//     preferences: { likedGenreIds, dislikedGenreIds, mediaTypes, languages, yearFrom, yearTo,
//                    maxRuntime, minRating, includeAdult, onboarded },
//     interactions: [{ type: "movie" | "tv", tmdbId, title, year, kind, rating?, at }],
//     imports: [{ source, fileName, at, rows, applied, missed }] }
// `kind` is favourite, watchlist, watched, rating (with `rating` 1–10) or dismissed.
import { z } from "zod";
import { ImportFileError } from "../import-errors.ts";
import { checkWhen, type ImportRowInput } from "../import-row.ts";

export const MOVIEREC_EXPORT_VERSION = 1;

const KINDS = { favourite: "FAVOURITE", watchlist: "WATCHLIST", watched: "WATCHED", rating: "RATING", dismissed: "DISMISSED" } as const;

/** The limits of `updatePreferences`' input (preference.types.ts): an import sets nothing the API would refuse. */
export const exportedPreferencesSchema = z.strictObject({
  likedGenreIds: z.array(z.number().int().positive()).max(40),
  dislikedGenreIds: z.array(z.number().int().positive()).max(40),
  mediaTypes: z.array(z.enum(["MOVIE", "TV"])).max(2),
  languages: z.array(z.string().regex(/^[a-z]{2}$/)).max(20),
  yearFrom: z.number().int().min(1874).max(2100).nullable(),
  yearTo: z.number().int().min(1874).max(2100).nullable(),
  maxRuntime: z.number().int().min(1).max(1000).nullable(),
  minRating: z.number().min(0).max(10).nullable(),
  includeAdult: z.boolean(),
  // Exports made before "your services" existed lack these two.
  watchRegion: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .nullable()
    .optional(),
  streamingServiceIds: z.array(z.number().int().positive()).max(50).optional(),
  onboarded: z.boolean(),
});
export type ExportedPreferences = z.infer<typeof exportedPreferencesSchema>;

const interactionSchema = z
  .strictObject({
    type: z.enum(["movie", "tv"]),
    tmdbId: z.number().int().min(1).max(2_147_483_647),
    title: z.string().max(500).nullable(),
    year: z.number().int().min(1870).max(2100).nullable(),
    kind: z.enum(["favourite", "watchlist", "watched", "rating", "dismissed"]),
    rating: z.number().int().min(1).max(10).optional(),
    at: z.iso.datetime({ offset: true }),
  })
  .refine((row) => (row.kind === "rating") === (row.rating !== undefined), { message: "a rating row carries `rating` (1–10), and only a rating row does" });

export const movierecExportSchema = z.strictObject({
  format: z.literal("movierec"),
  version: z.literal(MOVIEREC_EXPORT_VERSION),
  exportedAt: z.iso.datetime({ offset: true }),
  account: z.strictObject({ email: z.string().max(254), name: z.string().max(200).nullable() }),
  preferences: exportedPreferencesSchema,
  interactions: z.array(interactionSchema),
  imports: z.array(
    z.strictObject({
      source: z.string().max(20),
      fileName: z.string().max(300),
      at: z.iso.datetime({ offset: true }),
      rows: z.number().int().min(0),
      applied: z.number().int().min(0),
      missed: z.number().int().min(0),
    }),
  ),
});
export type MovierecExport = z.infer<typeof movierecExportSchema>;

/** Whether parsed JSON says it is a movierec export (of any version). */
export const looksLikeMovierec = (json: unknown) => typeof json === "object" && json !== null && (json as { format?: unknown }).format === "movierec";

/** The rows and preferences of a movierec export. */
export function readMovierecExport(name: string, json: unknown): { rows: ImportRowInput[]; preferences: ExportedPreferences } {
  const version = (json as { version?: unknown }).version;
  if (version !== MOVIEREC_EXPORT_VERSION)
    throw new ImportFileError(
      "UNKNOWN_FORMAT",
      `${name} is a movierec export of version ${JSON.stringify(version)}; this movierec reads version ${MOVIEREC_EXPORT_VERSION}.`,
    );
  const parsed = movierecExportSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ImportFileError("BAD_VALUE", `${name}: ${issue.path.join(".") || "(file)"}: ${issue.message}.`, { path: issue.path.join(".") });
  }
  const rows = parsed.data.interactions.map((entry, index): ImportRowInput => {
    return {
      file: name,
      line: index + 1,
      kind: KINDS[entry.kind],
      title: entry.title,
      year: entry.year,
      mediaType: entry.type === "movie" ? "MOVIE" : "TV",
      tmdbId: entry.tmdbId,
      imdbId: null,
      rating: entry.rating ?? null,
      happenedAt: checkWhen(new Date(entry.at), entry.at, `${name} interactions[${index}].at`),
    };
  });
  return { rows, preferences: parsed.data.preferences };
}
