import { describe, expect, it } from "vitest";
import { mulberry32 } from "./ranking/fixtures.ts";
import { bestCollaborativeKeys, collaborativeScores, CollaborativeScores } from "./collaborative.ts";

describe("bestCollaborativeKeys", () => {
  it("gives the best-scored keys in order, ties by key, exactly as sorting everything would", () => {
    const random = mulberry32(3);
    const scores = new CollaborativeScores(["movie:1"], 2_000);
    // Scores on a coarse grid (many ties) and some negative (EASE's negative neighbours); a key may come twice.
    for (let i = 0; i < 2_000; i++) scores.add(`movie:${Math.floor(random() * 1e4)}`, 0, Math.round((random() - 0.2) * 40) / 10);
    const sorted = scores.keys
      .map((key) => [key, scores.get(key)!.score] as const)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([key]) => key);
    for (const limit of [0, 1, 7, 600, scores.size, scores.size + 5]) expect(bestCollaborativeKeys(scores, limit)).toEqual(sorted.slice(0, limit));
  });
});

describe("collaborativeScores", () => {
  it("sums weight × neighbour weight per title, names the seed that gave most (ties: the earlier), and skips seeds and unweighted seeds", () => {
    const random = mulberry32(11);
    const titles = Array.from({ length: 60 }, (_, i) => `movie:${i}`);
    const seeds = titles.slice(0, 8).map((key, i) => ({ key, weight: i === 3 ? 0 : Math.round(random() * 4) / 4 }));
    const neighbours = new Map(
      seeds.map((seed) => [seed.key, { keys: titles.filter(() => random() < 0.5), weights: titles.map(() => Math.round((random() - 0.3) * 8) / 8) }]),
    );
    const scores = collaborativeScores(seeds, neighbours);
    // The reference: every (seed, neighbour) pair, in order.
    const expected = new Map<string, { score: number; topSeed: string; topContribution: number }>();
    for (const seed of seeds) {
      const list = neighbours.get(seed.key)!;
      if (!(seed.weight > 0)) continue;
      list.keys.forEach((key, n) => {
        if (seeds.some((s) => s.key === key)) return;
        const contribution = seed.weight * list.weights[n]!;
        const entry = expected.get(key);
        if (!entry) expected.set(key, { score: contribution, topSeed: seed.key, topContribution: contribution });
        else {
          entry.score += contribution;
          if (contribution > entry.topContribution) Object.assign(entry, { topSeed: seed.key, topContribution: contribution });
        }
      });
    }
    expect(scores.size).toBe(expected.size);
    for (const [key, entry] of expected) {
      const got = scores.get(key)!;
      expect(got.score).toBeCloseTo(entry.score, 12);
      expect(got.topSeed).toBe(entry.topSeed);
    }
    expect(scores.get(seeds[0]!.key)).toBeUndefined();
  });
});

describe("collaborativeScores with the model's numbering", () => {
  it("gives what hashing keys gives, with some lists and titles unnumbered", () => {
    const random = mulberry32(23);
    const titles = Array.from({ length: 300 }, (_, i) => `movie:${i}`);
    // Titles 0–249 are numbered (shuffled); 250–299 are not (the catalogue knew them after the lists were read).
    const ids = new Map(titles.slice(0, 250).map((key, i) => [key, (i * 37) % 250]));
    const seeds = titles.slice(0, 30).map((key) => ({ key, weight: 0.2 + random() }));
    seeds.push({ key: "movie:270", weight: 1 });
    const neighbours = new Map(
      seeds.map((seed, s) => {
        const keys = titles.filter(() => random() < 0.3);
        const list = { keys, weights: keys.map(() => random() - 0.3), ids: undefined as Int32Array | undefined };
        if (s % 4 !== 0) list.ids = Int32Array.from(keys, (key) => ids.get(key) ?? -1);
        return [seed.key, list];
      }),
    );
    const hashed = collaborativeScores(seeds, neighbours);
    const numbered = collaborativeScores(seeds, neighbours, ids);
    expect(numbered.size).toBe(hashed.size);
    for (const key of titles) expect(numbered.get(key)).toEqual(hashed.get(key));
    expect(numbered.get("movie:270")).toBeUndefined();
    expect(bestCollaborativeKeys(numbered, 100)).toEqual(bestCollaborativeKeys(hashed, 100));
  });
});
