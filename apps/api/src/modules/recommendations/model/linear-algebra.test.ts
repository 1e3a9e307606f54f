import { describe, expect, it } from "vitest";
import { mulberry32 } from "@movierec/tmdb-catalogue";
import { invertSymmetricPositiveDefinite } from "./linear-algebra.ts";

/** M·Mᵀ + n·I for a random M: symmetric positive definite, and well enough conditioned to check to 1e-8. */
function randomSymmetricPositiveDefinite(n: number, seed: number): Float64Array {
  const random = mulberry32(seed);
  const m = Float64Array.from({ length: n * n }, () => random() * 2 - 1);
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let sum = i === j ? n : 0;
      for (let k = 0; k < n; k++) sum += m[i * n + k]! * m[j * n + k]!;
      a[i * n + j] = sum;
    }
  }
  return a;
}

function largestDeviationFromIdentity(a: Float64Array, inverse: Float64Array, n: number): number {
  let largest = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let k = 0; k < n; k++) sum += a[i * n + k]! * inverse[k * n + j]!;
      largest = Math.max(largest, Math.abs(sum - (i === j ? 1 : 0)));
    }
  }
  return largest;
}

describe("invertSymmetricPositiveDefinite", () => {
  // Sizes around the kernel's blocks of four rows: remainders 0–3, and more than one block.
  it.each([1, 2, 3, 4, 5, 7, 8, 13, 64, 101, 250])("gives A·A⁻¹ ≈ I for a random SPD matrix, n = %i", (n) => {
    const a = randomSymmetricPositiveDefinite(n, n);
    const inverse = a.slice();
    invertSymmetricPositiveDefinite(inverse, n);
    expect(largestDeviationFromIdentity(a, inverse, n)).toBeLessThan(1e-8);
    for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) expect(inverse[i * n + j]).toBe(inverse[j * n + i]);
  });

  it("matches a 3×3 inverse worked out by hand", () => {
    // A = [[4, 2, 0], [2, 5, 1], [0, 1, 3]], det A = 4·14 − 2·6 = 44; A⁻¹ = adj(A) / 44.
    const a = Float64Array.from([4, 2, 0, 2, 5, 1, 0, 1, 3]);
    invertSymmetricPositiveDefinite(a, 3);
    const expected = [14, -6, 2, -6, 12, -4, 2, -4, 16].map((v) => v / 44);
    expected.forEach((v, k) => expect(a[k]).toBeCloseTo(v, 14));
  });

  it("throws naming the pivot when the matrix is not positive definite", () => {
    // Symmetric, eigenvalues 3 and −1: the second pivot is 1 − 2²/1 = −3.
    const a = Float64Array.from([1, 2, 2, 1]);
    expect(() => invertSymmetricPositiveDefinite(a, 2)).toThrow(/not positive definite: pivot 1 is -3/);
    // Singular inside the blocked part of the kernel (rows 4..7 copy rows 0..3).
    const n = 8;
    const m = randomSymmetricPositiveDefinite(4, 1);
    const singular = new Float64Array(n * n).map((_, k) => m[(Math.floor(k / n) % 4) * 4 + ((k % n) % 4)]!);
    expect(() => invertSymmetricPositiveDefinite(singular, n)).toThrow(/not positive definite: pivot [4-7]/);
  });

  it("rejects a buffer of the wrong size", () => {
    expect(() => invertSymmetricPositiveDefinite(new Float64Array(8), 3)).toThrow(/3×3/);
  });
});
