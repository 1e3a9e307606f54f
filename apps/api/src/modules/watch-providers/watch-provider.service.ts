// Streaming services and shops per region: Postgres first (watch_provider), TMDB's provider lists
// (watch/providers/movie and /tv) when the table has never had them or they are a week old (then
// stored). Kept in memory for six hours (a minute when TMDB could not give lists the table lacks or
// has old); there are a few hundred at most. Region names come from
// the runtime's ICU data (Intl.DisplayNames), so no region table is needed.
import type { PrismaClient } from "../../db.ts";
import type { Logger } from "../../logger.ts";
import type { TmdbClient, WatchProviderList } from "../../tmdb/index.ts";

const KEEP_MS = 6 * 60 * 60 * 1000;
/** How long what the table holds is kept when TMDB could not give its lists: then TMDB is asked again. */
const RETRY_AFTER_FAILURE_MS = 60_000;
const LISTS_STALE_MS = 7 * 24 * 60 * 60 * 1000;

export interface WatchProviderRow {
  id: number;
  name: string;
  logoPath: string | null;
  displayPriority: number;
  /** ISO 3166-1 codes TMDB lists it in (empty: known only from some title's offers). */
  regions: string[];
}

export interface WatchRegionRow {
  code: string;
  name: string;
}

const regionNames = new Intl.DisplayNames(["en"], { type: "region", fallback: "code" });

/** A region's English name ("GB" → "United Kingdom"); the code itself when ICU does not know it. */
export function regionName(code: string): string {
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}

export class WatchProviderService {
  private loaded: { providers: Map<number, WatchProviderRow>; until: number } | undefined;
  private loading: Promise<Map<number, WatchProviderRow>> | undefined;

  constructor(private readonly deps: { prisma: PrismaClient; tmdb: TmdbClient; logger: Logger; retryAfterFailureMs?: number }) {}

  /**
   * Every provider known, by id. Only the first load is waited for: later ones run in the background
   * while what was loaded before serves (a TMDB that hangs would otherwise hold every title page).
   */
  async providers(): Promise<Map<number, WatchProviderRow>> {
    if (this.loaded && Date.now() < this.loaded.until) return this.loaded.providers;
    this.loading ??= this.load()
      .then(({ providers, complete }) => {
        this.loaded = { providers, until: Date.now() + (complete ? KEEP_MS : (this.deps.retryAfterFailureMs ?? RETRY_AFTER_FAILURE_MS)) };
        return providers;
      })
      .finally(() => {
        this.loading = undefined;
      });
    if (!this.loaded) return this.loading;
    this.loading.catch((error: unknown) => this.deps.logger.error({ err: error }, "watch providers: reading the table failed; serving what was read before"));
    return this.loaded.providers;
  }

  /** The providers TMDB lists in `region`, in TMDB's display order (most watched first). */
  async inRegion(region: string): Promise<WatchProviderRow[]> {
    const all = await this.providers();
    return [...all.values()].filter((p) => p.regions.includes(region)).sort((a, b) => a.displayPriority - b.displayPriority || a.name.localeCompare(b.name));
  }

  /** Every region some provider is listed in, by name. */
  async regions(): Promise<WatchRegionRow[]> {
    const codes = new Set<string>();
    for (const p of (await this.providers()).values()) for (const code of p.regions) codes.add(code);
    return [...codes].map((code) => ({ code, name: regionName(code) })).sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Forgets what memory holds (after a test or an admin changes the table). */
  forget(): void {
    this.loaded = undefined;
  }

  /** What the table holds, with TMDB's lists when it lacks them or they are old; `complete` is false when TMDB could not give them then. */
  private async load(): Promise<{ providers: Map<number, WatchProviderRow>; complete: boolean }> {
    let rows = await this.readTable();
    const listed = rows.filter((row) => row.regions.length);
    const stale = !listed.length || listed.some((row) => Date.now() - row.updatedAt.getTime() > LISTS_STALE_MS);
    let complete = true;
    if (stale) {
      try {
        const [movie, tv] = await Promise.all([this.deps.tmdb.watchProviders("movie"), this.deps.tmdb.watchProviders("tv")]);
        await this.store([movie, tv]);
        rows = await this.readTable();
      } catch (error) {
        complete = false;
        this.deps.logger.warn({ err: (error as Error).message }, "watch provider lists unavailable; serving what the table has, asking again in a minute");
      }
    }
    return { providers: new Map(rows.map(({ updatedAt: _, ...row }) => [row.id, row])), complete };
  }

  private readTable() {
    return this.deps.prisma.watchProvider.findMany({ orderBy: { id: "asc" } });
  }

  /** Both kinds' lists as one row per provider: the union of their regions, the best priority. */
  private async store(lists: WatchProviderList[]): Promise<void> {
    const merged = new Map<number, { id: number; name: string; logo_path: string | null; display_priority: number; regions: string[] }>();
    for (const list of lists)
      for (const p of list.results) {
        const seen = merged.get(p.provider_id);
        const regions = Object.keys(p.display_priorities).filter((code) => /^[A-Z]{2}$/.test(code));
        merged.set(p.provider_id, {
          id: p.provider_id,
          name: p.provider_name,
          logo_path: p.logo_path ?? null,
          display_priority: Math.min(seen?.display_priority ?? Number.POSITIVE_INFINITY, p.display_priority ?? 1000),
          regions: [...new Set([...(seen?.regions ?? []), ...regions])].sort(),
        });
      }
    if (!merged.size) return;
    await this.deps.prisma.$executeRaw`
      INSERT INTO watch_provider (id, name, logo_path, display_priority, regions, updated_at)
      SELECT p.id, p.name, p.logo_path, p.display_priority, p.regions, now()
        FROM jsonb_to_recordset(${JSON.stringify([...merged.values()])}::jsonb) AS p(id int, name text, logo_path text, display_priority int, regions text[])
       ORDER BY p.id
      ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, logo_path = EXCLUDED.logo_path,
        display_priority = EXCLUDED.display_priority, regions = EXCLUDED.regions, updated_at = now()`;
  }
}
