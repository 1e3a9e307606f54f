import { describe, expect, it } from "vitest";
import {
  bootstrapInterval,
  compare,
  coverage,
  coverageInterval,
  evaluate,
  hitRate,
  meanInterval,
  ndcg,
  pairedDifference,
  recall,
  type Evaluation,
} from "./quality-metrics.ts";

describe("per-person metrics", () => {
  const ranked = [5, 1, 7, 3, 9];

  it("hit rate is 1 when any test film is in the top k", () => {
    expect(hitRate(ranked, [3], 4)).toBe(1);
    expect(hitRate(ranked, [3], 3)).toBe(0);
    expect(hitRate(ranked, [42, 9], 5)).toBe(1);
  });

  it("recall is the share of test films found in the top k", () => {
    expect(recall(ranked, [1, 9, 42, 43], 5)).toBe(0.5);
    expect(recall(ranked, [1, 9, 42, 43], 2)).toBe(0.25);
  });

  it("NDCG discounts a hit at rank r by log2(r + 1) and divides by the ideal over min(|test|, k)", () => {
    // Hits at ranks 2 and 4; two test films, so the ideal is ranks 1 and 2.
    expect(ndcg(ranked, [1, 3], 5)).toBeCloseTo((1 / Math.log2(3) + 1 / Math.log2(5)) / (1 + 1 / Math.log2(3)), 12);
    // Three test films but k = 2: the ideal has only two places.
    expect(ndcg(ranked, [5, 1, 42], 2)).toBeCloseTo(1, 12);
    expect(ndcg(ranked, [42], 5)).toBe(0);
  });

  it("coverage counts distinct films over everybody's top k against the catalogue", () => {
    expect(
      coverage(
        [
          [1, 2, 3],
          [2, 3, 4],
          [9, 9, 9],
        ],
        2,
        10,
      ),
    ).toBe(0.4); // 1, 2, 3, 9
  });
});

describe("intervals", () => {
  it("mean ± 1.96 · sample sd / √n", () => {
    const interval = meanInterval([1, 2, 3, 4]);
    const half = (1.96 * Math.sqrt(5 / 3)) / 2;
    expect(interval.value).toBe(2.5);
    expect(interval.low).toBeCloseTo(2.5 - half, 12);
    expect(interval.high).toBeCloseTo(2.5 + half, 12);
  });

  it("paired difference is the interval of per-person differences, not of each side", () => {
    // Every person gains exactly 0.5: no spread, however spread out each side is.
    const difference = pairedDifference([1, 5, 9], [0.5, 4.5, 8.5]);
    expect(difference).toEqual({ value: 0.5, low: 0.5, high: 0.5 });
  });

  it("bootstrap is seeded and brackets the statistic on everybody", () => {
    // Distinct values, so resamples give many different means and an unseeded bootstrap would differ.
    const values = [0.11, 0.93, 0.27, 0.68, 0.45, 0.02, 0.77, 0.77];
    const mean = (sample: Int32Array) => sample.reduce((sum, index) => sum + values[index]!, 0) / sample.length;
    const first = bootstrapInterval(values.length, mean, { seed: 3 });
    expect(first).toEqual(bootstrapInterval(values.length, mean, { seed: 3 }));
    expect(first.value).toBeCloseTo(0.5, 12);
    expect(first.low).toBeLessThan(0.5);
    expect(first.high).toBeGreaterThan(0.5);
  });

  it("bootstrap corrects the bias of a distinct count, whose resamples always show fewer films", () => {
    // Ten people, one different film each: everybody together covers the whole catalogue, a resample
    // of ten with replacement about 65 % of it.
    const lists = Array.from({ length: 10 }, (_, index) => [index]);
    const interval = coverageInterval({ people: lists.map((_, index) => index), rankedLists: lists, tests: lists }, 20, 10, { seed: 5 });
    expect(interval.value).toBe(1);
    expect(interval.low).toBeLessThan(1);
    expect(interval.high).toBeGreaterThan(1);
  });
});

describe("evaluations", () => {
  const split = {
    people: new Map([
      [1, { train: [], test: [10] }],
      [2, { train: [], test: [20, 21] }],
      [3, { train: [], test: [] }],
    ]),
    evaluated: [1, 2],
  };
  const byPerson: Record<number, number[]> = { 1: [10, 11, 12], 2: [11, 12, 13] };

  it("asks for every evaluated person's top depth and keeps their tests beside the lists", async () => {
    const evaluation = await evaluate(async (person, count) => byPerson[person]!.slice(0, count + 1), split, { depth: 2, concurrency: 2 });
    expect(evaluation).toEqual({
      people: [1, 2],
      rankedLists: [
        [10, 11],
        [11, 12],
      ],
      tests: [[10], [20, 21]],
    });
  });

  it("coverage interval and paired coverage use the same people", () => {
    const a: Evaluation = {
      people: [1, 2],
      rankedLists: [
        [1, 2],
        [3, 4],
      ],
      tests: [[1], [3]],
    };
    const b: Evaluation = {
      people: [1, 2],
      rankedLists: [
        [1, 2],
        [1, 2],
      ],
      tests: [[1], [3]],
    };
    expect(coverageInterval(a, 20, 8).value).toBe(0.5);
    expect(coverageInterval(a, 1, 8).value).toBe(0.25);
    const difference = compare(a, b, 8);
    expect(difference.coverage20.value).toBe(0.25);
    // Whatever the resample, a shows at least as many films as b.
    expect(difference.coverage20.low).toBeGreaterThanOrEqual(0);
    // Per-person HR@20 differences are 0 and 1.
    expect(difference.hitRate20.value).toBe(0.5);
    expect(difference.hitRate20.low).toBeCloseTo(0.5 - 1.96 * 0.5, 12);
  });
});
