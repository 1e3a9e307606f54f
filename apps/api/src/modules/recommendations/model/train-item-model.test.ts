import { describe, expect, it } from "vitest";
import { mulberry32 } from "@movierec/tmdb-catalogue";
import { trainItemModel, type InteractionData, type ItemModelConfig, type TrainedItemModel } from "./train-item-model.ts";

type Entry = readonly [user: number, item: number, value: number];

function interactions(entries: readonly Entry[], itemCount: number): InteractionData {
  return {
    userCount: Math.max(0, ...entries.map(([user]) => user + 1)),
    itemKeys: Array.from({ length: itemCount }, (_, item) => `movie:${item}`),
    user: Int32Array.from(entries, ([user]) => user),
    item: Int32Array.from(entries, ([, item]) => item),
    value: Float32Array.from(entries, ([, , value]) => value),
    length: entries.length,
  };
}

/** Every user picks each of `items` with probability `density`, values from {0.5, 1, 2}. */
function randomEntries(options: { seed: number; users: number; items: readonly number[]; density: number; firstUser?: number }): Entry[] {
  const random = mulberry32(options.seed);
  const entries: Entry[] = [];
  for (let u = 0; u < options.users; u++) {
    for (const item of options.items)
      if (random() < options.density) entries.push([(options.firstUser ?? 0) + u, item, [0.5, 1, 2][Math.floor(random() * 3)]!]);
  }
  return entries;
}

const config = (overrides: Partial<ItemModelConfig>): ItemModelConfig => ({
  neighbours: 10,
  negativeNeighbours: 0,
  minSupport: 1,
  denseMaxItems: 100,
  lambda: 5,
  knnShrink: 0,
  ...overrides,
});
const listOf = (model: TrainedItemModel, item: number) => model.lists.find((list) => list.item === item);
const neighboursOf = (model: TrainedItemModel, item: number) => [...(listOf(model, item)?.neighbours ?? [])];

/** B = −P_ij / P_jj with P = (XᵀX + λI)⁻¹, by the book: a dense X and Gauss–Jordan elimination. */
function referenceEase(entries: readonly Entry[], items: number[], lambda: number): number[][] {
  const users = Math.max(...entries.map(([user]) => user)) + 1;
  const x = Array.from({ length: users }, () => items.map(() => 0));
  for (const [user, item, value] of entries) x[user]![items.indexOf(item)]! += value;
  const n = items.length;
  const g = items.map((_, a) => items.map((_, b) => x.reduce((sum, row) => sum + row[a]! * row[b]!, a === b ? lambda : 0)));
  const p = items.map((_, a) => items.map((_, b) => (a === b ? 1 : 0)));
  for (let col = 0; col < n; col++) {
    const pivot = g[col]![col]!;
    for (let k = 0; k < n; k++) (g[col]![k]! /= pivot), (p[col]![k]! /= pivot);
    for (let row = 0; row < n; row++) {
      if (row === col) continue;
      const factor = g[row]![col]!;
      for (let k = 0; k < n; k++) (g[row]![k]! -= factor * g[col]![k]!), (p[row]![k]! -= factor * p[col]![k]!);
    }
  }
  return p.map((row, i) => row.map((value, j) => (i === j ? 0 : -value / p[j]![j]!)));
}

/** Σ_u x_ui·x_uj / (‖x_i‖·‖x_j‖ + shrink), straight from the entries. */
function referenceCosine(entries: readonly Entry[], i: number, j: number, shrink: number): number {
  const column = (item: number) => new Map(entries.filter(([, it]) => it === item).map(([user, , value]) => [user, value]));
  const a = column(i),
    b = column(j);
  let dot = 0;
  for (const [user, value] of a) dot += value * (b.get(user) ?? 0);
  const norm = (m: Map<number, number>) => Math.sqrt([...m.values()].reduce((sum, v) => sum + v * v, 0));
  return dot / (norm(a) * norm(b) + shrink);
}

function expectWeightsDescendingAndPositive(model: TrainedItemModel): void {
  for (const list of model.lists) {
    expect(list.neighbours.length).toBe(list.weights.length);
    list.weights.forEach((w, k) => {
      expect(w).toBeGreaterThan(0);
      if (k > 0) expect(w).toBeLessThanOrEqual(list.weights[k - 1]!);
    });
    expect(list.neighbours).not.toContain(list.item);
  }
}

