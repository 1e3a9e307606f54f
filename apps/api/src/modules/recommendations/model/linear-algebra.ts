// Dense numeric kernel for the item model: inverting the symmetric positive definite Gram matrix
// that EASE needs (apps/api/src/modules/recommendations/model/ease.ts).
//
// Matrices are Float64Array, row-major, n×n. Every inner loop walks a row (contiguous memory), and
// the three steps each process rows in blocks of four so that one pass over a streamed row feeds four
// independent accumulators: at n ≥ 2000 the matrix no longer fits in cache, and without blocking the
// kernel is bound by memory bandwidth rather than by arithmetic. The flop count is n³ in total
// (n³/3 per step).

/**
 * Replaces `matrix` (n×n, symmetric positive definite) with its inverse, written as the full
 * symmetric matrix. Cholesky A = L·Lᵀ, then L⁻¹, then A⁻¹ = L⁻ᵀ·L⁻¹. Throws when a pivot is not
 * positive (the matrix is not positive definite, or too ill-conditioned to invert reliably).
 */
export function invertSymmetricPositiveDefinite(matrix: Float64Array, n: number): void {
  if (matrix.length !== n * n) throw new Error(`expected ${n}×${n} = ${n * n} entries, got ${matrix.length}`);
  choleskyLower(matrix, n);
  invertLowerInPlace(matrix, n);
  transposeLowerToUpper(matrix, n);
  multiplyUpperTransposeByItself(matrix, n);
}

/** Overwrites the lower triangle (with the diagonal) of `a` with L where A = L·Lᵀ; the upper triangle is left as it was. */
export function choleskyLower(a: Float64Array, n: number): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    // Rows i..i+3 against every finished row j < i: L[r][j] = (A[r][j] − L[r]·L[j]) / L[j][j].
    for (let j = 0; j < i; j++) {
      const rj = j * n;
      const r0 = i * n,
        r1 = r0 + n,
        r2 = r1 + n,
        r3 = r2 + n;
      let s0 = a[r0 + j]!,
        s1 = a[r1 + j]!,
        s2 = a[r2 + j]!,
        s3 = a[r3 + j]!;
      for (let k = 0; k < j; k++) {
        const l = a[rj + k]!;
        s0 -= a[r0 + k]! * l;
        s1 -= a[r1 + k]! * l;
        s2 -= a[r2 + k]! * l;
        s3 -= a[r3 + k]! * l;
      }
      const pivot = a[rj + j]!;
      a[r0 + j] = s0 / pivot;
      a[r1 + j] = s1 / pivot;
      a[r2 + j] = s2 / pivot;
      a[r3 + j] = s3 / pivot;
    }
    // The small triangle inside the block depends on its own rows, so it goes row by row.
    for (let r = i; r < i + 4; r++) choleskyRowFrom(a, n, r, i);
  }
  for (; i < n; i++) choleskyRowFrom(a, n, i, 0);
}

/** Finishes row r of L from column `from` onwards, including the diagonal. */
function choleskyRowFrom(a: Float64Array, n: number, r: number, from: number): void {
  const rr = r * n;
  for (let j = from; j <= r; j++) {
    const rj = j * n;
    let sum = a[rr + j]!;
    for (let k = 0; k < j; k++) sum -= a[rr + k]! * a[rj + k]!;
    if (j < r) {
      a[rr + j] = sum / a[rj + j]!;
    } else {
      if (!(sum > 0)) throw new Error(`matrix is not positive definite: pivot ${r} is ${sum}`);
      a[rr + r] = Math.sqrt(sum);
    }
  }
}

/**
 * Replaces the lower triangle L of `a` with X = L⁻¹ (also lower triangular). Row r of X is
 * (e_r − Σ_{k<r} L[r][k]·X[k]) / L[r][r]: a sum of earlier rows, so each step is a contiguous axpy.
 */
