// Matching an import row to a title: by TMDB id when the file has one (checked against the cache,
// else fetched from TMDB), else by name and year (title-match.ts) among the cache's titles first
// and only then through TMDB's search (whose answers go into the cache, like every TMDB list).
import type { AppServices } from "../../app-services.ts";
import { mediaKey } from "../media/media-key.ts";
import { upsertListItems } from "../media/media-cache.writer.ts";
import { listItemsOf } from "../media/tmdb-into-cache.ts";
import { toMediaKind } from "../../media-kind.ts";
import { matchTitle, normaliseTitle, type TitleCandidate, type TitleMatch } from "./title-match.ts";

type Deps = Pick<AppServices, "prisma" | "tmdb" | "enrichment">;

export interface RowToMatch {
  title: string | null;
  year: number | null;
  mediaType: "MOVIE" | "TV" | null;
  tmdbId: number | null;
}

export type RowMatch = { mediaType: "MOVIE" | "TV"; tmdbId: number } | { reason: string };

const noun = (type: "MOVIE" | "TV" | null) => (type === "TV" ? "series" : "film");

/** The title a row means, or why it has none; `tmdbCalls` counts the calls made to TMDB. */
export async function matchRow(deps: Deps, row: RowToMatch, tmdbCalls: { count: number }): Promise<RowMatch> {
  if (row.tmdbId !== null && row.mediaType !== null) return matchById(deps, { mediaType: row.mediaType, tmdbId: row.tmdbId }, tmdbCalls);
  if (!row.title) return { reason: "The row names no title." };
  const types = row.mediaType ? [row.mediaType] : (["MOVIE", "TV"] as const);
  const wanted = { title: row.title, year: row.year };
  const inCache = await Promise.all(types.map(async (type) => matchTitle(wanted, await cacheCandidates(deps, type, row.title!))));
  const decided = decide(inCache);
  if (decided) return decided;
  const fromTmdb: TitleMatch[] = [];
  for (const type of types) fromTmdb.push(await searchTmdb(deps, type, wanted, tmdbCalls));
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

async function matchById(deps: Deps, ref: { mediaType: "MOVIE" | "TV"; tmdbId: number }, tmdbCalls: { count: number }): Promise<RowMatch> {
  const cached = await deps.prisma.mediaCache.findFirst({ where: { mediaType: ref.mediaType, tmdbId: ref.tmdbId }, select: { tmdbId: true } });
  if (cached) return ref;
  tmdbCalls.count += 1;
  const fetched = await deps.enrichment.fetchDetails(mediaKey(ref));
  return fetched ? ref : { reason: `TMDB has no ${noun(ref.mediaType)} with id ${ref.tmdbId}.` };
}

/** Cached titles whose name is close to `title` (pg_trgm, as typed and normalised), best first. */
async function cacheCandidates(deps: Deps, type: "MOVIE" | "TV", title: string): Promise<TitleCandidate[]> {
  const normalised = normaliseTitle(title);
  const rows = await deps.prisma.$queryRaw<Array<{ tmdb_id: number; title: string; original_title: string | null; year: number | null; popularity: number }>>`
    SELECT tmdb_id, title, original_title, extract(year FROM release_date)::int AS year, popularity
      FROM media_cache
     WHERE media_type = ${toMediaKind(type)}::media_type
       AND (title % ${title} OR original_title % ${title} OR title % ${normalised} OR original_title % ${normalised})
     ORDER BY greatest(similarity(title, ${title}), similarity(coalesce(original_title, ''), ${title}), similarity(title, ${normalised})) DESC, popularity DESC
     LIMIT 25`;
  return rows.map((row) => ({
    mediaType: type,
    tmdbId: row.tmdb_id,
    title: row.title,
    originalTitle: row.original_title,
    year: row.year,
    popularity: row.popularity,
  }));
}

/** TMDB's search (with the year, then without it when that finds nothing), its answers cached. */
async function searchTmdb(deps: Deps, type: "MOVIE" | "TV", wanted: { title: string; year: number | null }, tmdbCalls: { count: number }): Promise<TitleMatch> {
  const kind = toMediaKind(type);
  let last: TitleMatch = { miss: "not-found", candidates: [] };
  for (const year of wanted.year === null ? [null] : [wanted.year, null]) {
    tmdbCalls.count += 1;
    const page = await deps.tmdb.searchTitles({ mediaType: kind, query: wanted.title, year });
    if (page.results.length) await upsertListItems(deps.prisma, listItemsOf(kind, page.results), `search/${kind}`);
    const candidates = page.results.map((item): TitleCandidate => {
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
    });
    last = matchTitle(wanted, candidates);
    if (!("miss" in last) || last.miss === "ambiguous") return last;
  }
  return last;
}
