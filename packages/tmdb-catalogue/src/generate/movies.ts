// Movies: the real films first (one per index while they last), then synthetic ones. Ids come
// from a sequential PRNG stream; each movie's attributes (movie-attributes.ts), cast, crew and
// keywords from its own PRNG, so a movie does not change when a later one does.
import * as D from "../data.ts";
import type { CatalogueMovie, Keyword, Person } from "../model.ts";
import { Rng, hash32 } from "../random.ts";
import { round3 } from "./common.ts";
import { type MovieAttributes, type MovieRun, realMovieAttributes, syntheticMovieAttributes } from "./movie-attributes.ts";
import { type Ctx, pickCast, pickDirector, pickFrom, pickKeywords, weightsOf } from "./picks.ts";
import type { RealFilm } from "./real-films.ts";

export interface MovieSources {
  real: readonly RealFilm[];
  realDirectorIndex: Map<string, number>;
  companyByName: Map<string, number>;
  newCollection: (name: string) => number;
}

export function generateMovies(ctx: Ctx, movieCount: number, sources: MovieSources): CatalogueMovie[] {
  const run: MovieRun = {
    ...sources,
    ctx,
    movies: [],
    sequelOf: new Map(),
    genreWeights: weightsOf(D.MOVIE_GENRE_MODEL),
    langWeights: D.LANGUAGES.map((l) => [l, l.movieWeight] as const),
  };
  const movieIdRng = new Rng(hash32(ctx.seed, "movie-ids"));
  let nextMovieId = 11;
  for (let i = 0; i < movieCount; i++) {
    const id = nextMovieId;
    nextMovieId += 1 + movieIdRng.int(0, 38);
    const rng = new Rng(hash32(ctx.seed, "movie", i));
    const film = run.real[i];
    const attributes = film ? realMovieAttributes(run, rng, film) : syntheticMovieAttributes(run, rng, i);
    run.movies.push(movieWithPeople(ctx, rng, i, id, film !== undefined, attributes));
  }
  return run.movies;
}

/**
 * The movie with its cast (more for popular movies, few for documentaries), crew, keywords and IMDb
 * id. A real film has only what movies.json says: its director as crew, its source's keywords, and
 * no cast or IMDb id (inventing them would put a stranger in The Dark Knight).
 */
function movieWithPeople(ctx: Ctx, rng: Rng, index: number, id: number, real: boolean, a: MovieAttributes): CatalogueMovie {
  const popularity = round3(a.popularity);
  const { genreIds, lang, collectionId } = a;
  const group = lang.nameGroup;
  const isDoc = genreIds[0] === 99;
  const castCount = isDoc ? rng.int(1, 4) : popularity >= 20 ? rng.int(10, 18) : popularity >= 3 ? rng.int(6, 12) : rng.int(3, 8);
  const castIdx = real ? [] : pickCast(ctx, rng, group, popularity, castCount, a.forcedCast);
  const crew = real
    ? directorOnly(a.director)
    : movieCrew(ctx, rng, group, popularity, a.director ?? pickDirector(ctx, rng, group, popularity), a.secondDirector);
  const keywordIds = real
    ? a.extraKeywords.map((name) => ctx.kw.byName.get(name)).flatMap((i) => (i === undefined ? [] : [(ctx.kw.keywords[i] as Keyword).id]))
    : pickKeywords(ctx, rng, genreIds, collectionId !== null ? ["sequel", ...a.extraKeywords] : a.extraKeywords);
  const released = a.status === "Released";
  const imdbId = !real && (released || rng.chance(0.4)) ? `tt${String(1_000_000 + (hash32(ctx.seed, "imdb", id) % 9_000_000)).padStart(7, "0")}` : null;
  return {
    mediaType: "movie",
    index,
    id,
    adult: a.adult,
    originalLanguage: lang.code,
    originCountry: [a.country],
    genreIds,
    keywordIds,
    popularity,
    voteAverage: a.voteAverage,
    voteCount: a.voteCount,
    posterPath: `/m${id}p.jpg`,
    backdropPath: `/m${id}b.jpg`,
    castIds: castIdx.map((p) => (ctx.people[p] as Person).id),
    crewIds: crew.ids.map((p) => (ctx.people[p] as Person).id),
    crewJobs: crew.jobs,
    companyIds: a.companyIds,
    status: a.status,
    certification: a.certification,
    real,
    title: a.title,
    originalTitle: a.originalTitle,
    releaseDate: a.releaseDate,
    runtime: a.runtime,
    budget: a.budget,
    revenue: a.revenue,
    imdbId,
    collectionId,
  };
}

function directorOnly(director: number | null): { ids: number[]; jobs: number[] } {
  return director === null ? { ids: [], jobs: [] } : { ids: [director], jobs: [D.JOB_DIRECTOR] };
}

function movieCrew(ctx: Ctx, rng: Rng, group: string, popularity: number, director: number, secondDirector: boolean): { ids: number[]; jobs: number[] } {
  const ids: number[] = [];
  const jobs: number[] = [];
  const add = (p: number, job: number) => {
    for (let i = 0; i < ids.length; i++) if (ids[i] === p && jobs[i] === job) return;
    ids.push(p);
    jobs.push(job);
  };
  add(director, D.JOB_DIRECTOR);
  if (secondDirector) add(pickDirector(ctx, rng, group, popularity), D.JOB_DIRECTOR);
  if (rng.chance(0.25)) add(director, D.JOB_SCREENPLAY);
  const writers = rng.int(1, 2);
  for (let i = 0; i < writers; i++) add(pickFrom(rng, ctx.pools.writers, 30), rng.chance(0.6) ? D.JOB_SCREENPLAY : D.JOB_WRITER);
  const producers = rng.int(1, 3);
  for (let i = 0; i < producers; i++) add(pickFrom(rng, ctx.pools.producers, 30), D.JOB_PRODUCER);
  const execs = rng.int(0, 2);
  for (let i = 0; i < execs; i++) add(pickFrom(rng, ctx.pools.producers, 30), D.JOB_EXEC_PRODUCER);
  add(pickFrom(rng, ctx.pools.composers, 10), D.JOB_COMPOSER);
  add(pickFrom(rng, ctx.pools.dops, 10), D.JOB_DOP);
  add(pickFrom(rng, ctx.pools.editors, 10), D.JOB_EDITOR);
  if (rng.chance(0.7)) add(pickFrom(rng, ctx.pools.casting, 10), D.JOB_CASTING);
  return { ids, jobs };
}