export function invertLowerInPlace(a: Float64Array, n: number): void {
  const block = new Float64Array(4 * n); // rows of L being replaced, kept while their X rows accumulate
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    block.set(a.subarray(i * n, (i + 4) * n));
    const r0 = i * n,
      r1 = r0 + n,
      r2 = r1 + n,
      r3 = r2 + n;
    a.fill(0, r0, r3 + n);
    for (let k = 0; k < i; k++) {
      const rk = k * n;
      const c0 = block[k]!,
        c1 = block[n + k]!,
        c2 = block[2 * n + k]!,
        c3 = block[3 * n + k]!;
      for (let j = 0; j <= k; j++) {
        const x = a[rk + j]!;
        a[r0 + j]! -= c0 * x;
        a[r1 + j]! -= c1 * x;
        a[r2 + j]! -= c2 * x;
        a[r3 + j]! -= c3 * x;
      }
    }
    for (let b = 0; b < 4; b++) finishInverseRow(a, n, i + b, block.subarray(b * n, (b + 1) * n), i);
  }
  for (; i < n; i++) {
    block.set(a.subarray(i * n, (i + 1) * n));
    a.fill(0, i * n, (i + 1) * n);
    finishInverseRow(a, n, i, block.subarray(0, n), 0);
  }
}

/** Adds the contributions of rows from..r−1 of X to row r, then divides by the pivot. */
function finishInverseRow(a: Float64Array, n: number, r: number, lRow: Float64Array, from: number): void {
  const rr = r * n;
  for (let k = from; k < r; k++) {
    const rk = k * n;
    const c = lRow[k]!;
    for (let j = 0; j <= k; j++) a[rr + j]! -= c * a[rk + j]!;
  }
  const inversePivot = 1 / lRow[r]!;
  a[rr + r] = 1;
  for (let j = 0; j <= r; j++) a[rr + j]! *= inversePivot;
}

/** Copies the strict lower triangle onto the upper one (U = Xᵀ), so that columns of X become rows. */
function transposeLowerToUpper(a: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) a[j * n + i] = a[i * n + j]!;
}

/**
 * With U = Xᵀ in the upper triangle (and diagonal), writes A⁻¹ = Xᵀ·X = U·Uᵀ as the full symmetric
 * matrix: A⁻¹[i][j] = Σ_{k ≥ max(i,j)} U[i][k]·U[j][k], a dot product of two rows. Rows i go in
 * increasing order; entry (i, j < i) reads U[j][k] only for k ≥ i, so once a block of rows i is done
 * with row j, U[j][i] is free to receive the result, and so is the lower triangle.
 */
export function multiplyUpperTransposeByItself(a: Float64Array, n: number): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    for (let j = 0; j < i; j++) dotFourRowsWithEarlierRow(a, n, i, j);
    for (let r = i; r < i + 4; r++) finishProductRow(a, n, r, i);
  }
  for (; i < n; i++) finishProductRow(a, n, i, 0);
}

/** Entries (i..i+3, j) for j < i: the streamed row j is read once for four dot products. */
function dotFourRowsWithEarlierRow(a: Float64Array, n: number, i: number, j: number): void {
  const r0 = i * n,
    r1 = r0 + n,
    r2 = r1 + n,
    r3 = r2 + n;
  const q = j * n;
  // Row i+b starts at column i+b: the first three columns are the rows' uneven starts.
  let s0 = a[r0 + i]! * a[q + i]!;
  s0 += a[r0 + i + 1]! * a[q + i + 1]!;
  let s1 = a[r1 + i + 1]! * a[q + i + 1]!;
  s0 += a[r0 + i + 2]! * a[q + i + 2]!;
  s1 += a[r1 + i + 2]! * a[q + i + 2]!;
  let s2 = a[r2 + i + 2]! * a[q + i + 2]!;
  let s3 = 0;
  for (let k = i + 3; k < n; k++) {
    const u = a[q + k]!;
    s0 += a[r0 + k]! * u;
    s1 += a[r1 + k]! * u;
    s2 += a[r2 + k]! * u;
    s3 += a[r3 + k]! * u;
  }
  a[r0 + j] = a[q + i] = s0;
  a[r1 + j] = a[q + i + 1] = s1;
  a[r2 + j] = a[q + i + 2] = s2;
  a[r3 + j] = a[q + i + 3] = s3;
}

/** Entries (r, j) for from ≤ j ≤ r, one dot product at a time; the diagonal U[r][r] is overwritten last. */
function finishProductRow(a: Float64Array, n: number, r: number, from: number): void {
  const rr = r * n;
  for (let j = from; j < r; j++) {
    const q = j * n;
    let sum = 0;
    for (let k = r; k < n; k++) sum += a[rr + k]! * a[q + k]!;
    a[rr + j] = a[q + r] = sum;
  }
  let diagonal = 0;
  for (let k = r; k < n; k++) diagonal += a[rr + k]! * a[rr + k]!;
  a[rr + r] = diagonal;
}