describe("trainItemModel", () => {
  const groupA = [0, 1, 2, 3, 4, 5];
  const groupB = [6, 7, 8, 9, 10, 11];
  const twoGroups = [
    ...randomEntries({ seed: 1, users: 30, items: groupA, density: 0.6 }),
    ...randomEntries({ seed: 2, users: 30, items: groupB, density: 0.6, firstUser: 30 }),
  ];

  it.each([
    ["all EASE", 100],
    ["EASE and kNN", 5],
    ["all kNN", 0],
  ])("keeps two disjoint taste groups apart (%s)", (_, denseMaxItems) => {
    const model = trainItemModel(interactions(twoGroups, 12), config({ denseMaxItems }));
    expect(model.lists).toHaveLength(12);
    for (const list of model.lists) {
      const group = groupA.includes(list.item) ? groupA : groupB;
      expect(list.neighbours.length).toBeGreaterThan(0);
      for (const neighbour of list.neighbours) expect(group).toContain(neighbour);
    }
    expectWeightsDescendingAndPositive(model);
  });

  it("gives EASE weights equal to a direct computation of B = −P_ij / P_jj", () => {
    const items = [0, 1, 2, 3, 4, 5, 6, 7];
    const entries = randomEntries({ seed: 3, users: 40, items, density: 0.45 });
    const lambda = 3;
    const model = trainItemModel(interactions(entries, 8), config({ lambda, neighbours: 7 }));
    const b = referenceEase(entries, items, lambda);
    expect(model.stats).toMatchObject({ denseItems: 8, tailItems: 0 });
    for (const i of items) {
      const expected = items.filter((j) => b[i]![j]! > 0).sort((j, k) => b[i]![k]! - b[i]![j]!);
      const list = listOf(model, i)!;
      expect([...list.neighbours]).toEqual(expected);
      list.weights.forEach((w, k) => expect(w).toBeCloseTo(b[i]![expected[k]!]!, 6));
    }
  });

  it("keeps EASE's most negative weights after the positive ones when asked, still in descending order", () => {
    const items = [0, 1, 2, 3, 4, 5, 6, 7];
    const entries = randomEntries({ seed: 5, users: 40, items, density: 0.45 });
    const lambda = 3;
    const model = trainItemModel(interactions(entries, 8), config({ lambda, neighbours: 2, negativeNeighbours: 2 }));
    const b = referenceEase(entries, items, lambda);
    let negatives = 0;
    for (const i of items) {
      const others = items.filter((j) => j !== i);
      const positive = others
        .filter((j) => b[i]![j]! > 0)
        .sort((j, k) => b[i]![k]! - b[i]![j]!)
        .slice(0, 2);
      const negative = others
        .filter((j) => b[i]![j]! < 0)
        .sort((j, k) => b[i]![j]! - b[i]![k]!)
        .slice(0, 2)
        .reverse();
      const list = listOf(model, i)!;
      expect([...list.neighbours]).toEqual([...positive, ...negative]);
      list.weights.forEach((w, k) => expect(w).toBeCloseTo(b[i]![[...positive, ...negative][k]!]!, 6));
      negatives += negative.length;
    }
    expect(negatives).toBeGreaterThan(0);
  });

  it("puts the most-supported titles into EASE", () => {
    // Title 0 has 3 people, titles 1–4 about 20 each: with room for 4, EASE gets titles 1–4.
    const entries: Entry[] = [...randomEntries({ seed: 5, users: 40, items: [1, 2, 3, 4], density: 0.5 }), [0, 0, 1], [1, 0, 1], [2, 0, 1]];
    const model = trainItemModel(interactions(entries, 5), config({ denseMaxItems: 4, neighbours: 1 }));
    const b = referenceEase(entries, [1, 2, 3, 4], 5);
    expect(model.stats).toMatchObject({ denseItems: 4, tailItems: 1 });
    for (const i of [1, 2, 3, 4]) expect(listOf(model, i)!.weights[0]).toBeCloseTo(Math.max(...b[i - 1]!), 6);
  });

  it("keeps the K largest weights only", () => {
    const model = trainItemModel(interactions(twoGroups, 12), config({ neighbours: 2 }));
    const full = trainItemModel(interactions(twoGroups, 12), config({ neighbours: 10 }));
    for (const list of model.lists) expect([...list.neighbours]).toEqual(neighboursOf(full, list.item).slice(0, 2));
  });

  it("drops titles with less support than minSupport, as lists and as neighbours", () => {
    // Title 12 is shared by two people of group A only.
    const entries: Entry[] = [...twoGroups, [0, 12, 1], [1, 12, 1]];
    for (const denseMaxItems of [100, 0]) {
      const kept = trainItemModel(interactions(entries, 13), config({ minSupport: 2, denseMaxItems }));
      expect(listOf(kept, 12)).toBeDefined();
      expect(kept.lists.some((list) => list.neighbours.includes(12))).toBe(true);
      const dropped = trainItemModel(interactions(entries, 13), config({ minSupport: 3, denseMaxItems }));
      expect(listOf(dropped, 12)).toBeUndefined();
      expect(dropped.lists.some((list) => list.neighbours.includes(12))).toBe(false);
      expect(dropped.stats.denseItems + dropped.stats.tailItems).toBe(12);
    }
  });

  it("shrinks kNN weights of pairs that few people share", () => {
    // Titles 0 and 1: the same 3 people. Titles 2 and 3: the same 30 people. Both pairs have cosine 1.
    const entries: Entry[] = [];
    for (let u = 0; u < 3; u++) entries.push([u, 0, 1], [u, 1, 1]);
    for (let u = 3; u < 33; u++) entries.push([u, 2, 1], [u, 3, 1]);
    const weight = (shrink: number, item: number) =>
      listOf(trainItemModel(interactions(entries, 4), config({ denseMaxItems: 0, knnShrink: shrink })), item)!.weights[0]!;
    expect(weight(0, 0)).toBeCloseTo(1, 6);
    expect(weight(0, 2)).toBeCloseTo(1, 6);
    expect(weight(20, 0)).toBeCloseTo(3 / 23, 6);
    expect(weight(20, 2)).toBeCloseTo(30 / 50, 6);
  });

  it("tops up short EASE lists with tail titles, on EASE's scale", () => {
    // Titles 0–3 are popular (dense); title 4 (the tail) is shared by five people who also have title 0.
    const entries: Entry[] = randomEntries({ seed: 4, users: 60, items: [0, 1, 2, 3], density: 0.5 });
    for (let u = 0; u < 5; u++) if (!entries.some(([user, item]) => user === u && item === 0)) entries.push([u, 0, 1]);
    for (let u = 0; u < 5; u++) entries.push([u, 4, 1]);
    const shrink = 2;
    const model = trainItemModel(interactions(entries, 5), config({ denseMaxItems: 4, knnShrink: shrink, lambda: 5 }));
    expect(model.stats).toMatchObject({ denseItems: 4, tailItems: 1 });
    expectWeightsDescendingAndPositive(model);

    // The factor that puts kNN weights on EASE's scale: mean top-1 EASE over mean top-1 kNN, dense titles.
    const b = referenceEase(entries, [0, 1, 2, 3], 5);
    const cosine = (i: number, j: number) => referenceCosine(entries, i, j, shrink);
    const easeTop1 = [0, 1, 2, 3].map((i) => Math.max(...b[i]!));
    const knnTop1 = [0, 1, 2, 3].map((i) => Math.max(...[0, 1, 2, 3, 4].filter((j) => j !== i).map((j) => cosine(i, j))));
    const scale = easeTop1.reduce((s, w) => s + w, 0) / knnTop1.reduce((s, w) => s + w, 0);

    const list = listOf(model, 0)!;
    const at = list.neighbours.indexOf(4);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(list.weights[at]).toBeCloseTo(scale * cosine(0, 4), 6);
    // The EASE part of the list is untouched: exactly the positive B_0j.
    expect(
      neighboursOf(model, 0)
        .filter((j) => j !== 4)
        .sort(),
    ).toEqual([1, 2, 3].filter((j) => b[0]![j]! > 0));
    // Title 4's own list is kNN over every eligible title, on the same scale.
    const tail = listOf(model, 4)!;
    expect(tail.neighbours[0]).toBe(0);
    expect(tail.weights[0]).toBeCloseTo(scale * cosine(4, 0), 6);
  });

  it("is deterministic: entry order does not matter, and equal weights go to the lower title", () => {
    const random = mulberry32(9);
    const shuffled = twoGroups
      .map((entry) => [random(), entry] as const)
      .sort((a, b) => a[0] - b[0])
      .map(([, entry]) => entry);
    for (const denseMaxItems of [100, 5, 0]) {
      const a = trainItemModel(interactions(twoGroups, 12), config({ denseMaxItems }));
      const b = trainItemModel(interactions(shuffled, 12), config({ denseMaxItems }));
      expect(b.lists).toEqual(a.lists);
    }
    // Three titles everybody has: every pair has the same weight.
    const same: Entry[] = [];
    for (let u = 0; u < 5; u++) same.push([u, 2, 1], [u, 1, 1], [u, 0, 1]);
    const model = trainItemModel(interactions(same, 3), config({ denseMaxItems: 0 }));
    expect(model.lists.map((list) => [...list.neighbours])).toEqual([
      [1, 2],
      [0, 2],
      [0, 1],
    ]);
    // A tie at the last place kept: title 0 meets title 2 first (person 0) and title 1 later, at the same weight.
    const tie: Entry[] = [
      [0, 0, 1],
      [0, 2, 1],
      [1, 0, 1],
      [1, 1, 1],
      [2, 1, 1],
      [3, 2, 1],
    ];
    expect(neighboursOf(trainItemModel(interactions(tie, 3), config({ denseMaxItems: 0, neighbours: 1 })), 0)).toEqual([1]);
  });

  it("sums duplicate entries and ignores non-positive values", () => {
    const duplicated: Entry[] = twoGroups.flatMap(
      ([user, item, value]) =>
        [
          [user, item, value / 2],
          [user, item, value / 2],
          [user, item, 0],
        ] as Entry[],
    );
    const a = trainItemModel(interactions(twoGroups, 12), config({ denseMaxItems: 5 }));
    const b = trainItemModel(interactions(duplicated, 12), config({ denseMaxItems: 5 }));
    expect(b.lists).toEqual(a.lists);
    expect(b.stats.interactions).toBe(twoGroups.length);
  });
});
