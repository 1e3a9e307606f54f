// TV series, all synthetic. Ids come from a sequential PRNG stream; each series' attributes from its
// own PRNG, in a fixed order: genres, language and name, then its seasons and air dates (which
// decide its status and last / next episode), numbers, cast, creators and crew, networks, keywords.
import * as D from "../data.ts";
import type { CatalogueTv, EpisodeRef, Network, Person, TvSeason } from "../model.ts";
import { Rng, hash32 } from "../random.ts";
import { DAY_MS, REF_MS, clamp, dateMs, isoDate, round3 } from "./common.ts";
import { type Ctx, pickCast, pickCompanies, pickDirector, pickFrom, pickGenres, pickKeywords, weightsOf } from "./picks.ts";
import { syntheticPopularity, syntheticRating, syntheticVotes, tvRating } from "./popularity-and-ratings.ts";
import { nativeTitle, synthTitle } from "./title-names.ts";

/** What the series loop shares across series. */
interface SeriesRun {
  ctx: Ctx;
  genreWeights: ReadonlyArray<readonly [number, number]>;
  langWeights: ReadonlyArray<readonly [D.LanguageEntry, number]>;
  /** streaming services and a few networks any country's series can be on */
  globalNetworks: Network[];
}

interface SeriesBasics {
  adult: boolean;
  genreIds: number[];
  lang: D.LanguageEntry;
  country: string;
  name: string;
  originalName: string;
  type: string;
}

interface SeriesSeasons {
  firstAirDate: string;
  daysAvailable: number;
  popularity: number;
  numberOfSeasons: number;
  /** the series type, "Miniseries" for some one-season scripted series */
  type: string;
  seasons: TvSeason[];
  numberOfEpisodes: number;
}

interface SeriesStatus {
  status: string;
  lastEpisode: EpisodeRef;
  nextEpisode: EpisodeRef | null;
}

export function generateSeries(ctx: Ctx, tvCount: number): CatalogueTv[] {
  const tv: CatalogueTv[] = [];
  const run: SeriesRun = {
    ctx,
    genreWeights: weightsOf(D.TV_GENRE_MODEL),
    langWeights: D.LANGUAGES.map((l) => [l, l.tvWeight] as const),
    globalNetworks: ctx.networks.filter((n) => n.originCountry === "" || [213, 1024, 2552, 2739, 453].includes(n.id)),
  };
  const tvIdRng = new Rng(hash32(ctx.seed, "tv-ids"));
  let nextTvId = 1_396;
  for (let i = 0; i < tvCount; i++) {
    const id = nextTvId;
    nextTvId += 1 + tvIdRng.int(0, 24);
    const rng = new Rng(hash32(ctx.seed, "tv", i));
    tv.push(drawSeries(run, rng, i, id));
  }
  return tv;
}

function drawSeries(run: SeriesRun, rng: Rng, index: number, id: number): CatalogueTv {
  const { ctx } = run;
  const { adult, genreIds, lang, country, name, originalName, type: draftType } = seriesBasics(run, rng);
  const {
    firstAirDate,
    daysAvailable,
    numberOfSeasons,
    type,
    seasons,
    numberOfEpisodes,
    popularity: drawnPopularity,
  } = seriesSeasons(rng, draftType, genreIds);
  const { status, lastEpisode, nextEpisode } = seriesStatus(rng, type, seasons, numberOfSeasons);
  const year = Number(firstAirDate.slice(0, 4));
  let popularity = drawnPopularity;
  if (year < 1980) popularity *= 0.6;
  if (status === "Returning Series") popularity *= 1.3;
  popularity = round3(popularity);
  const voteCount = syntheticVotes(rng, popularity, true, daysAvailable);
  const voteAverage = syntheticRating(rng, voteCount, genreIds);
  const baseRun = typicalEpisodeRuntime(type, genreIds);
  const episodeRunTime = year >= 2019 && rng.chance(0.6) ? [] : [Math.round(clamp(rng.normal(baseRun, baseRun * 0.12), 5, 120))];

  const group = lang.nameGroup;
  const unscripted = type === "Talk Show" || type === "News" || type === "Reality" || type === "Documentary";
  const castIdx = pickCast(ctx, rng, group, popularity, unscripted ? rng.int(1, 4) : rng.int(4, 12));
  const crew = seriesCrew(ctx, rng, group, popularity, unscripted);
  const networkIds = seriesNetworks(run, rng, country);
  const keywordIds = pickKeywords(ctx, rng, genreIds);
  const companyIds = pickCompanies(ctx, rng, country, rng.int(1, 2));
  const certification = country === "US" || rng.chance(0.5) ? tvRating(rng, genreIds) : "";
  const personId = (p: number) => (ctx.people[p] as Person).id;
  return {
    mediaType: "tv",
    index,
    id,
    adult,
    originalLanguage: lang.code,
    originCountry: [country],
    genreIds,
    keywordIds,
    popularity,
    voteAverage,
    voteCount,
    posterPath: `/t${id}p.jpg`,
    backdropPath: `/t${id}b.jpg`,
    castIds: castIdx.map(personId),
    crewIds: crew.ids.map(personId),
    crewJobs: crew.jobs,
    companyIds,
    status,
    certification,
    real: false,
    name,
    originalName,
    firstAirDate,
    lastAirDate: lastEpisode.airDate,
    episodeRunTime,
    seasons,
    numberOfSeasons,
    numberOfEpisodes,
    createdByIds: crew.creators.map(personId),
    networkIds,
    type,
    inProduction: status === "Returning Series",
    lastEpisode,
    nextEpisode,
  };
}

