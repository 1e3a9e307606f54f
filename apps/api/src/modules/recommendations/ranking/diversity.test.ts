// The diversity re-rank: per-seed caps, genre variety, page-size independence, and the lazy MMR
// against the eager greedy.
import { describe, expect, it } from "vitest";
import { diversify, DIVERSITY_BLOCK, DIVERSITY_POOL, itemSimilarity, maxPerSeed } from "./diversity.ts";
import { rankRecommendations } from "./rank.ts";
import { scoreCandidates, type ScoredCandidate } from "./score-candidates.ts";
import type { CandidateTitle, RankedRecommendation } from "./types.ts";
import { G, asSeed, byArch, catalogue, fanOf, input, keys, profile, without } from "./fixtures.ts";

describe("diversify", () => {
  it("diversifies: caps items per seed and does not fill the top 10 with one genre when alternatives exist", () => {
    // one dominant favourite with 30 near-clones in the pool, plus a broader taste
    const heat = byArch("crime")[0]!;
    const clones = Array.from(
      { length: 30 },
      (_, i): CandidateTitle => ({ ...heat, key: `movie:93${1000 + i}`, tmdbId: 931000 + i, title: `Heat clone ${i}`, popularity: heat.popularity + i }),
    );
    const others = [...byArch("crime").slice(1, 4), ...byArch("romcom").slice(0, 4), ...byArch("action").slice(0, 4)];
    const p = profile({ seeds: [asSeed(heat), ...others.map((c) => asSeed(c, 0.7))], likedGenreIds: [G.crime] });
    const inp = input(p, [...clones, ...without(catalogue, p.seeds)], 10);
    const recs = rankRecommendations(inp);
    expect(recs).toHaveLength(10);
    const perSeed = new Map<string, number>();
    for (const r of recs) {
      const first = r.reasons.find((x) => x.kind === "BECAUSE_YOU_LIKED" || x.kind === "PEOPLE_ALSO_LIKED");
      if (first?.refersTo) perSeed.set(first.refersTo, (perSeed.get(first.refersTo) ?? 0) + 1);
    }
    for (const n of perSeed.values()) expect(n).toBeLessThanOrEqual(maxPerSeed());
    expect(recs.filter((r) => r.candidate.title.startsWith("Heat clone")).length).toBeLessThanOrEqual(maxPerSeed());
    // without the re-rank the page would be (almost) all clones of one crime title
    const plain = scoreCandidates(inp)
      .items.sort((a, b) => b.score - a.score)
      .slice(0, 10);
    expect(plain.filter((s) => s.candidate.title.startsWith("Heat clone")).length).toBeGreaterThanOrEqual(8);
    // genre variety on the page
    const sets = new Set(recs.map((r) => [...r.candidate.genreIds].sort().join(",")));
    expect(sets.size).toBeGreaterThanOrEqual(3);
    expect(recs.some((r) => !r.candidate.genreIds.includes(G.crime))).toBe(true);
  });

  it("MMR breaks up a single-genre page when other liked genres have good titles", () => {
    const p = profile({ seeds: [...byArch("crime").slice(0, 8), ...byArch("romcom").slice(0, 3)].map((c) => asSeed(c)), likedGenreIds: [G.crime, G.comedy] });
    const inp = input(p, without(catalogue, p.seeds), 10);
    const noMmr = rankRecommendations(inp, { mmrLambda: 1 });
    const mmr = rankRecommendations(inp);
    const crimeShare = (rs: RankedRecommendation[]) => rs.filter((r) => r.candidate.genreIds.includes(G.crime)).length;
    expect(crimeShare(mmr)).toBeLessThan(10);
    expect(crimeShare(mmr)).toBeLessThanOrEqual(crimeShare(noMmr));
    const distinct = (rs: RankedRecommendation[]) => new Set(rs.map((r) => [...r.candidate.genreIds].sort().join(","))).size;
    expect(distinct(mmr)).toBeGreaterThanOrEqual(distinct(noMmr));
    expect(distinct(mmr)).toBeGreaterThanOrEqual(3);
  });

  it("never lets the page size change the list: the first n of any longer list are the same n", () => {
    // Two seeds' worth of strong candidates, so the per-seed cap of the re-rank binds.
    const p = fanOf("crime", 2, [G.crime]);
    const [a, b] = p.seeds;
    const cands = without(catalogue, p.seeds).slice(0, 400);
    const neighbours = new Map([
      [a!.key, { keys: cands.slice(0, 60).map((c) => c.key), weights: cands.slice(0, 60).map((_, n) => 1 - n / 100) }],
      [b!.key, { keys: cands.slice(60, 90).map((c) => c.key), weights: cands.slice(60, 90).map((_, n) => 0.3 - n / 300) }],
    ]);
    const inp = { ...input(p, cands, 10), neighbours };
    const full = keys(rankRecommendations({ ...inp, limit: 120 }));
    for (const limit of [1, 5, 10, 11, 20, 21, 50]) expect(keys(rankRecommendations({ ...inp, limit }))).toEqual(full.slice(0, limit));
  });

  it("the lazy MMR re-rank picks exactly what the eager greedy picks", () => {
    // The eager greedy, written plainly: every step values every item left in the pool.
    const eager = (scored: ScoredCandidate[], limit: number, lambda: number, attribute: (s: ScoredCandidate) => string[]) => {
      const pool = [...scored]
        .sort((a, b) => b.score - a.score || b.candidate.popularity - a.candidate.popularity || (a.candidate.key < b.candidate.key ? -1 : 1))
        .slice(0, DIVERSITY_POOL);
      const top = Math.max(pool[0]!.score, 1e-9);
      const out: ScoredCandidate[] = [];
      let perSeed = new Map<string, number>();
      while (out.length < Math.min(limit, pool.length)) {
        if (out.length % DIVERSITY_BLOCK === 0) perSeed = new Map();
        const left = pool.filter((s) => !out.includes(s));
        const value = (s: ScoredCandidate) =>
          lambda * (s.score / top) - (1 - lambda) * Math.max(0, ...out.map((o) => itemSimilarity(s.candidate, o.candidate)));
        const capped = (s: ScoredCandidate) => attribute(s).some((k) => (perSeed.get(k) ?? 0) >= maxPerSeed());
        const best = (items: ScoredCandidate[]) =>
          items.reduce<ScoredCandidate | undefined>((b, s) => (b === undefined || value(s) > value(b) ? s : b), undefined);
        const pick = best(left.filter((s) => !capped(s))) ?? best(left)!;
        out.push(pick);
        for (const k of attribute(pick)) perSeed.set(k, (perSeed.get(k) ?? 0) + 1);
      }
      return out;
    };
    const attribute = (s: ScoredCandidate) => (s.similarSeed >= 0 && s.similarSeedSim >= 0.35 ? [`seed#${s.similarSeed}`] : []);
    for (const [arch, n] of [
      ["crime", 3],
      ["romcom", 12],
      ["action", 30],
    ] as const) {
      const p = fanOf(arch, n);
      const { items } = scoreCandidates(input(p, without(catalogue, p.seeds), 10));
      for (const lambda of [0.5, 0.8, 0.9, 1]) {
        const lazy = diversify(items, 45, lambda, attribute).map((s) => s.candidate.key);
        expect(lazy).toEqual(eager(items, 45, lambda, attribute).map((s) => s.candidate.key));
      }
    }
  });
});
