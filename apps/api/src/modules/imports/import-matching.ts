// Matching an import row to a title: by TMDB id when the file has one (checked against the cache,
// else fetched from TMDB), else by name and year (title-match.ts) among the cache's titles first
// (CachedTitles: every cached title by its normalised names, read once per run) and only then
// through TMDB's search (whose answers go into the cache, like every TMDB list, and into the index).
import type { AppServices } from "../../app-services.ts";
import { mediaKey } from "../media/media-key.ts";
import { upsertListItems } from "../media/media-cache.writer.ts";
import { listItemsOf } from "../media/tmdb-into-cache.ts";
import { toMediaKind } from "../../media-kind.ts";
import { type MovieListItem, TmdbError, type TvListItem } from "../../tmdb/index.ts";
import { givenAgain } from "../media/enrichment.service.ts";
import { matchTitle, normaliseTitle, type TitleCandidate, type TitleMatch } from "./title-match.ts";

type Deps = Pick<AppServices, "prisma" | "tmdb" | "enrichment">;

export interface RowToMatch {
  title: string | null;
  year: number | null;
  mediaType: "MOVIE" | "TV" | null;
  tmdbId: number | null;
  imdbId: string | null;
}

export type RowMatch = { mediaType: "MOVIE" | "TV"; tmdbId: number } | { reason: string };

/** The cache's titles by type and normalised name (own and original), for one import run. */
export class CachedTitles {
  private readonly byName = new Map<string, TitleCandidate[]>();

  static async load(deps: Pick<Deps, "prisma">): Promise<CachedTitles> {
    const index = new CachedTitles();
    const rows = await deps.prisma.$queryRaw<
      Array<{ media_type: "movie" | "tv"; tmdb_id: number; title: string; original_title: string | null; year: number | null; popularity: number }>
    >`
      SELECT media_type::text AS media_type, tmdb_id, title, original_title, extract(year FROM release_date)::int AS year, popularity FROM media_cache`;
    for (const row of rows)
      index.add({
        mediaType: row.media_type === "movie" ? "MOVIE" : "TV",
        tmdbId: row.tmdb_id,
        title: row.title,
        originalTitle: row.original_title,
        year: row.year,
        popularity: row.popularity,
      });
    return index;
  }

  add(candidate: TitleCandidate): void {
    const names = new Set([normaliseTitle(candidate.title), ...(candidate.originalTitle ? [normaliseTitle(candidate.originalTitle)] : [])]);
    for (const name of names) {
      const key = `${candidate.mediaType}|${name}`;
      const list = this.byName.get(key) ?? [];
      if (!list.some((known) => known.tmdbId === candidate.tmdbId)) list.push(candidate);
      this.byName.set(key, list);
    }
  }

  candidates(type: "MOVIE" | "TV", title: string): TitleCandidate[] {
    return this.byName.get(`${type}|${normaliseTitle(title)}`) ?? [];
  }
}

const noun = (type: "MOVIE" | "TV" | null) => (type === "TV" ? "series" : "film");

/**
 * The TMDB calls an import has made (`count`) and may make (`limit`): TMDB's rate limit is the whole
 * deployment's (ingest, title pages, everyone's imports), and a file of 100,000 made-up titles would
 * otherwise spend some 200,000 calls of it. Past the limit a row TMDB would have to find is left
 * unmatched, saying so; the person can choose its title by hand.
 */
export interface TmdbLookups {
  count: number;
  limit: number;
}

class OutOfLookups extends Error {}

function spend(lookups: TmdbLookups): void {
  if (lookups.count >= lookups.limit) throw new OutOfLookups();
  lookups.count += 1;
}

/** The title a row means, or why it has none; `tmdbCalls` counts the calls made to TMDB. */
export async function matchRow(deps: Deps, row: RowToMatch, tmdbCalls: TmdbLookups, cached: CachedTitles): Promise<RowMatch> {
  try {
    return await matchRowWith(deps, row, tmdbCalls, cached);
  } catch (error) {
    if (!(error instanceof OutOfLookups)) throw error;
    return { reason: `Not looked up: this import has used its ${tmdbCalls.limit.toLocaleString("en")} TMDB lookups. Choose its title by hand.` };
  }
}

async function matchRowWith(deps: Deps, row: RowToMatch, tmdbCalls: TmdbLookups, cached: CachedTitles): Promise<RowMatch> {
  if (row.tmdbId !== null && row.mediaType !== null) return matchById(deps, { mediaType: row.mediaType, tmdbId: row.tmdbId }, tmdbCalls);
  if (row.imdbId && row.mediaType === null)
    // IMDb's type in a language not read here (or none): only the id can tell a film or series from
    // an episode or a game, which a match by name would take for a film of the same name.
    return (await findByImdbId(deps, row.imdbId, null, tmdbCalls, cached)) ?? { reason: `TMDB has no film or series with IMDb id ${row.imdbId}.` };
  if (!row.title) return { reason: "The row names no title." };
  const types = row.mediaType ? [row.mediaType] : (["MOVIE", "TV"] as const);
  const wanted = { title: row.title, year: row.year };
  // The cache only for the year itself: a namesake a year off may be all the cache holds (a remake),
  // so a year off is left to TMDB's search by year, or to the IMDb id.
  const inCache = types.map((type) => matchTitle(wanted, cached.candidates(type, row.title!), { yearsOff: 0 }));
  const decided = decide(inCache);
  if (decided && !("reason" in decided && row.imdbId)) return decided;
  if (row.imdbId) {
    const found = await findByImdbId(deps, row.imdbId, row.mediaType, tmdbCalls, cached);
    if (found) return found;
  }
  if (decided) return decided;
  const fromTmdb: TitleMatch[] = [];
  for (const type of types) fromTmdb.push(await searchTmdb(deps, type, wanted, tmdbCalls, cached));
  return decide(fromTmdb) ?? { reason: `No ${noun(row.mediaType)} called “${row.title}”${row.year ? ` from ${row.year} (±1)` : ""} in TMDB.` };
}