/** Genres (adult series are dramas), language, country, name, and the type the genres imply. */
function seriesBasics(run: SeriesRun, rng: Rng): SeriesBasics {
  const adult = rng.chance(0.01);
  let genreIds = pickGenres(rng, D.TV_GENRE_MODEL, run.genreWeights, rng.weighted(D.GENRE_COUNT_WEIGHTS));
  if (adult) genreIds = [18];
  const lang = rng.weighted(run.langWeights);
  const country = rng.weighted(lang.countries);
  const name = synthTitle(rng, genreIds, "tv", lang.nameGroup);
  const originalName = lang.code === "en" ? name : nativeTitle(rng, lang.code, name);
  const has = (g: number) => genreIds.includes(g);
  const type = has(10767) ? "Talk Show" : has(10763) ? "News" : has(10764) ? "Reality" : genreIds[0] === 99 ? "Documentary" : "Scripted";
  return { adult, genreIds, lang, country, name, originalName, type };
}

/** First air date, popularity, how many seasons (as many as the years since allow), specials, episodes per season. */
function seriesSeasons(rng: Rng, type: string, genreIds: readonly number[]): SeriesSeasons {
  const firstMs = rng.chance(0.02)
    ? Date.UTC(2026, 0, 1) + rng.int(0, 29) * DAY_MS
    : Date.UTC(2025 - Math.floor(70 * Math.pow(rng.float(), 2.2)), 0, 1) + rng.int(0, 364) * DAY_MS;
  const daysAvailable = Math.max(0, (REF_MS - firstMs) / DAY_MS);
  const maxSeasons = Math.max(1, Math.floor(daysAvailable / 330) + 1);
  const popularity = syntheticPopularity(rng);
  let n = 1;
  if (type === "Talk Show" || type === "News") n = Math.min(maxSeasons, rng.int(1, 30));
  else while (n < maxSeasons && n < 25 && rng.chance(popularity > 50 ? 0.7 : 0.5)) n++;
  const miniseries = type === "Scripted" && n === 1 && rng.chance(0.35);
  const finalType = miniseries ? "Miniseries" : type;
  const spacing = Math.min(Math.max(120, daysAvailable / n), 730);
  const seasons: TvSeason[] = [];
  if (rng.chance(0.15))
    seasons.push({ seasonNumber: 0, episodeCount: rng.int(1, 5), airDate: isoDate(firstMs + Math.floor(rng.float() * Math.max(1, daysAvailable)) * DAY_MS) });
  let numberOfEpisodes = 0;
  for (let s = 1; s <= n; s++) {
    const eps = episodesPerSeason(rng, finalType, genreIds);
    numberOfEpisodes += eps;
    seasons.push({ seasonNumber: s, episodeCount: eps, airDate: isoDate(firstMs + Math.floor((s - 1) * spacing) * DAY_MS) });
  }
  return { firstAirDate: isoDate(firstMs), daysAvailable, popularity, numberOfSeasons: n, type: finalType, seasons, numberOfEpisodes };
}

function episodesPerSeason(rng: Rng, type: string, genreIds: readonly number[]): number {
  switch (type) {
    case "Miniseries":
      return rng.int(4, 10);
    case "Reality":
      return rng.int(8, 16);
    case "Talk Show":
      return rng.int(120, 200);
    case "News":
      return rng.int(200, 260);
    case "Documentary":
      return rng.int(3, 10);
    default:
      return genreIds.includes(10762) ? rng.int(20, 52) : rng.chance(0.35) ? rng.int(18, 24) : rng.int(6, 13);
  }
}

/**
 * Weekly episodes (talk shows and news: spread over the year) from the last season's air date: a series
 * still airing at the reference date is returning, with a next episode; one that ended recently may
 * still return, older ones ended or were canceled.
 */
