// TMDB v3 JSON shapes (see docs/tmdb.md). Heavier per-title content — overviews,
// taglines, credits' characters, videos, providers, episodes — is derived here on demand from
// the catalogue seed, so it costs nothing until a route asks for it.
import type { Catalogue } from "./catalogue.ts";
import * as D from "./data.ts";
import { PAGE_SIZE } from "./model.ts";
import type { CatalogueMovie, CatalogueTitle, CatalogueTv, EpisodeRef, MediaType, Person } from "./model.ts";
import { Rng, hex24, videoKey } from "./random.ts";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface Paged {
  page: number;
  results: JsonObject[];
  total_pages: number;
  total_results: number;
}

/** A page of a list; `emptyPages` is total_pages when there are no results (TMDB: 1 for search/discover/lists, 0 for sub-lists). */
export function pageOf<T>(items: readonly T[], page: number, serialise: (item: T) => JsonObject, emptyPages = 1): Paged {
  const start = (page - 1) * PAGE_SIZE;
  return {
    page,
    results: items.slice(start, start + PAGE_SIZE).map(serialise),
    total_pages: items.length === 0 ? emptyPages : Math.ceil(items.length / PAGE_SIZE),
    total_results: items.length,
  };
}

// ------------------------------------------------------------------ lazy text

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function flavourOf(t: CatalogueTitle): string {
  const primary = t.genreIds[0] ?? 18;
  const f = D.GENRE_FLAVOUR[primary] ?? "drama";
  if (f === "thriller" && t.genreIds.includes(80)) return "crime";
  return f;
}

export function overviewOf(cat: Catalogue, t: CatalogueTitle): string {
  if (t.overview !== undefined) return t.overview;
  const rng = new Rng(cat.hash("overview", t.mediaType, t.id));
  if (!t.real && t.popularity < 1 && rng.chance(0.04)) return "";
  const place = () => rng.pick(D.PLACES);
  if (t.mediaType === "tv") {
    if (t.type === "Talk Show")
      return `Celebrity guests, musicians and comedians join the host for conversation, games and sketches, taped in front of a live audience in ${place()}.`;
    if (t.type === "News") return `The day's headlines and in-depth reporting from ${place()} and around the world.`;
    if (t.type === "Reality")
      return `Contestants from across ${place()} compete in weekly challenges, but only one can take home the grand prize. ${rng.pick(D.CLOSERS)}`.trim();
  }
  if (t.genreIds[0] === 99) return `This documentary explores ${rng.pick(D.DOC_SUBJECTS)}. ${rng.pick(D.CLOSERS)}`.trim();
  const goals = D.GENRE_GOALS[flavourOf(t)] ?? (D.GENRE_GOALS["drama"] as readonly string[]);
  const setting = rng.pick(D.SETTINGS).replace("{place}", place());
  const who = rng.pick(D.PROTAGONISTS);
  const lead = t.mediaType === "tv" ? `Each week ${who}` : cap(who);
  return `${lead} ${rng.pick(goals)} ${setting}. ${rng.pick(D.CLOSERS)}`.trim();
}

export function taglineOf(cat: Catalogue, t: CatalogueTitle): string {
  if (t.tagline !== undefined) return t.tagline;
  const rng = new Rng(cat.hash("tagline", t.mediaType, t.id));
  return rng.chance(t.mediaType === "movie" ? 0.7 : 0.35) ? rng.pick(D.TAGLINES) : "";
}

