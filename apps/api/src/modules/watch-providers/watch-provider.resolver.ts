import "reflect-metadata";
import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { GraphQLContext } from "../../graphql/context.ts";
import { badInput } from "../../errors.ts";
import type { MediaSource } from "../media/media.mapper.ts";
import { withoutTmdb } from "../media/media.loaders.ts";
import { Media } from "../media/media.types.ts";
import { Preferences } from "../preferences/preference.types.ts";
import { type RegionOffers, STREAMING_KINDS, type StoredWatchProviders } from "./title-offers.ts";
import { regionName, type WatchProviderRow } from "./watch-provider.service.ts";
import { WatchProvider, WatchRegion, WhereToWatch } from "./watch-provider.types.ts";
import { tmdbGlobalId } from "../../graphql/node.ts";

/** Where to watch when neither the request nor the caller's preferences say. */
export const DEFAULT_WATCH_REGION = "US";
const LOGO_SIZE = "w92";

function checkRegion(region: string | null | undefined): string | null {
  if (region === null || region === undefined) return null;
  if (!/^[A-Z]{2}$/.test(region)) throw badInput('region must be an ISO 3166-1 alpha-2 code such as "US" or "GB".', { argument: "region" });
  return region;
}

/** A provider row as the API shows it; `imageBase` is TMDB's image base URL. */
export function toWatchProvider(row: WatchProviderRow, imageBase: string): WatchProvider {
  return { id: tmdbGlobalId("provider", row.id), tmdbId: row.id, name: row.name, logoUrl: row.logoPath ? `${imageBase}${LOGO_SIZE}${row.logoPath}` : null };
}

async function toProviders(ctx: GraphQLContext, ids: readonly number[], known: Map<number, WatchProviderRow>): Promise<WatchProvider[]> {
  const base = await ctx.images.baseUrl();
  return ids.flatMap((id) => {
    const row = known.get(id);
    return row ? [toWatchProvider(row, base)] : [];
  });
}

@Resolver()
export class WatchProviderResolver {
  @Query(() => [WatchRegion], { description: "Regions with watch-provider data, by name: what preferences' watchRegion accepts." })
  async watchRegions(@Ctx() ctx: GraphQLContext): Promise<WatchRegion[]> {
    const regions = await ctx.watchProviders.regions();
    // No provider known at all: their first load failed (watch-provider.service.ts), for now.
    if (regions.length === 0) ctx.incompleteAnswer = true;
    return regions;
  }

  @Query(() => [WatchProvider], {
    description: "Streaming services and shops offered in a region, most watched first (every one listed anywhere without a region).",
  })
  async watchProviders(
    @Arg("region", () => String, { nullable: true, description: 'ISO 3166-1 alpha-2, "US".' }) region: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<WatchProvider[]> {
    const code = checkRegion(region);
    const known = await ctx.watchProviders.providers();
    if (known.size === 0) ctx.incompleteAnswer = true;
    const rows = code
      ? await ctx.watchProviders.inRegion(code)
      : [...known.values()].filter((p) => p.regions.length).sort((a, b) => a.displayPriority - b.displayPriority);
    return toProviders(
      ctx,
      rows.map((row) => row.id),
      known,
    );
  }
}

@Resolver(() => Media)
export class MediaWatchProvidersResolver {
  @FieldResolver(() => WhereToWatch, {
    description: `Where to watch it in a region: the one given, else the caller's watchRegion, else ${DEFAULT_WATCH_REGION}. Empty lists when TMDB knows no offer there.`,
  })
  async whereToWatch(
    @Root() media: MediaSource,
    @Arg("region", () => String, { nullable: true, description: 'ISO 3166-1 alpha-2, "US".' }) region: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<WhereToWatch> {
    const preferences = await ctx.loaders.viewerPreferences();
    const code = checkRegion(region) ?? preferences?.watchRegion ?? DEFAULT_WATCH_REGION;
    // Fetched with the details; a title whose details never came asks for them (batched, shared).
    const row = media.row.detailsFetchedAt ? media.row : ((await ctx.loaders.mediaDetails.load(media.id).catch(withoutTmdb)) ?? media.row);
    const offers: RegionOffers = (row.watchProviders as StoredWatchProviders | null)?.[code] ?? {};
    const known = await ctx.watchProviders.providers();
    const mine = new Set(code === preferences?.watchRegion ? preferences.streamingServiceIds : []);
    const [stream, free, ads, rent, buy] = await Promise.all(
      (["flatrate", "free", "ads", "rent", "buy"] as const).map((kind) => toProviders(ctx, offers[kind] ?? [], known)),
    );
    return {
      region: { code, name: regionName(code) },
      link: offers.link ?? null,
      stream: stream!,
      free: [...free!, ...ads!.filter((p) => !free!.some((f) => f.id === p.id))],
      rent: rent!,
      buy: buy!,
      onMyServices: STREAMING_KINDS.some((kind) => (offers[kind] ?? []).some((id) => mine.has(id))),
    };
  }
}

@Resolver(() => Preferences)
export class PreferenceServicesResolver {
  @FieldResolver(() => [WatchProvider], { description: "The caller's streaming services, named." })
  async streamingServices(@Root() preferences: Preferences, @Ctx() ctx: GraphQLContext): Promise<WatchProvider[]> {
    return toProviders(ctx, preferences.streamingServiceIds, await ctx.watchProviders.providers());
  }
}