function seriesStatus(rng: Rng, type: string, seasons: readonly TvSeason[], n: number): SeriesStatus {
  const lastSeason = seasons[seasons.length - 1] as TvSeason;
  const lastSeasonMs = dateMs(lastSeason.airDate);
  const epSpacing = type === "Talk Show" || type === "News" ? Math.max(1, Math.floor(300 / lastSeason.episodeCount)) : 7;
  const lastSeasonEnd = lastSeasonMs + (lastSeason.episodeCount - 1) * epSpacing * DAY_MS;
  if (lastSeasonEnd > REF_MS) {
    const aired = Math.floor((REF_MS - lastSeasonMs) / (epSpacing * DAY_MS)) + 1;
    return {
      status: "Returning Series",
      lastEpisode: { seasonNumber: n, episodeNumber: aired, airDate: isoDate(lastSeasonMs + (aired - 1) * epSpacing * DAY_MS) },
      nextEpisode: { seasonNumber: n, episodeNumber: aired + 1, airDate: isoDate(lastSeasonMs + aired * epSpacing * DAY_MS) },
    };
  }
  const recent = REF_MS - lastSeasonEnd < 730 * DAY_MS;
  const status =
    type === "Miniseries"
      ? "Ended"
      : recent
        ? rng.weighted([
            ["Returning Series", 45],
            ["Ended", 40],
            ["Canceled", 15],
          ])
        : rng.weighted([
            ["Ended", 75],
            ["Canceled", 25],
          ]);
  return { status, lastEpisode: { seasonNumber: n, episodeNumber: lastSeason.episodeCount, airDate: isoDate(lastSeasonEnd) }, nextEpisode: null };
}

/** Typical episode runtime in minutes by type and genre. */
function typicalEpisodeRuntime(type: string, genreIds: readonly number[]): number {
  if (type === "Talk Show") return 45;
  if (type === "News") return 30;
  if (type === "Reality") return 43;
  if (genreIds.includes(10762)) return 12;
  if (genreIds[0] === 16) return 24;
  if (genreIds[0] === 35) return 25;
  if (type === "Documentary") return 50;
  return 48;
}

/** Creators (writers or directors; fewer for unscripted series) as executive producers, producers, a composer, casting. */
function seriesCrew(ctx: Ctx, rng: Rng, group: string, popularity: number, unscripted: boolean): { creators: number[]; ids: number[]; jobs: number[] } {
  const creators: number[] = [];
  const creatorCount = unscripted ? (rng.chance(0.3) ? 1 : 0) : rng.chance(0.7) ? 1 : 2;
  for (let c = 0; c < creatorCount; c++) {
    const p = rng.chance(0.6) ? pickFrom(rng, ctx.pools.writers, 30) : pickDirector(ctx, rng, group, popularity);
    if (!creators.includes(p)) creators.push(p);
  }
  const ids: number[] = [];
  const jobs: number[] = [];
  const addCrew = (p: number, job: number) => {
    for (let k = 0; k < ids.length; k++) if (ids[k] === p && jobs[k] === job) return;
    ids.push(p);
    jobs.push(job);
  };
  for (const c of creators) addCrew(c, D.JOB_EXEC_PRODUCER);
  const execs = rng.int(1, 2);
  for (let k = 0; k < execs; k++) addCrew(pickFrom(rng, ctx.pools.producers, 30), D.JOB_EXEC_PRODUCER);
  const prods = rng.int(0, 2);
  for (let k = 0; k < prods; k++) addCrew(pickFrom(rng, ctx.pools.producers, 30), D.JOB_PRODUCER);
  if (rng.chance(0.8)) addCrew(pickFrom(rng, ctx.pools.composers, 10), D.JOB_COMPOSER);
  if (rng.chance(0.7)) addCrew(pickFrom(rng, ctx.pools.casting, 10), D.JOB_CASTING);
  return { creators, ids, jobs };
}

/** Mostly a network of the series' country (popular ones more often), else a global one; sometimes a second, global one. */
function seriesNetworks(run: SeriesRun, rng: Rng, country: string): number[] {
  const { globalNetworks } = run;
  const localNetworks = run.ctx.networks.filter((nw) => nw.originCountry === country);
  const networkIds: number[] = [];
  const netPool = localNetworks.length > 0 && rng.chance(0.72) ? localNetworks : globalNetworks;
  networkIds.push((netPool[rng.zipf(netPool.length, 3)] as Network).id);
  if (rng.chance(0.08)) {
    const extra = (globalNetworks[rng.int(0, globalNetworks.length - 1)] as Network).id;
    if (!networkIds.includes(extra)) networkIds.push(extra);
  }
  return networkIds;
}
