// Ranking quality on a hold-out: per-person hit rate, NDCG and recall, catalogue coverage, their 95 %
// confidence intervals, and paired differences between two recommenders run on the same people.
// Pairing matters: two recommenders' HR@20 intervals over 900 people overlap long before their
// per-person difference stops being distinguishable from zero.
import { mulberry32 } from "../../packages/tmdb-catalogue/src/random.ts";
import type { TemporalSplit, TrainingData } from "./movielens.ts";
import { percentile } from "./report.ts";

/** Ranks films for one person of the split: the best `count` item ids, best first. An in-process
 * model answers synchronously; one behind an API returns a promise. */
export type Recommender = (person: number, count: number) => readonly number[] | Promise<readonly number[]>;

/** A row of the quality bench: a name and how to build the recommender from training data alone
 * (the test is never passed in). */
export interface RecommenderEntry {
  name: string;
  build: (training: TrainingData) => Recommender | Promise<Recommender>;
  /** Requests in flight at once during evaluation (for a recommender behind an API); default 1. */
  concurrency?: number;
}

/** One recommender's ranked lists for every evaluated person, kept so any two can be compared. */
export interface Evaluation {
  people: readonly number[];
  rankedLists: readonly (readonly number[])[];
  tests: readonly (readonly number[])[];
}

/** Asks the recommender for every evaluated person's top `depth`; `concurrency` > 1 only helps a
 * recommender that waits on something (an API). */
export async function evaluate(recommender: Recommender, split: TemporalSplit, options: { depth?: number; concurrency?: number } = {}): Promise<Evaluation> {
  const { depth = 20, concurrency = 1 } = options;
  const people = split.evaluated;
  const rankedLists: (readonly number[])[] = new Array(people.length);
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < people.length; index = next++) rankedLists[index] = (await recommender(people[index]!, depth)).slice(0, depth);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, people.length) }, worker));
  return { people, rankedLists, tests: people.map((person) => split.people.get(person)!.test) };
}

// ------------------------------------------------------------------------------ per-person metrics

const countHits = (ranked: readonly number[], test: readonly number[], k: number) => {
  const held = new Set(test);
  return ranked.slice(0, k).filter((item) => held.has(item)).length;
};

/** 1 when any test film is in the top k. */
export const hitRate = (ranked: readonly number[], test: readonly number[], k: number) => (countHits(ranked, test, k) > 0 ? 1 : 0);

/** Share of the test films found in the top k. */
export const recall = (ranked: readonly number[], test: readonly number[], k: number) => (test.length ? countHits(ranked, test, k) / test.length : 0);

/** Binary-relevance NDCG: a hit at rank r (1-based) earns 1/log2(r + 1); the ideal list puts
 * min(|test|, k) hits first. */
export function ndcg(ranked: readonly number[], test: readonly number[], k: number): number {
  const held = new Set(test);
  let gain = 0;
  ranked.slice(0, k).forEach((item, index) => {
    if (held.has(item)) gain += 1 / Math.log2(index + 2);
  });
  let ideal = 0;
  for (let index = 0; index < Math.min(test.length, k); index++) ideal += 1 / Math.log2(index + 2);
  return ideal ? gain / ideal : 0;
}

/** Distinct films over everybody's top k ÷ catalogue size. */
export function coverage(rankedLists: readonly (readonly number[])[], k: number, catalogueSize: number): number {
  const shown = new Set<number>();
  for (const ranked of rankedLists) for (const item of ranked.slice(0, k)) shown.add(item);
  return shown.size / catalogueSize;
}

// ------------------------------------------------------------------------------------- intervals

export interface Interval {
  value: number;
  low: number;
  high: number;
}

/** Mean ± 1.96 · sd / √n (normal approximation, sample standard deviation). */
export function meanInterval(values: readonly number[]): Interval {
  const n = values.length;
  const mean = values.reduce((sum, value) => sum + value, 0) / n;
  const variance = n > 1 ? values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (n - 1) : 0;
  const half = (1.96 * Math.sqrt(variance)) / Math.sqrt(n);
  return { value: mean, low: mean - half, high: mean + half };
}

/** Per-person difference a − b (same people, same order), its mean and 95 % interval. */
export function pairedDifference(a: readonly number[], b: readonly number[]): Interval {
  if (a.length !== b.length) throw new Error(`paired difference of ${a.length} and ${b.length} people`);
  return meanInterval(a.map((value, index) => value - b[index]!));
}

export interface BootstrapOptions {
  resamples?: number;
  seed?: number;
}

