// List items: how titles and people appear in lists (popular, top rated, discover, search,
// trending, similar, recommendations, people's credits), with `media_type` in mixed lists.
import type { Catalogue } from "../catalogue.ts";
import type { CatalogueMovie, CatalogueTitle, CatalogueTv, Person } from "../model.ts";
import type { JsonObject } from "./json.ts";
import { overviewOf } from "./text.ts";

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
