import { describe, expect, it } from "vitest";
import { buildCatalogue, LIST_POSTER_NULL_RATE, LIST_VOTES_ZERO_RATE, parseIdExpression } from "./catalogue.ts";
import { MOVIE_GENRES, TV_GENRES, JOBS } from "./data.ts";
import { loadRealFilms, type RealFilm } from "./generate.ts";
import { mapRealGenres, realKeywords } from "./generate/real-films.ts";
import { personDetails } from "./tmdb/people.ts";
import { homepageOf, overviewOf, taglineOf } from "./tmdb/text.ts";
import { videosBody, watchProvidersBody } from "./tmdb/title-subresources.ts";
import { looksLikeMojibake, repairMacRoman } from "./generate/mojibake.ts";
import { type CatalogueMovie, type CatalogueTitle, type Person, REFERENCE_DATE, titleName } from "./model.ts";

const cat = buildCatalogue({ size: 5000, seed: 42 });

describe("buildCatalogue: determinism", () => {
  it("gives identical data for the same size and seed", () => {
    const again = buildCatalogue({ size: 5000, seed: 42 });
    expect(JSON.stringify(again.movies)).toBe(JSON.stringify(cat.movies));
    expect(JSON.stringify(again.tv)).toBe(JSON.stringify(cat.tv));
    expect(JSON.stringify(again.people)).toBe(JSON.stringify(cat.people));
    expect(JSON.stringify(again.collections)).toBe(JSON.stringify(cat.collections));
  });

  it("gives different synthetic data for another seed", () => {
    const other = buildCatalogue({ size: 5000, seed: 7 });
    expect(other.movies.length).toBe(cat.movies.length);
    expect(JSON.stringify(other.tv.map((t) => t.name))).not.toBe(JSON.stringify(cat.tv.map((t) => t.name)));
  });

  it("rejects nonsense sizes", () => {
    expect(() => buildCatalogue({ size: 0 })).toThrow(RangeError);
    expect(() => buildCatalogue({ size: 1.5 })).toThrow(RangeError);
  });
});

describe("text as it was written", () => {
  it("repairs the source's Windows-1252 read as Mac OS Roman, and leaves what was right alone", () => {
    expect(repairMacRoman("LÈon")).toBe("Léon");
    expect(repairMacRoman("DÈj‡ Vu")).toBe("Déjà Vu");
    expect(repairMacRoman("Per qualche dollaro in pi˘")).toBe("Per qualche dollaro in più");
    expect(repairMacRoman("I Love You Ö Don't Touch Me!")).toBe("I Love You … Don't Touch Me!");
    expect(repairMacRoman("The Naked Gun 2Ω: The Smell of Fear")).toBe("The Naked Gun 2½: The Smell of Fear");
    for (const right of ["Ri¢hie Ri¢h", "Alien³", "Östermalm", "Ça commence", "Heat"]) expect(repairMacRoman(right)).toBe(right);
  });

  it("has no mojibake in any title, name, overview or tagline of the catalogue", () => {
    const strings: string[] = [];
    const collect = (value: unknown) => {
      if (typeof value === "string") strings.push(value);
      else if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === "object") Object.values(value).forEach(collect);
    };
    collect([cat.movies, cat.tv, cat.people, cat.collections]);
    expect(strings.length).toBeGreaterThan(50_000);
    expect(strings.filter(looksLikeMojibake)).toEqual([]);
    const titles = cat.movies.map((movie) => movie.title);
    for (const title of ["Léon", "Le Fabuleux destin d'Amélie Poulain", "Déjà Vu"]) expect(titles).toContain(title);
  });
});

