// Per-request DataLoaders: every per-row lookup in a field resolver goes through one of these, so
// a page of 50 titles costs a handful of queries, not 50 × fields. Each feature keeps its own
// loaders (and their SQL); this file only puts one request's set together.
import type { PrismaClient } from "../db.ts";
import { createViewerStateLoader } from "../modules/interactions/viewer-state.ts";
import type { EnrichmentService } from "../modules/media/enrichment.service.ts";
import { createMediaLoaders, type CatalogueSource } from "../modules/media/media.loaders.ts";
import { getPreferences } from "../modules/preferences/preference.service.ts";

type ViewerPreferences = Awaited<ReturnType<typeof getPreferences>>;

export function createLoaders(deps: { prisma: PrismaClient; enrichment: EnrichmentService; userId: string | null; catalogue: CatalogueSource }) {
  let viewerPreferences: Promise<ViewerPreferences | null> | undefined;
  return {
    ...createMediaLoaders(deps),
    viewerState: createViewerStateLoader(deps),
    /** The caller's preferences (null when anonymous), read at most once per request. */
    viewerPreferences: () => (viewerPreferences ??= deps.userId ? getPreferences(deps, { userId: deps.userId }) : Promise.resolve(null)),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
