import { describe, expect, it } from "vitest";
import { mulberry32 } from "./ranking.fixtures.ts";
import { bestCollaborativeKeys, type CollaborativeScore } from "./collaborative.ts";

describe("bestCollaborativeKeys", () => {
  it("gives the best-scored keys in order, ties by key, exactly as sorting everything would", () => {
    const random = mulberry32(3);
    const scores = new Map<string, CollaborativeScore>();
    // Scores on a coarse grid (many ties) and some negative (EASE's negative neighbours).
    for (let i = 0; i < 2_000; i++) scores.set(`movie:${Math.floor(random() * 1e6)}`, { score: Math.round((random() - 0.2) * 40) / 10, topSeed: "movie:1", topContribution: 0 });
    const sorted = [...scores].sort((a, b) => b[1].score - a[1].score || (a[0] < b[0] ? -1 : 1)).map(([key]) => key);
    for (const limit of [0, 1, 7, 600, scores.size, scores.size + 5]) expect(bestCollaborativeKeys(scores, limit)).toEqual(sorted.slice(0, limit));
  });
});
