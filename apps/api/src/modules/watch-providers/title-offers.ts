// A title's watch providers as the cache keeps them (media_cache.watch_providers and streaming_on)
// and back: pure, no I/O. TMDB says, per region, which providers stream a title (flatrate), show it
// free or with ads, or rent and sell it; the cache keeps only provider ids per kind (names and logos
// live once in watch_provider) and, for the "available to me" filter, "REGION:id" for every
// provider that streams it.
import type { TitleWatchProviders } from "../../tmdb/index.ts";

/** The kinds of offer TMDB lists, in the order a page shows them. */
export const OFFER_KINDS = ["flatrate", "free", "ads", "rent", "buy"] as const;
export type OfferKind = (typeof OFFER_KINDS)[number];
/** Offers that come with a service a person has (no payment per title): what "available to me" counts. */
export const STREAMING_KINDS: readonly OfferKind[] = ["flatrate", "free", "ads"];

/** One region's offers as cached: TMDB's page for the title there and the provider ids per kind. */
export type RegionOffers = { link?: string } & Partial<Record<OfferKind, number[]>>;
/** media_cache.watch_providers: offers per ISO 3166-1 region. */
export type StoredWatchProviders = Record<string, RegionOffers>;

export interface ProviderSeen {
  id: number;
  name: string;
  logoPath: string | null;
}

/** The key streaming_on holds and the filter asks for: "US:8" is Netflix in the United States. */
export const streamingKey = (region: string, providerId: number) => `${region}:${providerId}`;

/** TMDB's watch/providers for a title as the cache keeps it, with the providers it names. */
export function titleOffers(body: TitleWatchProviders): { stored: StoredWatchProviders; streamingOn: string[]; providers: ProviderSeen[] } {
  const stored: StoredWatchProviders = {};
  const streamingOn = new Set<string>();
  const providers = new Map<number, ProviderSeen>();
  for (const [region, offers] of Object.entries(body.results)) {
    if (!/^[A-Z]{2}$/.test(region)) continue;
    const entry: RegionOffers = offers.link ? { link: offers.link } : {};
    for (const kind of OFFER_KINDS) {
      const list = offers[kind];
      if (!list?.length) continue;
      const sorted = [...list].sort((a, b) => (a.display_priority ?? 1000) - (b.display_priority ?? 1000));
      entry[kind] = [...new Set(sorted.map((p) => p.provider_id))];
      for (const p of sorted) {
        providers.set(p.provider_id, { id: p.provider_id, name: p.provider_name, logoPath: p.logo_path ?? null });
        if (STREAMING_KINDS.includes(kind)) streamingOn.add(streamingKey(region, p.provider_id));
      }
    }
    if (OFFER_KINDS.some((kind) => entry[kind])) stored[region] = entry;
  }
  return { stored, streamingOn: [...streamingOn].sort(), providers: [...providers.values()] };
}

/** The keys "available to me" asks for: each of the person's services in their region. */
export function streamingKeysFor(region: string, serviceIds: readonly number[]): string[] {
  return serviceIds.map((id) => streamingKey(region, id));
}