function slugify(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

export function homepageOf(cat: Catalogue, t: CatalogueTitle): string {
  if (cat.noise("homepage", t.mediaType, t.id) > (t.popularity > 20 ? 0.6 : 0.25)) return "";
  const slug = slugify(t.mediaType === "movie" ? t.title : t.name) || `${t.mediaType}-${t.id}`;
  return `https://www.${slug}.example/`;
}

// ------------------------------------------------------------------ list items

/** A movie list item (popular, discover, search, similar…). Degraded per `listItemLacksPoster/Votes`. */
export function movieListItem(cat: Catalogue, m: CatalogueMovie, withMediaType: boolean): JsonObject {
  const lacksVotes = cat.listItemLacksVotes("movie", m.id);
  const item: JsonObject = {
    adult: m.adult,
    backdrop_path: m.backdropPath,
    genre_ids: m.genreIds,
    id: m.id,
  };
  if (withMediaType) item["media_type"] = "movie";
  item["original_language"] = m.originalLanguage;
  item["original_title"] = m.originalTitle;
  item["overview"] = overviewOf(cat, m);
  item["popularity"] = m.popularity;
  item["poster_path"] = cat.listItemLacksPoster("movie", m.id) ? null : m.posterPath;
  item["release_date"] = m.releaseDate;
  item["title"] = m.title;
  item["video"] = false;
  item["vote_average"] = lacksVotes ? 0 : m.voteAverage;
  item["vote_count"] = lacksVotes ? 0 : m.voteCount;
  return item;
}

export function tvListItem(cat: Catalogue, t: CatalogueTv, withMediaType: boolean): JsonObject {
  const lacksVotes = cat.listItemLacksVotes("tv", t.id);
  const item: JsonObject = {
    adult: t.adult,
    backdrop_path: t.backdropPath,
    genre_ids: t.genreIds,
    id: t.id,
  };
  if (withMediaType) item["media_type"] = "tv";
  item["origin_country"] = t.originCountry;
  item["original_language"] = t.originalLanguage;
  item["original_name"] = t.originalName;
  item["overview"] = overviewOf(cat, t);
  item["popularity"] = t.popularity;
  item["poster_path"] = cat.listItemLacksPoster("tv", t.id) ? null : t.posterPath;
  item["first_air_date"] = t.firstAirDate;
  item["name"] = t.name;
  item["vote_average"] = lacksVotes ? 0 : t.voteAverage;
  item["vote_count"] = lacksVotes ? 0 : t.voteCount;
  return item;
}

export function titleListItem(cat: Catalogue, t: CatalogueTitle, withMediaType: boolean): JsonObject {
  return t.mediaType === "movie" ? movieListItem(cat, t, withMediaType) : tvListItem(cat, t, withMediaType);
}

/** A person item as in search/person, search/multi and trending (with `known_for`). */
export function personListItem(cat: Catalogue, p: Person, withMediaType: boolean): JsonObject {
  const item: JsonObject = {
    adult: false,
    gender: p.gender,
    id: p.id,
  };
  if (withMediaType) item["media_type"] = "person";
  item["known_for_department"] = p.knownForDepartment;
  item["name"] = p.name;
  item["original_name"] = p.name;
  item["popularity"] = p.popularity;
  item["profile_path"] = p.profilePath;
  item["known_for"] = cat.knownFor(p).map((t) => titleListItem(cat, t, true));
  return item;
}

export function anyListItem(cat: Catalogue, e: CatalogueTitle | Person, withMediaType: boolean): JsonObject {
  return "mediaType" in e ? titleListItem(cat, e, withMediaType) : personListItem(cat, e, withMediaType);
}

// ------------------------------------------------------------------ details

function genresOf(cat: Catalogue, t: CatalogueTitle): JsonObject[] {
  return t.genreIds.map((id) => ({ id, name: cat.genreName(t.mediaType, id) }));
}

function companiesOf(cat: Catalogue, t: CatalogueTitle): JsonObject[] {
  return t.companyIds.flatMap((id) => {
    const c = cat.company(id);
    return c ? [{ id: c.id, logo_path: c.logoPath, name: c.name, origin_country: c.originCountry }] : [];
  });
}

function productionCountries(cat: Catalogue, t: CatalogueTitle): JsonObject[] {
  const codes: string[] = [...t.originCountry];
  for (const id of t.companyIds) {
    const c = cat.company(id)?.originCountry;
    if (c && !codes.includes(c) && codes.length < 3) codes.push(c);
  }
  return codes.map((code) => ({ iso_3166_1: code, name: D.COUNTRY_NAMES[code] ?? code }));
}

function spokenLanguages(cat: Catalogue, t: CatalogueTitle): JsonObject[] {
  const codes = [t.originalLanguage];
  const r = cat.noise("spoken", t.mediaType, t.id);
  if (t.originalLanguage !== "en" && r < 0.25) codes.push("en");
  else if (r > 0.9) {
    const other = D.LANGUAGES[1 + Math.floor(((r - 0.9) / 0.1) * (D.LANGUAGES.length - 1))];
    if (other && !codes.includes(other.code)) codes.push(other.code);
  }
  return codes.map((code) => {
    const l = D.LANGUAGES.find((x) => x.code === code);
    return { english_name: l?.englishName ?? code, iso_639_1: code, name: l?.nativeName ?? "" };
  });
}

export function movieDetails(cat: Catalogue, m: CatalogueMovie): JsonObject {
  const collection = m.collectionId !== null ? cat.collection(m.collectionId) : undefined;
  return {
    adult: m.adult,
    backdrop_path: m.backdropPath,
    belongs_to_collection: collection
      ? { id: collection.id, name: collection.name, poster_path: collection.posterPath, backdrop_path: collection.backdropPath }
      : null,
    budget: m.budget,
    genres: genresOf(cat, m),
    homepage: homepageOf(cat, m),
    id: m.id,
    imdb_id: m.imdbId,
    origin_country: m.originCountry,
    original_language: m.originalLanguage,
    original_title: m.originalTitle,
    overview: overviewOf(cat, m),
    popularity: m.popularity,
    poster_path: m.posterPath,
    production_companies: companiesOf(cat, m),
    production_countries: productionCountries(cat, m),
    release_date: m.releaseDate,
    revenue: m.revenue,
    runtime: m.runtime,
    spoken_languages: spokenLanguages(cat, m),
    status: m.status,
    tagline: taglineOf(cat, m),
    title: m.title,
    video: false,
    vote_average: m.voteAverage,
    vote_count: m.voteCount,
  };
}

export function episodeId(t: CatalogueTv, season: number, episode: number): number {
  return 5_000_000 + t.index * 10_000 + season * 300 + episode;
}

function episodeObject(cat: Catalogue, t: CatalogueTv, e: EpisodeRef, aired: boolean): JsonObject {
  const rng = new Rng(cat.hash("episode", t.id, e.seasonNumber, e.episodeNumber));
  const season = t.seasons.find((s) => s.seasonNumber === e.seasonNumber);
  const finale = season !== undefined && season.episodeCount === e.episodeNumber;
  const voteCount = aired ? Math.max(0, Math.round((t.voteCount / 40) * rng.logNormal(0.5))) : 0;
  return {
    id: episodeId(t, e.seasonNumber, e.episodeNumber),
    name: rng.chance(0.5) ? `Episode ${e.episodeNumber}` : `The ${rng.pick(D.TITLE_ADJECTIVES)} ${rng.pick(D.TITLE_NOUNS)}`,
    overview: aired && rng.chance(0.7) ? `${overviewOf(cat, t).split(".")[0]}.` : "",
    vote_average: voteCount > 0 ? Math.round(Math.min(10, Math.max(1, t.voteAverage + rng.normal(0, 0.5))) * 1000) / 1000 : 0,
    vote_count: voteCount,
    air_date: e.airDate,
    episode_number: e.episodeNumber,
    episode_type: finale ? "finale" : "standard",
    production_code: "",
    runtime: t.episodeRunTime[0] ?? null,
    season_number: e.seasonNumber,
    show_id: t.id,
    still_path: aired ? `/t${t.id}e${e.seasonNumber}x${e.episodeNumber}.jpg` : null,
  };
}

export function tvDetails(cat: Catalogue, t: CatalogueTv): JsonObject {
  return {
    adult: t.adult,
    backdrop_path: t.backdropPath,
    created_by: t.createdByIds.flatMap((id) => {
      const p = cat.person(id);
      return p
        ? [{ id: p.id, credit_id: hex24(cat.seed, "creator", t.id, p.id), name: p.name, original_name: p.name, gender: p.gender, profile_path: p.profilePath }]
        : [];
    }),
    episode_run_time: t.episodeRunTime,
    first_air_date: t.firstAirDate,
    genres: genresOf(cat, t),
    homepage: homepageOf(cat, t),
    id: t.id,
    in_production: t.inProduction,
    languages: [t.originalLanguage],
    last_air_date: t.lastAirDate,
    last_episode_to_air: episodeObject(cat, t, t.lastEpisode, true),
    name: t.name,
    next_episode_to_air: t.nextEpisode ? episodeObject(cat, t, t.nextEpisode, false) : null,
    networks: t.networkIds.flatMap((id) => {
      const n = cat.network(id);
      return n ? [{ id: n.id, logo_path: n.logoPath, name: n.name, origin_country: n.originCountry }] : [];
    }),
    number_of_episodes: t.numberOfEpisodes,
    number_of_seasons: t.numberOfSeasons,
    origin_country: t.originCountry,
    original_language: t.originalLanguage,
    original_name: t.originalName,
    overview: overviewOf(cat, t),
    popularity: t.popularity,
    poster_path: t.posterPath,
    production_companies: companiesOf(cat, t),
    production_countries: productionCountries(cat, t),
    seasons: t.seasons.map((s) => {
      const rng = new Rng(cat.hash("season", t.id, s.seasonNumber));
      return {
        air_date: s.airDate,
        episode_count: s.episodeCount,
        id: 3_000_000 + t.index * 40 + s.seasonNumber,
        name: s.seasonNumber === 0 ? "Specials" : `Season ${s.seasonNumber}`,
        overview: s.seasonNumber > 0 && rng.chance(0.3) ? overviewOf(cat, t) : "",
        poster_path: rng.chance(0.9) ? `/t${t.id}s${s.seasonNumber}.jpg` : null,
        season_number: s.seasonNumber,
        vote_average: t.voteCount > 0 && s.seasonNumber > 0 ? Math.round(Math.min(10, Math.max(1, t.voteAverage + rng.normal(0, 0.4))) * 10) / 10 : 0,
      };
    }),
    spoken_languages: spokenLanguages(cat, t),
    status: t.status,
    tagline: taglineOf(cat, t),
    type: t.type,
    vote_average: t.voteAverage,
    vote_count: t.voteCount,
  };
}

// ------------------------------------------------------------------ credits

function personBase(p: Person): JsonObject {
  return {
    adult: false,
    gender: p.gender,
    id: p.id,
    known_for_department: p.knownForDepartment,
    name: p.name,
    original_name: p.name,
    popularity: p.popularity,
    profile_path: p.profilePath,
  };
}

function characterFor(cat: Catalogue, t: CatalogueTitle, p: Person, order: number): string {
  const rng = new Rng(cat.hash("character", t.mediaType, t.id, order));
  if (t.mediaType === "tv" && (t.type === "Talk Show" || t.type === "News" || t.type === "Reality")) return order === 0 ? "Host" : "Self";
  if (t.genreIds[0] === 99) return p.gender === 1 ? "Herself" : p.gender === 2 ? "Himself" : "Self";
  const group = D.LANGUAGES.find((l) => l.code === t.originalLanguage)?.nameGroup ?? "en";
  const names = D.NAME_GROUPS[group] ?? (D.NAME_GROUPS["en"] as D.NameList);
  const first = rng.pick(p.gender === 1 ? names.female : names.male);
  const base =
    order < 4 || rng.chance(0.5)
      ? `${first} ${rng.pick(names.last)}`
      : rng.pick([first, `Officer ${rng.pick(names.last)}`, "Nurse", "Bartender", "Reporter", `Dr. ${rng.pick(names.last)}`, "Waitress", "Guard", "Neighbor"]);
  return t.genreIds[0] === 16 ? `${base} (voice)` : base;
}

export interface CreditsBody {
  cast: JsonObject[];
  crew: JsonObject[];
}

export function creditsOf(cat: Catalogue, t: CatalogueTitle): CreditsBody {
  const cast: JsonObject[] = [];
  t.castIds.forEach((pid, order) => {
    const p = cat.person(pid);
    if (!p) return;
    const entry = personBase(p);
    if (t.mediaType === "movie") entry["cast_id"] = order + 1 + (cat.hash("cast-id", t.id) % 4);
    entry["character"] = characterFor(cat, t, p, order);
    entry["credit_id"] = hex24(cat.seed, "cast", t.mediaType, t.id, order);
    entry["order"] = order;
    cast.push(entry);
  });
  const crew: JsonObject[] = [];
  t.crewIds.forEach((pid, k) => {
    const p = cat.person(pid);
    const job = D.JOBS[t.crewJobs[k] as number];
    if (!p || !job) return;
    const entry = personBase(p);
    entry["credit_id"] = hex24(cat.seed, "crew", t.mediaType, t.id, k);
    entry["department"] = job[1];
    entry["job"] = job[0];
    crew.push(entry);
  });
  return { cast, crew };
}

/** tv only: every season's credits with roles / jobs and episode counts. */
export function aggregateCreditsOf(cat: Catalogue, t: CatalogueTv): CreditsBody {
  const credits = creditsOf(cat, t);
  const total = Math.max(1, t.numberOfEpisodes);
  const cast = credits.cast.map((c, order) => {
    const episodes = order < 3 ? total : Math.max(1, Math.round(total * (0.2 + 0.8 * cat.noise("agg-cast", t.id, order))));
    const { character, credit_id, order: _order, ...rest } = c;
    return {
      ...rest,
      roles: [{ credit_id: credit_id as string, character: character as string, episode_count: episodes }],
      total_episode_count: episodes,
      order,
    } as JsonObject;
  });
  const crew = credits.crew.map((c, k) => {
    const episodes = Math.max(1, Math.round(total * (0.3 + 0.7 * cat.noise("agg-crew", t.id, k))));
    const { credit_id, job, department, ...rest } = c;
    return {
      ...rest,
      jobs: [{ credit_id: credit_id as string, job: job as string, episode_count: episodes }],
      department: department as string,
      total_episode_count: episodes,
    } as JsonObject;
  });
  return { cast, crew };
}

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

export function videosBody(cat: Catalogue, t: CatalogueTitle): JsonObject {
  const rng = new Rng(cat.hash("videos", t.mediaType, t.id));
  const date = t.mediaType === "movie" ? t.releaseDate : t.firstAirDate;
  const count = t.popularity > 50 ? rng.int(2, 5) : t.popularity > 3 ? rng.int(1, 3) : rng.int(0, 2);
  const results: JsonObject[] = [];
  const baseMs = date ? Date.parse(`${date}T16:00:12Z`) : Date.parse("2026-01-15T16:00:12Z");
  for (let i = 0; i < count; i++) {
    const type =
      i === 0
        ? "Trailer"
        : rng.weighted<string>([
            ["Trailer", 3],
            ["Teaser", 3],
            ["Clip", 2],
            ["Featurette", 2],
            ["Behind the Scenes", 1],
          ]);
    const name =
      type === "Trailer"
        ? i === 0
          ? "Official Trailer"
          : `Official Trailer ${i + 1}`
        : type === "Teaser"
          ? "Teaser Trailer"
          : type === "Clip"
            ? `Official Clip: "${rng.pick(D.TITLE_NOUNS)}"`
            : `${type}: The Making of ${t.mediaType === "movie" ? t.title : t.name}`;
    results.push({
      iso_639_1: "en",
      iso_3166_1: "US",
      name,
      key: videoKey(cat.seed, "video", t.mediaType, t.id, i),
      site: "YouTube",
      size: rng.weighted<number>([
        [1080, 6],
        [720, 2],
        [2160, 2],
      ]),
      type,
      official: rng.chance(0.9),
      published_at: new Date(baseMs - rng.int(5, 120) * 86_400_000).toISOString().replace(/\.\d{3}Z$/, ".000Z"),
      id: hex24(cat.seed, "video-id", t.mediaType, t.id, i),
    });
  }
  return { results };
}

export function watchProvidersBody(cat: Catalogue, t: CatalogueTitle): JsonObject {
  const rng = new Rng(cat.hash("providers", t.mediaType, t.id));
  const results: JsonObject = {};
  const released = t.status !== "Planned" && t.status !== "In Production" && t.status !== "Post Production";
  if (!released || t.adult) return { results };
  const flatrate = D.PROVIDERS.filter((p) => p.kind === "flatrate");
  const rentBuy = D.PROVIDERS.filter((p) => p.kind === "rent_buy");
  const free = D.PROVIDERS.filter((p) => p.kind === "free" || p.kind === "ads");
  const provider = (p: D.ProviderEntry): JsonObject => ({
    logo_path: `/w${p.id}l.jpg`,
    provider_id: p.id,
    provider_name: p.name,
    display_priority: p.displayPriority,
  });
  const regions = ["US", ...["GB", "CA", "DE", "FR"].filter(() => rng.chance(0.45))];
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

// ------------------------------------------------------------------ people

export function personDetails(cat: Catalogue, p: Person): JsonObject {
  const rng = new Rng(cat.hash("person-details", p.id));
  const group = D.NAME_GROUPS[p.nameGroup] ?? (D.NAME_GROUPS["en"] as D.NameList);
  const birthYear = p.knownForDepartment === "Acting" ? rng.int(1935, 2004) : rng.int(1930, 1992);
  const known = cat.knownFor(p).map((t) => (t.mediaType === "movie" ? t.title : t.name));
  const role =
    p.knownForDepartment === "Acting"
      ? "an actor"
      : p.knownForDepartment === "Directing"
        ? "a director"
        : p.knownForDepartment === "Writing"
          ? "a writer"
          : p.knownForDepartment === "Sound"
            ? "a composer"
            : p.knownForDepartment === "Camera"
              ? "a cinematographer"
              : p.knownForDepartment === "Editing"
                ? "an editor"
                : "a producer";
  return {
    adult: false,
    also_known_as: [],
    biography: known.length > 0 && rng.chance(0.8) ? `${p.name} is ${role} known for ${known.join(", ")}.` : "",
    birthday: rng.chance(0.85) ? `${birthYear}-${String(rng.int(1, 12)).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")}` : null,
    deathday:
      birthYear < 1945 && rng.chance(0.3)
        ? `${rng.int(2000, 2025)}-${String(rng.int(1, 12)).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")}`
        : null,
    gender: p.gender,
    homepage: null,
    id: p.id,
    imdb_id: `nm${String((cat.hash("imdb-person", p.id) % 9_000_000) + 100_000).padStart(7, "0")}`,
    known_for_department: p.knownForDepartment,
    name: p.name,
    place_of_birth: rng.chance(0.8) ? rng.pick(group.cities) : null,
    popularity: p.popularity,
    profile_path: p.profilePath,
  };
}

/** combined_credits (media "all"), movie_credits or tv_credits. */
export function personCreditsBody(cat: Catalogue, p: Person, media: MediaType | "all"): JsonObject {
  const credits = cat.personCredits(p);
  const keep = (t: CatalogueTitle) => media === "all" || t.mediaType === media;
  const cast = credits.cast
    .filter((c) => keep(c.title))
    .map((c) => {
      const item = titleListItem(cat, c.title, media === "all");
      item["character"] = characterFor(cat, c.title, p, c.order);
      item["credit_id"] = hex24(cat.seed, "cast", c.title.mediaType, c.title.id, c.order);
      if (c.title.mediaType === "movie") item["order"] = c.order;
      else item["episode_count"] = Math.max(1, c.title.numberOfEpisodes);
      return item;
    });
  const crew = credits.crew
    .filter((c) => keep(c.title))
    .map((c) => {
      const item = titleListItem(cat, c.title, media === "all");
      const job = D.JOBS[c.job] as readonly [string, string];
      const k = c.title.crewIds.findIndex((id, i) => id === p.id && c.title.crewJobs[i] === c.job);
      item["credit_id"] = hex24(cat.seed, "crew", c.title.mediaType, c.title.id, k);
      item["department"] = job[1];
      item["job"] = job[0];
      return item;
    });
  return { cast, crew };
}

// ------------------------------------------------------------------ configuration

export function configurationBody(imageBaseUrl: string): JsonObject {
  const secure = imageBaseUrl.endsWith("/") ? imageBaseUrl : `${imageBaseUrl}/`;
  return {
    images: {
      base_url: secure.replace(/^https:/, "http:"),
      secure_base_url: secure,
      backdrop_sizes: ["w300", "w780", "w1280", "original"],
      logo_sizes: ["w45", "w92", "w154", "w185", "w300", "w500", "original"],
      poster_sizes: ["w92", "w154", "w185", "w342", "w500", "w780", "original"],
      profile_sizes: ["w45", "w185", "h632", "original"],
      still_sizes: ["w92", "w185", "w300", "original"],
    },
    change_keys: [...D.CHANGE_KEYS],
  };
}

export function genreListBody(cat: Catalogue, type: MediaType): JsonObject {
  return { genres: cat.genres(type).map((g) => ({ id: g.id, name: g.name })) };
}

/** What an image file name (e.g. "m550p.jpg") depicts, for the generated poster's initials. */
export function imageLabel(cat: Catalogue, file: string): string {
  const m = /^([a-z])(\d+)([a-z]*)/.exec(file);
  if (!m) return "";
  const id = Number(m[2]);
  switch (m[1]) {
    case "m":
      return cat.movie(id)?.title ?? "";
    case "t":
      return cat.tvShow(id)?.name ?? "";
    case "p":
      return cat.person(id)?.name ?? "";
    case "c":
      return cat.collection(id)?.name ?? "";
    case "l":
      return (m[3] === "n" ? cat.network(id)?.name : cat.company(id)?.name) ?? "";
    case "w":
      return D.PROVIDERS.find((p) => p.id === id)?.name ?? "";
    default:
      return "";
  }
}
