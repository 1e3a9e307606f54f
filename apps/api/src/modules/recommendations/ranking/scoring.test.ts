// Signals, weights and the scoring of single components.
import { describe, expect, it } from "vitest";
import { bayesianRating, formatCount, qualityScore } from "./signals.ts";
import { SeedSimilarity } from "./content-similarity.ts";
import { compareScored, scoreCandidates } from "./score-candidates.ts";
import { buildSeedIndex } from "./taste-profile.ts";
import type { CandidateTitle } from "./types.ts";
import { BLENDED_WEIGHTS, blendWeights, COLLABORATIVE_SHARE, CONTENT_WEIGHTS, type RankingWeights } from "./weights.ts";
import { G, NOW, catalogue, fanOf, input, withNeighbours, without } from "./fixtures.ts";

describe("signals and weights", () => {
  it("Bayesian weighted rating shrinks small vote counts towards C = 6.0", () => {
    expect(bayesianRating(null, null)).toBe(6);
    expect(bayesianRating(9, 0)).toBe(6);
    expect(bayesianRating(9, 25)).toBeCloseTo(7.5, 10); // half data, half prior
    expect(bayesianRating(8.4, 12_000)).toBeCloseTo(8.395, 3);
    expect(qualityScore(null, null)).toBeCloseTo(0.375, 10);
    expect(qualityScore(9.5, 100_000)).toBe(1);
    expect(qualityScore(2, 100_000)).toBe(0);
  });

  it("formats vote counts with thousands separators", () => {
    expect(formatCount(12_000)).toBe("12,000");
    expect(formatCount(999)).toBe("999");
    expect(formatCount(1_234_567)).toBe("1,234,567");
  });

  it("weights sum to 1; collaborative takes its share proportionally from content", () => {
    const sum = (w: RankingWeights) => Object.values(w).reduce((a, b) => a + b, 0);
    expect(sum(CONTENT_WEIGHTS)).toBeCloseTo(1, 10);
    expect(sum(BLENDED_WEIGHTS)).toBeCloseTo(1, 10);
    expect(BLENDED_WEIGHTS.collaborative).toBeCloseTo(COLLABORATIVE_SHARE, 10);
    expect(BLENDED_WEIGHTS.genre / BLENDED_WEIGHTS.quality).toBeCloseTo(CONTENT_WEIGHTS.genre / CONTENT_WEIGHTS.quality, 10);
    expect(blendWeights(0).collaborative).toBe(0);
    // popularity is a weak prior
    expect(CONTENT_WEIGHTS.popularity).toBeLessThanOrEqual(0.1);
    expect(BLENDED_WEIGHTS.popularity).toBeLessThan(BLENDED_WEIGHTS.genre / 3);
  });
});

describe("scoreCandidates", () => {
  it("gives a new release the model has not learnt yet the pool's mean collaborative score, and an old unknown title none", () => {
    const p = fanOf("action", 10);
    const base = without(catalogue, p.seeds).find((c) => c.genreIds.includes(G.action)) as CandidateTitle;
    const known: CandidateTitle = { ...base, key: "movie:910001", tmdbId: 910001, releaseYear: 1999 };
    const knownToo: CandidateTitle = { ...base, key: "movie:910004", tmdbId: 910004, releaseYear: 1999 };
    const newRelease: CandidateTitle = { ...base, key: "movie:910002", tmdbId: 910002, releaseYear: NOW.getUTCFullYear(), inModel: false };
    const oldUnknown: CandidateTitle = { ...base, key: "movie:910003", tmdbId: 910003, releaseYear: 1980, inModel: false };
    const neighbours = new Map([[p.seeds[0]!.key, { keys: [known.key, knownToo.key], weights: [0.4, 0.2] }]]);
    const { items } = scoreCandidates({ ...input(p, [known, knownToo, newRelease, oldUnknown], 4), neighbours });
    const collab = (key: string) => items.find((s) => s.candidate.key === key)!.components.collaborative;
    expect(collab(known.key)).toBe(1);
    expect(collab(knownToo.key)).toBeCloseTo(0.5, 9);
    expect(collab(newRelease.key)).toBeCloseTo(0.75, 9);
    expect(collab(oldUnknown.key)).toBe(0);
  });
});

describe("scoring only what can reach the top", () => {
  const cases = () =>
    ["crime", "romcom", "action"].map((arch, k) => {
      const p = fanOf(arch, [3, 12, 40][k]!);
      const { candidates, seeds, neighbours } = withNeighbours(catalogue, p.seeds, 200, 10, 5 + k);
      return { ...input({ ...p, seeds, dislikedGenreIds: k === 1 ? [G.horror] : [] }, candidates, 20), neighbours };
    });

  it("gives exactly the best N of a full scoring, scoring fewer", () => {
    for (const inp of cases()) {
      const full = scoreCandidates(inp).items.sort(compareScored);
      for (const best of [1, 25, 100]) {
        const pruned = scoreCandidates(inp, {}, best).items.sort(compareScored);
        expect(pruned.length).toBeLessThan(full.length);
        expect(pruned.slice(0, best)).toEqual(full.slice(0, best));
      }
    }
  });

  it("bounds each candidate's similarity to the seeds from above", () => {
    for (const inp of cases()) {
      const seedIdx = buildSeedIndex(inp.profile.seeds, inp.now);
      const similarity = new SeedSimilarity(seedIdx);
      let below = 0;
      for (const c of inp.candidates) {
        const f = { genres: c.genreIds, keywords: c.keywordIds, cast: c.castIds.slice(0, 10), directors: c.directorIds };
        const bound = similarity.upperBound(f);
        expect(similarity.of(c, f).similarity).toBeLessThanOrEqual(bound);
        if (bound < 1) below++;
      }
      expect(below).toBeGreaterThan(0);
    }
  });
});