describe("catalogue contents", () => {
  it("splits size into ~70% movies and ~30% tv", () => {
    expect(cat.size).toBe(5000);
    expect(cat.movies.length + cat.tv.length).toBe(5000);
    expect(cat.movies.length).toBe(3500);
    expect(cat.tv.length).toBe(1500);
  });

  it("starts with real films from vega-datasets, with their dates and directors", () => {
    const real = loadRealFilms();
    expect(real.length).toBeGreaterThan(3000);
    const first = cat.movies[0];
    expect(first?.real).toBe(true);
    expect(first?.title).toBe(real[0]?.title);
    expect(first?.releaseDate).toBe("1998-06-12");
    const darkKnight = cat.movies.find((m) => m.title === "The Dark Knight");
    expect(darkKnight?.releaseDate).toBe("2008-07-18");
    const director = darkKnight?.crewIds[darkKnight.crewJobs.indexOf(0)];
    expect(cat.person(director ?? -1)?.name).toBe("Christopher Nolan");
    // two-digit years in movies.json are repaired (no film after the data set's 2010 cut-off)
    expect(cat.movies.filter((m) => m.real).every((m) => m.releaseDate >= "1900" && m.releaseDate <= "2011")).toBe(true);
    expect(cat.movies.filter((m) => m.real).length).toBe(Math.min(real.length, 3500));
    expect(cat.movies.some((m) => !m.real)).toBe(true);
  });

  it("gives a real film only what movies.json says of it: nothing invented", () => {
    const real = loadRealFilms();
    const companyName = new Map(cat.companies.map((c) => [c.id, c.name]));
    const keywordName = new Map(cat.keywords.map((k) => [k.id, k.name]));
    const realMovies = cat.movies.filter((m) => m.real);
    expect(realMovies.length).toBeGreaterThan(3000);
    for (const movie of realMovies) {
      const film = real[movie.index] as RealFilm;
      const facts = {
        title: movie.title,
        originalTitle: movie.originalTitle,
        releaseDate: movie.releaseDate,
        genreIds: movie.genreIds,
        keywords: movie.keywordIds.map((id) => keywordName.get(id)),
        castIds: movie.castIds,
        crew: movie.crewIds.map((id, k) => [cat.person(id)?.name, JOBS[movie.crewJobs[k] as number]?.[0]]),
        runtime: movie.runtime,
        voteAverage: movie.voteAverage,
        budget: movie.budget,
        revenue: movie.revenue,
        companies: movie.companyIds.map((id) => companyName.get(id)),
        imdbId: movie.imdbId,
        overview: overviewOf(cat, movie),
        tagline: taglineOf(cat, movie),
        homepage: homepageOf(cat, movie),
        videos: videosBody(cat, movie)["results"],
        watchProviders: watchProvidersBody(cat, movie)["results"],
      };
      expect(facts, film.title).toEqual({
        title: film.title,
        originalTitle: film.title,
        releaseDate: film.releaseDate,
        genreIds: mapRealGenres(film),
        keywords: realKeywords(film),
        castIds: [],
        crew: film.director ? [[film.director, "Director"]] : [],
        runtime: film.runtime ?? 0,
        voteAverage: film.imdbRating !== null && film.imdbVotes !== null ? film.imdbRating : 0,
        budget: film.budget ?? 0,
        revenue: film.gross ?? 0,
        // (the distributor, under its TMDB company name: MGM is Metro-Goldwyn-Mayer)
        companies: film.distributor ? [expect.any(String)] : [],
        imdbId: null,
        overview: "",
        tagline: "",
        homepage: "",
        videos: [],
        // movies.json says nothing of where a film streams
        watchProviders: {},
      });
    }
    // The Dark Knight: an Action film with a superhero keyword, no longer "Action, Science Fiction"
    const darkKnight = realMovies.find((m) => m.title === "The Dark Knight") as CatalogueMovie;
    expect(darkKnight.genreIds).toEqual([28]);
    expect(darkKnight.keywordIds.map((id) => keywordName.get(id))).toContain("superhero");
    // Black comedies are comedies: Office Space is not a crime film
    expect(realMovies.find((m) => m.title === "Office Space")?.genreIds).toEqual([35]);
    // Real directors: a biography from their films here; no birthday, birthplace, IMDb id or guessed gender
    const nolan = cat.people.find((p) => p.name === "Christopher Nolan") as Person;
    expect(personDetails(cat, nolan)).toMatchObject({
      biography: expect.stringContaining("The Dark Knight"),
      birthday: null,
      deathday: null,
      place_of_birth: null,
      imdb_id: null,
      gender: 0,
    });
  });

  it("has unique, non-contiguous ids in separate movie / tv spaces", () => {
    for (const list of [cat.movies, cat.tv]) {
      const ids = list.map((t) => t.id);
      expect(new Set(ids).size).toBe(ids.length);
      const gaps = ids.slice(1).map((id, i) => id - (ids[i] as number));
      expect(gaps.every((g) => g >= 1)).toBe(true);
      expect(gaps.some((g) => g > 1)).toBe(true);
    }
    const movieIds = new Set(cat.movies.map((m) => m.id));
    expect(cat.tv.some((t) => movieIds.has(t.id))).toBe(true); // same number can be a movie and a show, as in TMDB
    expect(cat.movie(cat.movies[1234]?.id ?? 0)).toBe(cat.movies[1234]);
    expect(cat.tvShow(cat.tv[99]?.id ?? 0)).toBe(cat.tv[99]);
    expect(cat.movie(1)).toBeUndefined();
  });

  it("uses 1–4 genres from the right TMDB list, with plausible co-occurrence", () => {
    const movieIds = new Set(MOVIE_GENRES.map((g) => g.id));
    const tvIds = new Set(TV_GENRES.map((g) => g.id));
    expect(MOVIE_GENRES).toHaveLength(19);
    expect(TV_GENRES).toHaveLength(16);
    // (a real film has the genres movies.json gives it, possibly none: "has only what its source says" below)
    for (const m of cat.movies.filter((x) => !x.real)) {
      expect(m.genreIds.length).toBeGreaterThanOrEqual(1);
      expect(m.genreIds.length).toBeLessThanOrEqual(4);
      expect(m.genreIds.every((g) => movieIds.has(g))).toBe(true);
      expect(new Set(m.genreIds).size).toBe(m.genreIds.length);
    }
    for (const t of cat.tv) {
      expect(t.genreIds.length).toBeGreaterThanOrEqual(1);
      expect(t.genreIds.length).toBeLessThanOrEqual(4);
      expect(t.genreIds.every((g) => tvIds.has(g))).toBe(true);
    }
    const synthetic = cat.movies.filter((m) => !m.real);
    const pair = (a: number, b: number) => synthetic.filter((m) => m.genreIds.includes(a) && m.genreIds.includes(b)).length;
    expect(pair(80, 53)).toBeGreaterThan(pair(16, 27)); // crime+thriller far more common than animation+horror
    expect(pair(16, 10751)).toBeGreaterThan(pair(16, 10752));
  });

  it("has a heavy-tailed popularity with vote counts that follow it", () => {
    const pops = cat.tv.map((t) => t.popularity).sort((a, b) => b - a);
    const median = pops[Math.floor(pops.length / 2)] as number;
    expect(pops[0]).toBeGreaterThan(median * 30);
    const byPop = [...cat.tv].sort((a, b) => b.popularity - a.popularity);
    const avgVotes = (xs: typeof byPop) => xs.reduce((s, t) => s + t.voteCount, 0) / xs.length;
    expect(avgVotes(byPop.slice(0, 100))).toBeGreaterThan(avgVotes(byPop.slice(-500)) * 10);
  });

  it("has vote averages around 6.3, mostly English, a few adult titles, tv origin countries", () => {
    const voted = cat.tv.filter((t) => t.voteCount >= 50);
    const mean = voted.reduce((s, t) => s + t.voteAverage, 0) / voted.length;
    expect(mean).toBeGreaterThan(5.6);
    expect(mean).toBeLessThan(7);
    for (const t of [...cat.movies, ...cat.tv]) {
      expect(t.voteAverage).toBeGreaterThanOrEqual(0);
      expect(t.voteAverage).toBeLessThanOrEqual(10);
      expect(Math.round(t.voteAverage * 1000) / 1000).toBe(t.voteAverage);
    }
    const en = cat.tv.filter((t) => t.originalLanguage === "en").length / cat.tv.length;
    expect(en).toBeGreaterThan(0.4);
    expect(en).toBeLessThan(0.75);
    expect(new Set(cat.tv.map((t) => t.originalLanguage)).size).toBeGreaterThan(8);
    const adult = cat.movies.filter((m) => m.adult).length;
    expect(adult).toBeGreaterThan(0);
    expect(adult).toBeLessThan(cat.movies.length * 0.02);
    expect(cat.tv.every((t) => t.originCountry.length >= 1 && /^[A-Z]{2}$/.test(t.originCountry[0] as string))).toBe(true);
  });

  it("spreads synthetic years from the 1930s to 2026, skewed recent", () => {
    const years = cat.movies.filter((m) => !m.real && m.releaseDate).map((m) => Number(m.releaseDate.slice(0, 4)));
    expect(Math.min(...years)).toBeGreaterThanOrEqual(1930);
    expect(Math.max(...years)).toBe(2026);
    const recent = years.filter((y) => y >= 2000).length;
    expect(recent / years.length).toBeGreaterThan(0.45);
    // upcoming titles are unreleased and have no votes yet
    const upcoming = cat.movies.filter((m) => m.releaseDate > REFERENCE_DATE);
    expect(upcoming.length).toBeGreaterThan(0);
    expect(upcoming.every((m) => m.status !== "Released" && m.voteCount === 0)).toBe(true);
  });

  it("shares people across titles with a power law, and gives every movie a director", () => {
    const appearances = new Map<number, number>();
    for (const t of [...cat.movies, ...cat.tv]) for (const p of t.castIds) appearances.set(p, (appearances.get(p) ?? 0) + 1);
    const counts = [...appearances.values()].sort((a, b) => b - a);
    expect(counts[0]).toBeGreaterThan(30);
    const total = counts.reduce((a, b) => a + b, 0);
    const top10pc = counts.slice(0, Math.ceil(counts.length / 10)).reduce((a, b) => a + b, 0);
    expect(top10pc / total).toBeGreaterThan(0.3); // a few actors take a large share
    expect(counts.filter((c) => c <= 2).length).toBeGreaterThan(counts.length * 0.1); // and a long tail
    for (const m of cat.movies.filter((x) => !x.real)) expect(m.crewJobs).toContain(0);
    for (const t of cat.tv) expect(t.crewJobs).not.toContain(0);
    expect(JOBS[0]).toEqual(["Director", "Directing"]);
    // directors direct several films
    const directed = new Map<number, number>();
    for (const m of cat.movies) m.crewIds.forEach((p, k) => m.crewJobs[k] === 0 && directed.set(p, (directed.get(p) ?? 0) + 1));
    expect(Math.max(...directed.values())).toBeGreaterThanOrEqual(10);
    // every referenced person exists
    for (const t of cat.tv) for (const p of [...t.castIds, ...t.crewIds, ...t.createdByIds]) expect(cat.person(p)).toBeDefined();
  });

  it("gives 3–8 keywords per invented title, correlated with genres", () => {
    for (const t of [...cat.movies.filter((m) => !m.real), ...cat.tv]) {
      expect(t.keywordIds.length).toBeGreaterThanOrEqual(3);
      expect(t.keywordIds.length).toBeLessThanOrEqual(8);
      for (const k of t.keywordIds) expect(cat.keyword(k)).toBeDefined();
    }
    const haunted = cat.keywords.find((k) => k.name === "haunted house")?.id ?? -1;
    const withHaunted = cat.movies.filter((m) => m.keywordIds.includes(haunted));
    expect(withHaunted.length).toBeGreaterThan(5);
    expect(withHaunted.filter((m) => m.genreIds.includes(27)).length / withHaunted.length).toBeGreaterThan(0.8);
  });

  it("has tv details: seasons, episodes, air dates, statuses", () => {
    for (const t of cat.tv) {
      const regular = t.seasons.filter((s) => s.seasonNumber > 0);
      expect(regular.length).toBe(t.numberOfSeasons);
      expect(regular.reduce((s, x) => s + x.episodeCount, 0)).toBe(t.numberOfEpisodes);
      expect(t.firstAirDate <= t.lastAirDate).toBe(true);
      expect(t.lastAirDate <= REFERENCE_DATE).toBe(true);
      if (t.nextEpisode) expect(t.nextEpisode.airDate > REFERENCE_DATE).toBe(true);
    }
    expect(new Set(cat.tv.map((t) => t.status))).toEqual(new Set(["Returning Series", "Ended", "Canceled"]));
  });
});

