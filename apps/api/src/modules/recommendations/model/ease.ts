// EASE (Steck 2019, "Embarrassingly Shallow Autoencoders for Sparse Data") on the "dense" titles:
// B = argmin ‖X − X·B‖² + λ‖B‖² subject to diag(B) = 0, whose closed form is
// P = (XᵀX + λI)⁻¹, B_ij = −P_ij / P_jj. Unlike co-occurrence it learns that a title many people
// share with everything explains little: weights are partial, not marginal, associations.
// Costs n² memory and n³ time for n dense titles, so it runs on the most-supported ones only.

import { invertSymmetricPositiveDefinite } from "./linear-algebra.ts";
import { longestRow, TopNeighbours, type SparseRows } from "./interaction-matrix.ts";

/**
 * G = XᵀX restricted to the dense titles (values as given, not binarised), n×n row-major with
 * n = denseItems.length; position p stands for title denseItems[p], which must be ascending.
 * Each person adds x_a·x_b for every pair of their dense titles: Σ_u d_u²/2 updates, into the upper
 * triangle only (the person's positions come out ascending because their titles and denseItems are),
 * then mirrored once.
 */
export function buildGramMatrix(userItems: SparseRows, denseItems: Int32Array): Float64Array {
  const n = denseItems.length;
  const densePosition = new Int32Array(userItems.columnCount).fill(-1);
  denseItems.forEach((item, p) => (densePosition[item] = p));
  const gram = new Float64Array(n * n);
  const positions = new Int32Array(longestRow(userItems));
  const values = new Float64Array(positions.length);
  for (let u = 0; u < userItems.rowCount; u++) {
    let count = 0;
    for (let q = userItems.start[u]!; q < userItems.start[u + 1]!; q++) {
      const p = densePosition[userItems.column[q]!]!;
      if (p < 0) continue;
      positions[count] = p;
      values[count++] = userItems.value[q]!;
    }
    addOuterProductUpper(gram, n, positions, values, count);
  }
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) gram[i * n + j] = gram[j * n + i]!;
  return gram;
}

function addOuterProductUpper(gram: Float64Array, n: number, positions: Int32Array, values: Float64Array, count: number): void {
  for (let a = 0; a < count; a++) {
    const row = positions[a]! * n;
    const va = values[a]!;
    for (let b = a; b < count; b++) gram[row + positions[b]!]! += va * values[b]!;
  }
}

/** Turns the Gram matrix into P = (G + λI)⁻¹ in place. λ > 0 makes G + λI positive definite. */
export function invertRegularisedGram(gram: Float64Array, n: number, lambda: number): void {
  if (!(lambda > 0)) throw new Error(`EASE needs λ > 0, got ${lambda}`);
  for (let i = 0; i < n; i++) gram[i * n + i]! += lambda;
  invertSymmetricPositiveDefinite(gram, n);
}

/**
 * For every dense position i, the `neighbours` titles j with the largest positive B_ij = −P_ij / P_jj,
 * then the `negativeNeighbours` with the most negative B_ij (most negative last, so a row's weights
 * stay in descending order). EASE's negative weights are what keep its lists from drifting to the
 * titles everybody has: without them a person's score for a blockbuster only ever adds up.
 */
export function easeNeighbourRows(
  precision: Float64Array,
  denseItems: Int32Array,
  neighbours: number,
  negativeNeighbours = 0,
): { neighbours: Int32Array; weights: Float32Array }[] {
  const n = denseItems.length;
  const negativeInverseDiagonal = new Float64Array(n);
  for (let j = 0; j < n; j++) negativeInverseDiagonal[j] = -1 / precision[j * n + j]!;
  const top = new TopNeighbours(neighbours);
  const bottom = new TopNeighbours(negativeNeighbours);
  const rows = [];
  for (let i = 0; i < n; i++) {
    const row = i * n;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const weight = precision[row + j]! * negativeInverseDiagonal[j]!;
      top.offer(denseItems[j]!, weight);
      if (negativeNeighbours > 0) bottom.offer(denseItems[j]!, -weight);
    }
    const positive = top.take();
    if (negativeNeighbours === 0) {
      rows.push(positive);
      continue;
    }
    const negative = bottom.take(); // most negative first, as magnitudes
    const count = negative.neighbours.length;
    const ids = new Int32Array(positive.neighbours.length + count);
    const weights = new Float32Array(ids.length);
    ids.set(positive.neighbours);
    weights.set(positive.weights);
    for (let k = 0; k < count; k++) {
      ids[positive.neighbours.length + k] = negative.neighbours[count - 1 - k]!;
      weights[positive.neighbours.length + k] = -negative.weights[count - 1 - k]!;
    }
    rows.push({ neighbours: ids, weights });
  }
  return rows;
}
