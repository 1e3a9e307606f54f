// A title's other sub-resources (standalone or appended): keywords, videos, watch providers,
// external ids, release dates (movies) and content ratings (tv).
import type { Catalogue } from "../catalogue.ts";
import * as D from "../data.ts";
import { type CatalogueMovie, type CatalogueTitle, type CatalogueTv, titleName, titleOriginalName } from "../model.ts";
import { Rng } from "../random.ts";
import type { JsonObject } from "./json.ts";
import { overviewOf, slugify, taglineOf } from "./text.ts";

export function keywordsOf(cat: Catalogue, t: CatalogueTitle): JsonObject[] {
  return t.keywordIds.flatMap((id) => {
    const k = cat.keyword(id);
    return k ? [{ id: k.id, name: k.name }] : [];
  });
}

/** movie: {keywords:[…]}, tv: {results:[…]} */
export function keywordsBody(cat: Catalogue, t: CatalogueTitle): JsonObject {
  return t.mediaType === "movie" ? { keywords: keywordsOf(cat, t) } : { results: keywordsOf(cat, t) };
}

/** A title's videos: only those a test gave it (Catalogue.setVideos); none are invented. */
export function videosBody(cat: Catalogue, t: CatalogueTitle): JsonObject {
  return { results: cat.videos(t.mediaType, t.id) as unknown as JsonObject[] };
}

/** The regions titles have providers in: US always, the others for some titles. */
export const WATCH_REGIONS = [
  { code: "US", english: "United States of America", native: "United States" },
  { code: "GB", english: "United Kingdom", native: "United Kingdom" },
  { code: "CA", english: "Canada", native: "Canada" },
  { code: "DE", english: "Germany", native: "Deutschland" },
  { code: "FR", english: "France", native: "France" },
] as const;

const provider = (p: D.ProviderEntry): JsonObject => ({
  logo_path: `/w${p.id}l.jpg`,
  provider_id: p.id,
  provider_name: p.name,
  display_priority: p.displayPriority,
});

/** GET /watch/providers/regions: every region some title has providers in. */
export function watchRegionsBody(): JsonObject {
  return { results: WATCH_REGIONS.map((r) => ({ iso_3166_1: r.code, english_name: r.english, native_name: r.native })) };
}

/**
 * GET /watch/providers/{movie|tv}: every provider, with its display priority per region (each
 * provider is offered in every catalogue region); `watch_region` keeps that region's only.
 */
export function watchProviderListBody(region: string | null): JsonObject {
  const regions = WATCH_REGIONS.filter((r) => region === null || r.code === region.toUpperCase());
  if (!regions.length) return { results: [] };
  return {
    results: D.PROVIDERS.map((p) => ({
      display_priorities: Object.fromEntries(regions.map((r) => [r.code, p.displayPriority])),
      ...provider(p),
    })),
  };
}

export function watchProvidersBody(cat: Catalogue, t: CatalogueTitle): JsonObject {
  const rng = new Rng(cat.hash("providers", t.mediaType, t.id));
  const results: JsonObject = {};
  const released = t.status !== "Planned" && t.status !== "In Production" && t.status !== "Post Production";
  // movies.json says nothing of where a real film streams: invented services would send people to the wrong shop.
  if (!released || t.adult || t.real) return { results };
  const flatrate = D.PROVIDERS.filter((p) => p.kind === "flatrate");
  const rentBuy = D.PROVIDERS.filter((p) => p.kind === "rent_buy");
  const free = D.PROVIDERS.filter((p) => p.kind === "free" || p.kind === "ads");
  const regions = [
    "US",
    ...WATCH_REGIONS.slice(1)
      .map((region) => region.code)
      .filter(() => rng.chance(0.45)),
  ];
  const slug = slugify(t.mediaType === "movie" ? t.title : t.name);
  for (const region of regions) {
    if (rng.chance(0.2)) continue;
    const entry: JsonObject = { link: `https://www.themoviedb.org/${t.mediaType}/${t.id}-${slug}/watch?locale=${region}` };
    const subs: D.ProviderEntry[] = [];
    const nSubs = rng.weighted<number>([
      [0, 3],
      [1, 5],
      [2, 2],
    ]);
    for (let i = 0; i < nSubs; i++) {
      const p =
        t.originalLanguage === "ja" && t.genreIds.includes(16) && rng.chance(0.6)
          ? (flatrate.find((x) => x.id === 283) as D.ProviderEntry)
          : (flatrate[rng.zipf(flatrate.length, 2)] as D.ProviderEntry);
      if (!subs.includes(p)) subs.push(p);
    }
    if (subs.length > 0) entry["flatrate"] = subs.sort((a, b) => a.displayPriority - b.displayPriority).map(provider);
    if (t.mediaType === "movie" || rng.chance(0.4)) {
      const shops = rentBuy.filter(() => rng.chance(0.6));
      if (shops.length > 0) {
        entry["rent"] = shops.map(provider);
        entry["buy"] = shops.map(provider);
      }
    }
    if (rng.chance(0.1)) entry["ads"] = free.map(provider);
    if (Object.keys(entry).length > 1) results[region] = entry;
  }
  return { results };
}

