// /movie/{id} and /tv/{id}: full details (genres, companies, countries, spoken languages; for
// tv also creators, networks, seasons and the last / next episode).
import type { Catalogue } from "../catalogue.ts";
import * as D from "../data.ts";
import type { CatalogueMovie, CatalogueTitle, CatalogueTv, EpisodeRef } from "../model.ts";
import { Rng, hex24 } from "../random.ts";
import type { JsonObject } from "./json.ts";
import { homepageOf, overviewOf, taglineOf } from "./text.ts";

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
