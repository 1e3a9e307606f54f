// Trains the collaborative item-to-item model: for every title i with enough support, the K titles j
// with the largest positive weight w(i→j), where a person's score for j is Σ_i x_i·w(i→j) over their
// own titles. Pure: the caller reads interactions into InteractionData and stores the lists.
//
// Two parts, because one method does not fit every title:
// - EASE (ease.ts) on the `denseMaxItems` most-supported titles: the better model (it accounts for
//   titles that everybody has), but n² memory and n³ time.
// - item-kNN (item-knn.ts) for the other eligible titles (the long tail), over all eligible titles.
// Dense titles whose EASE list is shorter than K are topped up with kNN neighbours from the tail, so
// the tail can be recommended from popular titles too.

import { buildGramMatrix, easeNeighbourRows, invertRegularisedGram } from "./ease.ts";
import { buildUserRows, columnCounts, keepColumns, TopNeighbours, transposeRows, type InteractionData, type SparseRows } from "./interaction-matrix.ts";
import { ItemSimilarity } from "./item-knn.ts";

export type { InteractionData } from "./interaction-matrix.ts";

export interface ItemModelConfig {
  /** K: neighbours kept per title (positive weights). */
  neighbours: number;
  /** EASE titles also keep this many most negative neighbours (0 = none). */
  negativeNeighbours: number;
  /** Titles with fewer distinct people than this get no list and are never a neighbour. */
  minSupport: number;
  /** At most this many titles (the most-supported ones) go into the EASE part. */
  denseMaxItems: number;
  /** EASE's L2 regularisation λ. */
  lambda: number;
  /** item-kNN shrinkage. */
  knnShrink: number;
}

/**
 * Measured with bench/recommendations-training.ts on this 2-core machine (synthetic power-law data).
 * - K = 100: more than a page of recommendations needs, and ~100 stored rows per title.
 * - minSupport 3: a title two people share says more about those two people than about the title.
 * - denseMaxItems 5000: the 5M-interaction case (100k people × 20k titles) trains in about a minute
 *   (the n³ inversion ≈ 45 s of it) with a 200 MB n×n matrix and a peak of ≈ 450 MB RSS, and those
 *   5000 titles carry ≈ 70 % of the interactions. Inversion time grows with n³ and memory with n²: 3000
 *   titles invert in ≈ 10 s (72 MB); 8000 would take (8/5)³ ≈ 4× as long as 5000, with 512 MB.
 * - λ 200: Steck's paper uses 200–1000 on larger data sets; it keeps G + λI well conditioned for
 *   titles with little support. Not tuned for quality here: that is the quality bench's job.
 * - knnShrink 20: similarities of pairs shared by a handful of people are damped towards 0.
 * - negativeNeighbours 100: chosen on the MovieLens 100K validation split (bench/recommendations-quality.ts,
 *   whole product ranking, HR@20 / NDCG@20 / coverage@20): 0 → 0.857 / 0.237 / 0.191, 20 → 0.862 /
 *   0.245 / 0.232, 100 → 0.867 / 0.252 / 0.252, 200 → 0.868 / 0.253 / 0.250 (plain EASE, every weight:
 *   0.834 / 0.229 / 0.217). Without its negative weights EASE's sum only ever adds up for the titles
 *   everybody has, which is what held coverage below EASE's. 300 positive + 100 negative was better
 *   still (0.871 / 0.256 / 0.271) but doubles what every request reads.
 */
export const DEFAULT_ITEM_MODEL_CONFIG: ItemModelConfig = {
  neighbours: 100,
  negativeNeighbours: 100,
  minSupport: 3,
  denseMaxItems: 5000,
  lambda: 200,
  knnShrink: 20,
};

/** item / neighbours are indexes into itemKeys, weights descending; only EASE titles' lists may end in negative weights. */
export interface ItemNeighbourList {
  item: number;
  neighbours: Int32Array;
  weights: Float32Array;
}

export interface TrainedItemModel {
  itemKeys: string[];
  /** One list per eligible title that has at least one neighbour, ordered by item. */
  lists: ItemNeighbourList[];
  stats: {
    users: number;
    items: number;
    /** Distinct (person, title) pairs with a positive value. */
    interactions: number;
    denseItems: number;
    tailItems: number;
    milliseconds: { gram: number; invert: number; tail: number; total: number };
  };
}

/** kNN rows of at most this many dense titles decide the one factor that puts kNN weights on EASE's scale. */
const SCALE_SAMPLE = 200;

type Row = { neighbours: Int32Array; weights: Float32Array };

export function trainItemModel(data: InteractionData, config: ItemModelConfig): TrainedItemModel {
  const started = performance.now();
  const { userItems, itemUsers, support, eligible } = eligibleRows(data, config.minSupport);
  const denseItems = chooseDenseItems(support, eligible, config.denseMaxItems);
  const ease = trainEasePart(userItems, denseItems, config);

  const moment = performance.now();
  const knn = new ItemSimilarity(itemUsers, userItems, config.knnShrink);
  const scale = knnScale(knn, denseItems, ease.rows);
  const rows = new Map<number, Row>();
  denseItems.forEach((item, p) => rows.set(item, ease.rows[p]!));
  addTailRows({ rows, knn, eligible, denseItems, scale, neighbours: config.neighbours });
  const tailMs = performance.now() - moment;

  const lists = [...rows]
    .filter(([, row]) => row.neighbours.length > 0)
    .sort(([a], [b]) => a - b)
    .map(([item, row]) => ({ item, ...row }));
  const eligibleCount = eligible.reduce((sum, flag) => sum + flag, 0);
  return {
    itemKeys: data.itemKeys,
    lists,
    stats: {
      users: data.userCount,
      items: data.itemKeys.length,
      interactions: userItems.start[userItems.rowCount]!,
      denseItems: denseItems.length,
      tailItems: eligibleCount - denseItems.length,
      milliseconds: { gram: ease.gramMs, invert: ease.invertMs, tail: tailMs, total: performance.now() - started },
    },
  };
}

