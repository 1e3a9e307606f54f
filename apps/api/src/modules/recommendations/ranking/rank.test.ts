// The ranking end to end: taste, collaborative evidence, reasons, cold start, determinism.
import { describe, expect, it } from "vitest";
import { rankRecommendations } from "./rank.ts";
import { REASON_KINDS_FOR_COMPONENT } from "./reasons.ts";
import { bayesianRating } from "./signals.ts";
import { contributions, scoreCandidates } from "./score-candidates.ts";
import type { CandidateTitle, RankingInput } from "./types.ts";
import type { RankingWeights } from "./weights.ts";
import {
  G,
  NOW,
  actorId,
  asSeed,
  byArch,
  catalogue,
  directorId,
  fanOf,
  hasAny,
  input,
  keys,
  makeTitles,
  profile,
  withNeighbours,
  without,
} from "./fixtures.ts";

describe("rankRecommendations", () => {
  it("gives opposite tastes clearly different top-10s from the same candidates", () => {
    const horror = fanOf("horror", 12, [G.horror, G.thriller]);
    const kids = fanOf("animation", 12, [G.animation, G.family]);
    const cands = without(catalogue, [...horror.seeds, ...kids.seeds]);
    const a = rankRecommendations(input(horror, cands, 10));
    const b = rankRecommendations(input(kids, cands, 10));
    expect(a).toHaveLength(10);
    expect(b).toHaveLength(10);
    const overlap = keys(a).filter((k) => keys(b).includes(k));
    expect(overlap.length).toBeLessThanOrEqual(1);
    expect(a.filter((r) => hasAny(r.candidate, [G.horror, G.thriller, G.mystery])).length).toBeGreaterThanOrEqual(8);
    expect(b.filter((r) => hasAny(r.candidate, [G.animation, G.family])).length).toBeGreaterThanOrEqual(8);
    // and neither list leaks the other's core genre
    expect(a.filter((r) => hasAny(r.candidate, [G.animation, G.family])).length).toBe(0);
    expect(b.filter((r) => hasAny(r.candidate, [G.horror])).length).toBe(0);
  });

  it("never puts a disliked genre near the top, even when it is popular, top-rated and the model's strongest neighbour", () => {
    const p = fanOf("crime", 12, [G.crime]);
    p.dislikedGenreIds = [G.thriller];
    const cands = without(catalogue, p.seeds).map((c) =>
      c.genreIds.includes(G.thriller) ? { ...c, popularity: 5000, voteAverage: 9.2, voteCount: 50_000 } : c,
    );
    const thrillers = cands.filter((c) => c.genreIds.includes(G.thriller));
    expect(thrillers.length).toBeGreaterThan(50); // the temptation is real
    const list = { keys: thrillers.map((c) => c.key), weights: thrillers.map(() => 0.5) };
    const recs = rankRecommendations({ ...input(p, cands, 30), neighbours: new Map(p.seeds.map((s) => [s.key, list])) });
    expect(recs).toHaveLength(30);
    for (const r of recs) expect(r.candidate.genreIds).not.toContain(G.thriller);
    // cold start too
    const cold = rankRecommendations(input(profile({ likedGenreIds: [G.crime], dislikedGenreIds: [G.thriller] }), cands, 30));
    for (const r of cold) expect(r.candidate.genreIds).not.toContain(G.thriller);
  });

  it("the trained model's neighbours lift a candidate above an otherwise identical one, and the reason names the seed that contributed most", () => {
    const p = fanOf("romcom", 10, [G.comedy]);
    const cands = without(catalogue, p.seeds);
    const base = cands.find((c) => c.genreIds.includes(G.comedy) && c.popularity < 20) as CandidateTitle;
    const twinA: CandidateTitle = { ...base, key: "movie:900001", tmdbId: 900001 };
    const twinB: CandidateTitle = { ...base, key: "movie:900002", tmdbId: 900002 };
    const neighbours = new Map([
      [p.seeds[0]!.key, { keys: [twinB.key], weights: [0.3] }],
      [p.seeds[1]!.key, { keys: [twinB.key], weights: [0.2] }],
    ]);
    const inp = { ...input(p, [...cands.filter((c) => c.key !== base.key), twinA, twinB], 600), neighbours };
    const { items } = scoreCandidates(inp);
    const a = items.find((s) => s.candidate.key === twinA.key)!;
    const b = items.find((s) => s.candidate.key === twinB.key)!;
    expect(b.components.collaborative).toBe(1);
    expect(a.components.collaborative).toBe(0);
    expect(b.score).toBeGreaterThan(a.score + 0.1);
    const recs = rankRecommendations(inp);
    const ia = keys(recs).indexOf(twinA.key);
    const ib = keys(recs).indexOf(twinB.key);
    expect(ib).toBeGreaterThanOrEqual(0);
    expect(ib).toBeLessThan(ia === -1 ? Infinity : ia);
    const rb = recs[ib]!;
    expect(rb.reasons.find((r) => r.kind === "PEOPLE_ALSO_LIKED")).toMatchObject({
      refersTo: p.seeds[0]!.key,
      text: `People who liked ${p.seeds[0]!.title} also liked this`,
    });
    // the seed whose contribution is larger is named, whichever comes first in the lists
    const swapped = new Map([
      [p.seeds[0]!.key, { keys: [twinB.key], weights: [0.1] }],
      [p.seeds[1]!.key, { keys: [twinB.key], weights: [0.4] }],
    ]);
    const again = rankRecommendations({ ...inp, neighbours: swapped });
    expect(again.find((r) => r.candidate.key === twinB.key)!.reasons.find((r) => r.kind === "PEOPLE_ALSO_LIKED")?.refersTo).toBe(p.seeds[1]!.key);
  });

  it("names a favourite person shared across seeds", () => {
    const mann = 777;
    const pacino = 778;
    const make = (id: number, title: string, year: number): CandidateTitle => ({
      ...(byArch("crime")[0] as CandidateTitle),
      key: `movie:${id}`,
      tmdbId: id,
      title,
      releaseYear: year,
      directorIds: [mann],
      castIds: [pacino, actorId(2, 30 + (id % 5))],
    });
    const heat = make(949, "Heat", 1995);
    const insider = make(9008, "The Insider", 1999);
    const collateral = { ...make(1538, "Collateral", 2004), castIds: [actorId(2, 39)] };
    const seeds = [
      asSeed(heat),
      asSeed(insider),
      asSeed(collateral),
      ...byArch("crime")
        .slice(5, 10)
        .map((c) => asSeed(c)),
    ];
    const candidate: CandidateTitle = { ...make(5000, "Public Enemies", 2009), castIds: [actorId(2, 38)], genreIds: [G.crime, G.history], keywordIds: [4242] };
    const names = new Map([
      [mann, "Michael Mann"],
      [pacino, "Al Pacino"],
    ]);
    const inp: RankingInput = { ...input(profile({ seeds }), [candidate, ...without(catalogue, seeds).slice(0, 200)], 10), personNames: names };
    const { items } = scoreCandidates(inp);
    const scored = items.find((s) => s.candidate.key === candidate.key)!;
    expect(scored.components.people).toBeGreaterThan(0.5);
    const recs = rankRecommendations({ ...inp, limit: 201 });
    const rec = recs.find((r) => r.candidate.key === candidate.key)!;
    expect(rec.reasons).toContainEqual({
      kind: "FAVOURITE_PERSON",
      text: "Directed by Michael Mann",
      refersTo: "person:777",
      words: { say: "directedBy", name: "Michael Mann" },
    });
    // an actor recurring across seeds reads "With …"
    const withPacino: CandidateTitle = { ...candidate, key: "movie:5001", tmdbId: 5001, directorIds: [directorId(2, 7)], castIds: [pacino, actorId(2, 37)] };
    const recs2 = rankRecommendations({ ...inp, candidates: [withPacino, ...inp.candidates.slice(1)], limit: 201 });
    expect(recs2.find((r) => r.candidate.key === withPacino.key)!.reasons).toContainEqual({
      kind: "FAVOURITE_PERSON",
      text: "With Al Pacino",
      refersTo: "person:778",
      words: { say: "with", name: "Al Pacino" },
    });
    // no name, no person reason
    const recs3 = rankRecommendations({ ...inp, personNames: new Map(), limit: 201 });
    expect(recs3.find((r) => r.candidate.key === candidate.key)!.reasons.map((r) => r.kind)).not.toContain("FAVOURITE_PERSON");
  });

  it("gives every item a reason, the winning component's reason included, and every reason is true", () => {
    const p = fanOf("crime", 15, [G.crime]);
    const { candidates, seeds, neighbours } = withNeighbours(catalogue, p.seeds, 300, 12);
    const inp = { ...input({ ...p, seeds }, candidates, 20), neighbours };
    const recs = rankRecommendations(inp);
    const { items } = scoreCandidates(inp);
    const scored = new Map(items.map((s) => [s.candidate.key, s]));
    const seedKeys = new Set(seeds.map((s) => s.key));
    let expressibleWinners = 0;
    for (const r of recs) {
      expect(r.reasons.length).toBeGreaterThanOrEqual(1);
      const s = scored.get(r.candidate.key)!;
      const contrib = contributions(s);
      const winner = (Object.keys(contrib) as Array<keyof RankingWeights>).reduce((a, b) => (contrib[b] > contrib[a] ? b : a));
      if (["genre", "similarity", "people", "collaborative"].includes(winner)) {
        expressibleWinners++;
        expect(r.reasons.some((x) => REASON_KINDS_FOR_COMPONENT[winner].includes(x.kind))).toBe(true);
      }
      for (const reason of r.reasons) {
        expect(reason.text.length).toBeGreaterThan(0);
        switch (reason.kind) {
          case "BECAUSE_YOU_LIKED":
            expect(seedKeys.has(reason.refersTo!)).toBe(true);
            expect(r.components.similarity).toBeGreaterThan(0.2);
            break;
          case "PEOPLE_ALSO_LIKED":
            // the named seed is the one whose neighbour list gave this title the largest share
            expect(neighbours.get(reason.refersTo!)?.keys).toContain(r.candidate.key);
            for (const [seedKey, list] of neighbours) {
              const at = list.keys.indexOf(r.candidate.key);
              const named = neighbours.get(reason.refersTo!)!;
              if (at >= 0 && seedKey !== reason.refersTo)
                expect(list.weights[at]! * (seeds.find((x) => x.key === seedKey)?.weight ?? 0)).toBeLessThanOrEqual(
                  named.weights[named.keys.indexOf(r.candidate.key)]! * seeds.find((x) => x.key === reason.refersTo)!.weight + 1e-12,
                );
            }
            expect(r.components.collaborative).toBeGreaterThan(0);
            break;
          case "FAVOURITE_PERSON": {
            const id = Number(reason.refersTo!.replace("person:", ""));
            expect([...r.candidate.castIds, ...r.candidate.directorIds]).toContain(id);
            break;
          }
          case "GENRE":
            expect(r.candidate.genreIds).toContain(Number(reason.refersTo!.replace("genre:", "")));
            break;
          case "TOP_RATED":
            expect(bayesianRating(r.candidate.voteAverage, r.candidate.voteCount)).toBeGreaterThanOrEqual(7);
            expect(reason.text).toMatch(/^Highly rated: \d\.\d from [\d,]+ votes$/);
            break;
          case "NEW_RELEASE":
            expect(r.candidate.releaseYear).toBeGreaterThanOrEqual(NOW.getUTCFullYear() - 1);
            break;
          case "HIDDEN_GEM":
            expect(r.components.discovery).toBeGreaterThan(0.2);
            break;
          case "POPULAR":
            expect(r.components.popularity).toBeGreaterThan(0.5);
            break;
        }
      }
      // most specific first
      const order = [
        "BECAUSE_YOU_LIKED",
        "PEOPLE_ALSO_LIKED",
        "FAVOURITE_PERSON",
        "GENRE",
        "TOP_RATED",
        "HIDDEN_GEM",
        "NEW_RELEASE",
        "POPULAR",
        "LANGUAGE_OR_ERA",
      ];
      const idx = r.reasons.map((x) => order.indexOf(x.kind));
      expect([...idx].sort((a, b) => a - b)).toEqual(idx);
    }
    expect(expressibleWinners).toBeGreaterThanOrEqual(15); // the check above is not vacuous
  });

  it("says 'Because you liked <seed>' for a near-twin of a favourite", () => {
    const heatSeed = { ...asSeed(byArch("crime")[0]!), title: "Heat" };
    const twin: CandidateTitle = { ...byArch("crime")[0]!, key: "movie:920001", tmdbId: 920001, title: "Heat II" };
    const recs = rankRecommendations(input(profile({ seeds: [heatSeed] }), [twin, ...without(catalogue, [heatSeed]).slice(0, 100)], 5));
    expect(recs[0]!.candidate.key).toBe(twin.key);
    expect(recs[0]!.reasons[0]).toEqual({
      kind: "BECAUSE_YOU_LIKED",
      text: "Because you liked Heat",
      refersTo: heatSeed.key,
      words: { say: "becauseYouLiked", title: "Heat" },
    });
  });

  it("cold start ranks top-rated titles of the liked genres first", () => {
    const cands = catalogue.slice();
    const recs = rankRecommendations(input(profile({ likedGenreIds: [G.crime] }), cands, 10));
    expect(recs).toHaveLength(10);
    for (const r of recs.slice(0, 8)) expect(r.candidate.genreIds).toContain(G.crime);
    // a very well rated, well known crime title beats the mediocre crime title and a better-rated non-crime one
    const crime = cands.filter((c) => c.genreIds.includes(G.crime));
    const best = crime.reduce((a, b) => (bayesianRating(b.voteAverage, b.voteCount) > bayesianRating(a.voteAverage, a.voteCount) ? b : a));
    expect(keys(recs)).toContain(best.key);
    const wr = (c: CandidateTitle) => bayesianRating(c.voteAverage, c.voteCount);
    const meanWr = (rs: CandidateTitle[]) => rs.reduce((a, c) => a + wr(c), 0) / rs.length;
    expect(meanWr(recs.map((r) => r.candidate))).toBeGreaterThan(meanWr(crime) + 0.8);
    expect(recs[0]!.reasons.some((r) => r.kind === "GENRE" && r.refersTo === `genre:${G.crime}`)).toBe(true);
    expect(recs.every((r) => r.components.similarity === 0 && r.components.people === 0 && r.components.collaborative === 0)).toBe(true);
    // knowing nothing at all: well-rated, well-known titles, and no claim about what the person likes
    const blank = rankRecommendations(input(profile(), cands, 10));
    expect(meanWr(blank.map((r) => r.candidate))).toBeGreaterThan(meanWr(cands) + 0.8);
    for (const r of blank) {
      expect(r.reasons.length).toBeGreaterThan(0);
      expect(r.reasons.some((x) => x.text.startsWith("Because you like"))).toBe(false);
    }
  });

  it("is deterministic and independent of candidate order", () => {
    const p = fanOf("action", 10, [G.action]);
    const { candidates, seeds, neighbours } = withNeighbours(catalogue, p.seeds, 200, 10);
    const inp = { ...input({ ...p, seeds }, candidates, 20), neighbours };
    const a = rankRecommendations(inp);
    const b = rankRecommendations(inp);
    expect(b).toEqual(a);
    const reversed = rankRecommendations({ ...inp, candidates: [...candidates].reverse() });
    expect(keys(reversed)).toEqual(keys(a));
    reversed.forEach((r, i) => expect(r.score).toBeCloseTo(a[i]!.score, 12));
  });

  it("is personal, not popularity in disguise", () => {
    for (const arch of ["horror", "documentary", "romcom"]) {
      const p = fanOf(arch, 12);
      const { candidates, seeds, neighbours } = withNeighbours(catalogue, p.seeds, 300, 12);
      const recs = rankRecommendations({ ...input({ ...p, seeds }, candidates, 10), neighbours });
      const popular = [...candidates]
        .sort((x, y) => y.popularity - x.popularity)
        .slice(0, 10)
        .map((c) => c.key);
      expect(keys(recs)).not.toEqual(popular);
      expect(keys(recs).filter((k) => popular.includes(k)).length).toBeLessThanOrEqual(3);
      const medianPop = (cs: CandidateTitle[]) => [...cs].map((c) => c.popularity).sort((x, y) => x - y)[cs.length >> 1]!;
      expect(medianPop(recs.map((r) => r.candidate))).toBeLessThan(medianPop(candidates.filter((c) => popular.includes(c.key))));
    }
  });

  it("respects limit, excludes the seeds themselves and keeps scores in [0, 1]", () => {
    const p = fanOf("drama", 10);
    const recs = rankRecommendations(input(p, catalogue, 25)); // candidates still include the seeds
    expect(recs).toHaveLength(25);
    const seedKeys = new Set(p.seeds.map((s) => s.key));
    for (const r of recs) {
      expect(seedKeys.has(r.candidate.key)).toBe(false);
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(1);
      for (const v of Object.values(r.components)) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }
    }
    expect(new Set(keys(recs)).size).toBe(25);
    expect(rankRecommendations(input(p, catalogue.slice(0, 5), 10)).length).toBeLessThanOrEqual(5);
    expect(rankRecommendations(input(p, catalogue, 0))).toEqual([]);
    expect(rankRecommendations(input(profile(), [], 10))).toEqual([]);
  });

  it("copes with titles that have no details yet (no keywords, no credits, no votes)", () => {
    const p = fanOf("horror", 8, [G.horror]);
    const bare = without(catalogue, p.seeds).map((c) => ({ ...c, keywordIds: [], castIds: [], directorIds: [], voteAverage: null, voteCount: null }));
    const recs = rankRecommendations(input(p, bare, 10));
    expect(recs).toHaveLength(10);
    for (const r of recs) expect(r.reasons.length).toBeGreaterThan(0);
    expect(recs.filter((r) => hasAny(r.candidate, [G.horror, G.thriller, G.mystery])).length).toBeGreaterThanOrEqual(8);
  });

  it("ranks 2,000 candidates against 200 seeds into a full page of distinct, explained titles", () => {
    const pool = makeTitles(2200, { seed: 3, firstId: 50_000 });
    const seeds = pool.slice(0, 200).map((c, i) => asSeed(c, i % 3 === 0 ? 0.4 : 1, i));
    const cands = pool.slice(200);
    const neighbours = new Map(
      seeds.map((s, k) => [
        s.key,
        {
          keys: cands
            .filter((_, i) => (i + k) % 17 === 0)
            .slice(0, 100)
            .map((c) => c.key),
          weights: Array.from({ length: 100 }, (_, n) => 1 / (n + 1)),
        },
      ]),
    );
    const recs = rankRecommendations({ ...input(profile({ seeds, likedGenreIds: [G.crime, G.action] }), cands, 20), neighbours });
    expect(recs).toHaveLength(20);
    expect(new Set(keys(recs)).size).toBe(20);
    for (const r of recs) expect(r.reasons.length).toBeGreaterThan(0);
    // (how fast: bench/recommendations-latency.ts)
  });
});
