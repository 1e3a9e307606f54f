// Deterministic catalogue generation. Everything here is a pure function of (size, seed):
// sequential PRNG streams for id gaps, and a per-title PRNG for each title's attributes.
// The steps, one concern per file under generate/:
//   generate/real-films.ts                   vega-datasets' real films, their genres and keywords
//   generate/people.ts                       people pools (actors, directors, crew) and their popularity
//   generate/keywords-companies-networks.ts  the keyword, company and network tables
//   generate/picks.ts                        what a title draws: genres, cast, directors, keywords, companies
//   generate/title-names.ts                  synthetic and native-language titles
//   generate/popularity-and-ratings.ts       popularity, votes, ratings, certifications
//   generate/movie-attributes.ts             a movie's attributes (real, original or sequel)
//   generate/movies.ts                       the movies, with cast, crew and keywords
//   generate/collections.ts                  collection ids, and real films grouped into franchises
//   generate/series.ts                       the tv series: seasons, status, crew, networks
//   generate/common.ts                       dates, rounding, clamping
import type { CatalogueMovie, CatalogueTv, Collection, Company, Keyword, Network, Person } from "./model.ts";
import { assignRealCollections, collectionMaker } from "./generate/collections.ts";
import { buildCompanies, buildKeywords, buildNetworks } from "./generate/keywords-companies-networks.ts";
import { generateMovies } from "./generate/movies.ts";
import { buildPeople } from "./generate/people.ts";
import type { Ctx } from "./generate/picks.ts";
import { type RealFilm, loadRealFilms } from "./generate/real-films.ts";
import { generateSeries } from "./generate/series.ts";

export { dateMs, isoDate } from "./generate/common.ts";
export { personIndexOf } from "./generate/people.ts";
export { loadRealFilms } from "./generate/real-films.ts";
export type { RealFilm } from "./generate/real-films.ts";

export interface GeneratedCatalogue {
  movies: CatalogueMovie[];
  tv: CatalogueTv[];
  people: Person[];
  keywords: Keyword[];
  companies: Company[];
  networks: Network[];
  collections: Collection[];
}

export function generateCatalogue(size: number, seed: number, realFilms = Number.POSITIVE_INFINITY): GeneratedCatalogue {
  const movieCount = Math.round(size * 0.7);
  const tvCount = size - movieCount;
  const realAll = loadRealFilms();
  const real = realAll.slice(0, Math.min(realAll.length, movieCount, realFilms));

  const { builder, pools, realDirectorIndex } = buildPeople(seed, size, realDirectorsByFilmCount(real));
  const kw = buildKeywords();
  const distributors = [...new Set(real.map((f) => f.distributor).filter((d): d is string => d !== null))].sort();
  const { companies, byName: companyByName } = buildCompanies(distributors);
  const networks = buildNetworks();
  const ctx: Ctx = { seed, pools, people: builder.people, kw, companies, companiesByCountry: companiesByCountry(companies), networks };

  const { collections, newCollection } = collectionMaker(seed);
  const movies = generateMovies(ctx, movieCount, { real, realDirectorIndex, companyByName, newCollection });
  assignRealCollections(movies, newCollection);
  const tv = generateSeries(ctx, tvCount);

  return { movies, tv, people: builder.people, keywords: kw.keywords, companies, networks, collections };
}

/** The real films' directors, most films first (then by name). */
function realDirectorsByFilmCount(real: readonly RealFilm[]): Array<[string, number]> {
  const directorFilms = new Map<string, number>();
  for (const f of real) if (f.director) directorFilms.set(f.director, (directorFilms.get(f.director) ?? 0) + 1);
  return [...directorFilms.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** Company indexes by origin country. */
function companiesByCountry(companies: readonly Company[]): Map<string, number[]> {
  const byCountry = new Map<string, number[]>();
  companies.forEach((c, i) => {
    const list = byCountry.get(c.originCountry) ?? [];
    list.push(i);
    byCountry.set(c.originCountry, list);
  });
  return byCountry;
}