export function externalIdsBody(cat: Catalogue, t: CatalogueTitle): JsonObject {
  if (t.mediaType === "movie") return { imdb_id: t.imdbId, wikidata_id: null, facebook_id: null, instagram_id: null, twitter_id: null };
  return {
    imdb_id: `tt${String(1_000_000 + (cat.hash("imdb-tv", t.id) % 9_000_000)).padStart(7, "0")}`,
    freebase_mid: null,
    freebase_id: null,
    tvdb_id: 70_000 + (cat.hash("tvdb", t.id) % 400_000),
    tvrage_id: null,
    wikidata_id: null,
    facebook_id: null,
    instagram_id: null,
    twitter_id: null,
  };
}

export function releaseDatesBody(cat: Catalogue, m: CatalogueMovie): JsonObject {
  if (m.releaseDate === "") return { results: [] };
  const results: JsonObject[] = [];
  const country = m.originCountry[0] ?? "US";
  const dateTime = `${m.releaseDate}T00:00:00.000Z`;
  if (country !== "US")
    results.push({ iso_3166_1: country, release_dates: [{ certification: "", descriptors: [], iso_639_1: "", note: "", release_date: dateTime, type: 3 }] });
  const usDate = country === "US" ? dateTime : new Date(Date.parse(dateTime) + (30 + (cat.hash("us-release", m.id) % 200)) * 86_400_000).toISOString();
  results.push({
    iso_3166_1: "US",
    release_dates: [{ certification: m.certification, descriptors: [], iso_639_1: "", note: "", release_date: usDate, type: m.status === "Released" ? 3 : 1 }],
  });
  results.sort((a, b) => String(a["iso_3166_1"]).localeCompare(String(b["iso_3166_1"])));
  return { results };
}

export function contentRatingsBody(t: CatalogueTv): JsonObject {
  return { results: t.certification ? [{ descriptors: [], iso_3166_1: "US", rating: t.certification }] : [] };
}

/**
 * A title's translations as TMDB lists them: the English one (its own title, overview and tagline)
 * and, for a title first made in another language under a name of its own, that language's one,
 * which holds only the original title (as TMDB's does for a French film's French entry). Nothing
 * else is translated: a real film's data has no other language, and an invented French title or
 * overview for an English film would be a fact the catalogue made up.
 */
export function translationsBody(cat: Catalogue, t: CatalogueTitle): JsonObject {
  const nameKey = t.mediaType === "movie" ? "title" : "name";
  const entry = (code: string, region: string, data: { name: string; overview: string; tagline: string }): JsonObject => {
    const language = D.LANGUAGES.find((l) => l.code === code);
    return {
      iso_3166_1: region,
      iso_639_1: code,
      name: language?.nativeName ?? "",
      english_name: language?.englishName ?? code,
      data: { homepage: "", overview: data.overview, tagline: data.tagline, [nameKey]: data.name },
    };
  };
  const translations = [entry("en", "US", { name: titleName(t), overview: overviewOf(cat, t), tagline: taglineOf(cat, t) })];
  const original = titleOriginalName(t);
  if (t.originalLanguage !== "en" && original !== titleName(t)) {
    const region = t.originCountry[0] ?? D.LANGUAGES.find((l) => l.code === t.originalLanguage)?.countries[0]?.[0] ?? "";
    translations.push(entry(t.originalLanguage, region, { name: original, overview: "", tagline: "" }));
  }
  return { translations };
}