/** Bias-corrected percentile bootstrap over people: `statistic` gets the indices of one resample (n
 * draws with replacement); the value is the statistic on everybody. A resample holds only about 63 %
 * distinct people, so a count of distinct things (coverage) comes out lower on every resample and the
 * plain percentile interval can lie wholly below the value; shifting it by the bootstrap's bias
 * (mean of the resamples − value) corrects that and leaves unbiased statistics (means) alone.
 * The same seed gives the same resamples, which is what makes a difference of two statistics paired. */
export function bootstrapInterval(count: number, statistic: (sample: Int32Array) => number, options: BootstrapOptions = {}): Interval {
  const { resamples = 1000, seed = 1 } = options;
  const random = mulberry32(seed);
  const sample = new Int32Array(count);
  const values: number[] = [];
  for (let round = 0; round < resamples; round++) {
    for (let index = 0; index < count; index++) sample[index] = Math.floor(random() * count);
    values.push(statistic(sample));
  }
  const value = statistic(Int32Array.from({ length: count }, (_, index) => index));
  const bias = values.reduce((sum, resampled) => sum + resampled, 0) / resamples - value;
  return { value, low: percentile(values, 2.5) - bias, high: percentile(values, 97.5) - bias };
}

/** Coverage@k of the people in a resample, fast enough for 1,000 resamples: items are renumbered
 * densely once and marked with the resample's stamp instead of filling a Set each time. */
function coverageOfSample(rankedLists: readonly (readonly number[])[], k: number, catalogueSize: number): (sample: Int32Array) => number {
  const dense = new Map<number, number>();
  const denseIndex = (item: number) => {
    if (!dense.has(item)) dense.set(item, dense.size);
    return dense.get(item)!;
  };
  const lists = rankedLists.map((ranked) => Int32Array.from(ranked.slice(0, k), denseIndex));
  const stamps = new Int32Array(dense.size);
  let stamp = 0;
  return (sample) => {
    stamp++;
    let shown = 0;
    for (const person of sample) {
      for (const item of lists[person]!) {
        if (stamps[item] === stamp) continue;
        stamps[item] = stamp;
        shown++;
      }
    }
    return shown / catalogueSize;
  };
}

export function coverageInterval(evaluation: Evaluation, k: number, catalogueSize: number, options: BootstrapOptions = {}): Interval {
  return bootstrapInterval(evaluation.people.length, coverageOfSample(evaluation.rankedLists, k, catalogueSize), options);
}

// ----------------------------------------------------------------------------------- summaries

export interface QualitySummary {
  people: number;
  hitRate10: Interval;
  hitRate20: Interval;
  ndcg10: Interval;
  ndcg20: Interval;
  recall20: Interval;
  coverage20: Interval;
}

/** One metric for every person of an evaluation, in the evaluation's order. */
export const perPerson = (evaluation: Evaluation, metric: (ranked: readonly number[], test: readonly number[], k: number) => number, k: number) =>
  evaluation.rankedLists.map((ranked, index) => metric(ranked, evaluation.tests[index]!, k));

export function summarize(evaluation: Evaluation, catalogueSize: number, options: BootstrapOptions = {}): QualitySummary {
  return {
    people: evaluation.people.length,
    hitRate10: meanInterval(perPerson(evaluation, hitRate, 10)),
    hitRate20: meanInterval(perPerson(evaluation, hitRate, 20)),
    ndcg10: meanInterval(perPerson(evaluation, ndcg, 10)),
    ndcg20: meanInterval(perPerson(evaluation, ndcg, 20)),
    recall20: meanInterval(perPerson(evaluation, recall, 20)),
    coverage20: coverageInterval(evaluation, 20, catalogueSize, options),
  };
}

export interface PairedComparison {
  hitRate20: Interval;
  ndcg20: Interval;
  coverage20: Interval;
}

/** a − b on the same people: per-person differences for HR@20 and NDCG@20, a paired bootstrap (the
 * same resamples for both) for coverage@20. */
export function compare(a: Evaluation, b: Evaluation, catalogueSize: number, options: BootstrapOptions = {}): PairedComparison {
  if (a.people.length !== b.people.length || a.people.some((person, index) => person !== b.people[index])) {
    throw new Error("compare needs two evaluations of the same people in the same order");
  }
  const coverageA = coverageOfSample(a.rankedLists, 20, catalogueSize);
  const coverageB = coverageOfSample(b.rankedLists, 20, catalogueSize);
  return {
    hitRate20: pairedDifference(perPerson(a, hitRate, 20), perPerson(b, hitRate, 20)),
    ndcg20: pairedDifference(perPerson(a, ndcg, 20), perPerson(b, ndcg, 20)),
    coverage20: bootstrapInterval(a.people.length, (sample) => coverageA(sample) - coverageB(sample), options),
  };
}