/** A match, an ambiguity's reason, or undefined when nothing was found. */
function decide(matches: TitleMatch[]): RowMatch | undefined {
  const found = matches.flatMap((match) => ("match" in match ? [match.match] : []));
  if (found.length === 1) return { mediaType: found[0]!.mediaType, tmdbId: found[0]!.tmdbId };
  const tied = [...found, ...matches.flatMap((match) => ("miss" in match && match.miss === "ambiguous" ? match.candidates : []))];
  if (tied.length > 1) {
    const listed = tied.slice(0, 5).map((candidate) => `${candidate.title} (${candidate.year ?? "no year"}, ${mediaKey(candidate)})`);
    return { reason: `More than one title fits: ${listed.join("; ")}. Choose one.` };
  }
  return undefined;
}

async function matchById(deps: Deps, ref: { mediaType: "MOVIE" | "TV"; tmdbId: number }, tmdbCalls: TmdbLookups): Promise<RowMatch> {
  const cached = await deps.prisma.mediaCache.findFirst({ where: { mediaType: ref.mediaType, tmdbId: ref.tmdbId }, select: { tmdbId: true } });
  if (cached) return ref;
  spend(tmdbCalls);
  const fetched = await deps.enrichment.fetchDetails(mediaKey(ref)).catch((error: unknown) => {
    // An answer TMDB would give again (JSON of another shape): this row stays unmatched, the import
    // goes on. TMDB not answering still ends the attempt, which BullMQ tries again.
    if (error instanceof TmdbError && givenAgain(error)) return "unreadable" as const;
    throw error;
  });
  if (fetched === "unreadable") return { reason: `TMDB's answer for ${noun(ref.mediaType)} ${ref.tmdbId} could not be read. Choose its title by hand.` };
  return fetched ? ref : { reason: `TMDB has no ${noun(ref.mediaType)} with id ${ref.tmdbId}.` };
}

/** A TMDB list item (search, find) as a candidate title. */
function candidateOf(type: "MOVIE" | "TV", item: MovieListItem | TvListItem): TitleCandidate {
  const date = "release_date" in item ? item.release_date : "first_air_date" in item ? item.first_air_date : null;
  const title = "title" in item ? item.title : "name" in item ? item.name : "";
  const originalTitle = "original_title" in item ? item.original_title : "original_name" in item ? item.original_name : null;
  return {
    mediaType: type,
    tmdbId: item.id,
    title: title ?? "",
    originalTitle: originalTitle ?? null,
    year: date ? Number(date.slice(0, 4)) || null : null,
    popularity: item.popularity ?? 0,
  };
}

/** TMDB's answers go into the cache (like every TMDB list) and into this run's index. */
async function remember(
  deps: Deps,
  type: "MOVIE" | "TV",
  items: Array<MovieListItem | TvListItem>,
  source: string,
  cached: CachedTitles,
): Promise<TitleCandidate[]> {
  if (!items.length) return [];
  const kind = toMediaKind(type);
  await upsertListItems(deps.prisma, listItemsOf(kind, items), source);
  const candidates = items.map((item) => candidateOf(type, item));
  for (const candidate of candidates) cached.add(candidate);
  return candidates;
}

/** TMDB's /find for an IMDb id (exact, when the file has one), its answer cached. */
async function findByImdbId(
  deps: Deps,
  imdbId: string,
  type: "MOVIE" | "TV" | null,
  tmdbCalls: TmdbLookups,
  cached: CachedTitles,
): Promise<RowMatch | undefined> {
  spend(tmdbCalls);
  const found = await deps.tmdb.findByImdbId(imdbId);
  const movie = type !== "TV" ? found.movie_results[0] : undefined;
  const tv = type !== "MOVIE" ? found.tv_results[0] : undefined;
  const [match] = movie ? await remember(deps, "MOVIE", [movie], "find/imdb", cached) : tv ? await remember(deps, "TV", [tv], "find/imdb", cached) : [];
  return match ? { mediaType: match.mediaType, tmdbId: match.tmdbId } : undefined;
}

/** TMDB's search (with the year, then without it when that finds nothing), its answers cached. */
async function searchTmdb(
  deps: Deps,
  type: "MOVIE" | "TV",
  wanted: { title: string; year: number | null },
  tmdbCalls: TmdbLookups,
  cached: CachedTitles,
): Promise<TitleMatch> {
  const kind = toMediaKind(type);
  let last: TitleMatch = { miss: "not-found", candidates: [] };
  for (const year of wanted.year === null ? [null] : [wanted.year, null]) {
    spend(tmdbCalls);
    const page = await deps.tmdb.searchTitles({ mediaType: kind, query: wanted.title, year });
    const candidates = await remember(deps, type, page.results, `search/${kind}`, cached);
    last = matchTitle(wanted, candidates);
    if (!("miss" in last) || last.miss === "ambiguous") return last;
  }
  return last;
}