/** Person → eligible titles and title → people. A function of its own so that the rows with every title can be freed. */
function eligibleRows(data: InteractionData, minSupport: number) {
  const allUserItems = buildUserRows(data);
  const support = columnCounts(allUserItems);
  const eligible = Uint8Array.from(support, (count) => (count >= minSupport ? 1 : 0));
  const userItems = keepColumns(allUserItems, eligible);
  return { userItems, itemUsers: transposeRows(userItems), support, eligible };
}

/** EASE's lists, one per dense position. The n×n matrix lives only in here, not through the tail phase. */
function trainEasePart(userItems: SparseRows, denseItems: Int32Array, config: ItemModelConfig) {
  let moment = performance.now();
  const gram = buildGramMatrix(userItems, denseItems);
  const gramMs = performance.now() - moment;
  moment = performance.now();
  invertRegularisedGram(gram, denseItems.length, config.lambda);
  const rows = easeNeighbourRows(gram, denseItems, config.neighbours, config.negativeNeighbours);
  return { rows, gramMs, invertMs: performance.now() - moment };
}

/** The `max` eligible titles with the most support (ties: lower index), returned in ascending index order as ease.ts needs. */
function chooseDenseItems(support: Int32Array, eligible: Uint8Array, max: number): Int32Array {
  const candidates: number[] = [];
  eligible.forEach((flag, item) => flag && candidates.push(item));
  candidates.sort((a, b) => support[b]! - support[a]! || a - b);
  return Int32Array.from(candidates.slice(0, Math.max(0, max))).sort();
}

/**
 * EASE weights are regression coefficients (well below 1 at λ in the hundreds), kNN weights cosines
 * (up to 1), so the two are not comparable as they come. One factor rescales every kNN weight
 * so that, on a sample of dense titles spread over the support ranking, the mean top-1 kNN weight
 * equals the mean top-1 EASE weight of the same titles: a kNN neighbour then counts about as much as
 * an EASE neighbour of the same rank. One factor keeps the kNN order intact. Without dense titles
 * there is nothing to match and the factor is 1.
 */
function knnScale(knn: ItemSimilarity, denseItems: Int32Array, easeRows: Row[]): number {
  const sampleSize = Math.min(SCALE_SAMPLE, denseItems.length);
  const top = new TopNeighbours(1);
  let easeSum = 0;
  let knnSum = 0;
  for (let s = 0; s < sampleSize; s++) {
    const p = Math.floor((s * denseItems.length) / sampleSize);
    knn.offerNeighbours(denseItems[p]!, top);
    const knnTop = top.take().weights[0];
    const easeTop = easeRows[p]!.weights[0];
    if (knnTop === undefined || easeTop === undefined) continue; // compare like with like
    knnSum += knnTop;
    easeSum += easeTop;
  }
  return knnSum > 0 && easeSum > 0 ? easeSum / knnSum : 1;
}

interface TailInput {
  rows: Map<number, Row>;
  knn: ItemSimilarity;
  eligible: Uint8Array;
  denseItems: Int32Array;
  scale: number;
  neighbours: number;
}

/** kNN lists for eligible titles outside the dense set, and tail top-ups for short dense lists. */
function addTailRows({ rows, knn, eligible, denseItems, scale, neighbours }: TailInput): void {
  const tail = eligible.slice();
  for (const item of denseItems) tail[item] = 0;
  const top = new TopNeighbours(neighbours);
  tail.forEach((flag, item) => {
    if (!flag) return;
    knn.offerNeighbours(item, top);
    rows.set(item, scaled(top.take(), scale));
  });
  for (const item of denseItems) {
    const easeRow = rows.get(item)!;
    const missing = neighbours - easeRow.weights.filter((weight) => weight > 0).length;
    if (missing <= 0) continue;
    const topUp = new TopNeighbours(missing);
    knn.offerNeighbours(item, topUp, tail);
    rows.set(item, mergeByWeight(easeRow, scaled(topUp.take(), scale)));
  }
}

function scaled(row: Row, scale: number): Row {
  return { neighbours: row.neighbours, weights: row.weights.map((w) => w * scale) };
}

/** Both rows' entries in one row, weights descending (ties: lower item), so the list keeps its invariant. */
function mergeByWeight(a: Row, b: Row): Row {
  const entries = [...a.neighbours].map((item, k) => [item, a.weights[k]!] as const);
  b.neighbours.forEach((item, k) => entries.push([item, b.weights[k]!]));
  entries.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
  return { neighbours: Int32Array.from(entries, (e) => e[0]), weights: Float32Array.from(entries, (e) => e[1]) };
}