describe("list items that deliberately lack fields", () => {
  it("marks ~10% for poster_path null and ~5% for zeroed votes, deterministically", () => {
    for (const type of ["movie", "tv"] as const) {
      const lf = cat.lackingFields(type);
      const n = cat.titles(type).length;
      expect(lf.posterNull.length / n).toBeGreaterThan(LIST_POSTER_NULL_RATE - 0.025);
      expect(lf.posterNull.length / n).toBeLessThan(LIST_POSTER_NULL_RATE + 0.025);
      expect(lf.votesZero.length / n).toBeGreaterThan(LIST_VOTES_ZERO_RATE - 0.02);
      expect(lf.votesZero.length / n).toBeLessThan(LIST_VOTES_ZERO_RATE + 0.02);
      for (const id of lf.votesZero) expect((cat.title(type, id)?.voteCount ?? 0) > 0).toBe(true);
      expect(lf).toEqual(buildCatalogue({ size: 5000, seed: 42 }).lackingFields(type));
    }
    expect(cat.listItemLacksPoster("movie", 999_999_999)).toBe(false);
  });
});

describe("queries", () => {
  it("parses TMDB id expressions: comma = AND, pipe = OR", () => {
    expect(parseIdExpression("28,12")).toEqual([[28], [12]]);
    expect(parseIdExpression("28|12")).toEqual([[28, 12]]);
    expect(parseIdExpression("")).toBeUndefined();
    expect(parseIdExpression(null)).toBeUndefined();
  });

  it("ranks similar titles by shared genres and recommendations by shared people", () => {
    const m = cat.movies.find((x) => x.title === "The Dark Knight");
    if (!m) throw new Error("missing The Dark Knight");
    const similar = cat.similar(m);
    expect(similar.length).toBeGreaterThan(20);
    expect(similar.every((s) => s.mediaType === "movie" && s.id !== m.id && s.genreIds.some((g) => m.genreIds.includes(g)))).toBe(true);
    // the Batman sequel shares its director and collection
    expect(
      cat
        .recommendations(m)
        .slice(0, 10)
        .map((r) => titleName(r)),
    ).toContain("Batman Begins");
    // an invented film with a cast: its recommendations favour its key people, which similar titles ignore
    const popular = cat.movies.filter((x) => !x.real && x.castIds.length >= 8).sort((a, b) => b.popularity - a.popularity)[0] as CatalogueMovie;
    const recs = cat.recommendations(popular);
    expect(recs.length).toBe(40);
    const people = new Set(cat.keyPeople(popular));
    const sharing = (list: readonly CatalogueTitle[]) => list.filter((r) => [...r.castIds.slice(0, 8), ...r.crewIds].some((p) => people.has(p))).length;
    expect(sharing(recs)).toBeGreaterThan(2 * sharing(cat.similar(popular).slice(0, 40)));
  });

  it("indexes people's credits and known_for", () => {
    const nolan = cat.people.find((p) => p.name === "Christopher Nolan");
    if (!nolan) throw new Error("missing Nolan");
    const credits = cat.personCredits(nolan);
    expect(credits.crew.some((c) => c.title.mediaType === "movie" && titleName(c.title) === "The Dark Knight" && c.job === 0)).toBe(true);
    expect(cat.knownFor(nolan).length).toBeGreaterThan(0);
  });
});

describe("large catalogues", () => {
  it("builds 100,000 titles quickly", () => {
    const started = performance.now();
    const big = buildCatalogue({ size: 100_000 });
    const ms = performance.now() - started;
    expect(big.movies.length + big.tv.length).toBe(100_000);
    expect(big.movies.length).toBe(70_000);
    expect(new Set(big.movies.map((m) => m.id)).size).toBe(70_000);
    expect(big.popular("movie").length).toBeGreaterThan(69_000);
    expect(ms).toBeLessThan(10_000);
  }, 30_000);
});
