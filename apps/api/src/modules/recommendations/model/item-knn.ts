// Item-kNN: cosine similarity with shrinkage, for the titles outside EASE's dense set (the long
// tail), where EASE's n² memory and n³ time do not reach.
//
//   sim(i, j) = Σ_u x_ui·x_uj / (‖x_i‖·‖x_j‖ + shrink)
//
// The shrink term pulls the similarity of pairs backed by few people towards 0: two titles that
// two people happen to share are not yet evidence of a shared taste.
//
// One row at a time: walk the people of title i, and for each of them their titles j, adding into a
// dense accumulator of length itemCount, with a list of the touched indexes to read and reset. Memory
// is O(itemCount), never itemCount², and a row costs Σ_{u ∈ i} |items of u|.

import { rowNorms, type TopNeighbours, type SparseRows } from "./interaction-matrix.ts";

export class ItemSimilarity {
  private readonly norms: Float64Array;
  private readonly dot: Float64Array;
  private readonly touched: Int32Array;

  /**
   * `itemUsers` (title → people) and `userItems` (person → titles) hold the same entries; only the
   * titles in `userItems` can be neighbours.
   */
  constructor(
    private readonly itemUsers: SparseRows,
    private readonly userItems: SparseRows,
    private readonly shrink: number,
  ) {
    if (!(shrink >= 0)) throw new Error(`item-kNN shrinkage must be ≥ 0, got ${shrink}`);
    this.norms = rowNorms(itemUsers);
    this.dot = new Float64Array(userItems.columnCount);
    this.touched = new Int32Array(userItems.columnCount);
  }

  /** Offers every title j ≠ item (with allowed[j] set, when given) and its similarity to `top`. */
  offerNeighbours(item: number, top: TopNeighbours, allowed: Uint8Array | null = null): void {
    const touchedCount = this.accumulateDotProducts(item);
    const { dot, touched, norms, shrink } = this;
    const itemNorm = norms[item]!;
    for (let t = 0; t < touchedCount; t++) {
      const j = touched[t]!;
      if (j !== item && (allowed === null || allowed[j])) top.offer(j, dot[j]! / (itemNorm * norms[j]! + shrink));
      dot[j] = 0;
    }
  }

  /** dot[j] = Σ_u x_ui·x_uj for every j sharing a person with `item`; returns how many j were touched. */
  private accumulateDotProducts(item: number): number {
    const { itemUsers, userItems, dot, touched } = this;
    let touchedCount = 0;
    for (let p = itemUsers.start[item]!; p < itemUsers.start[item + 1]!; p++) {
      const user = itemUsers.column[p]!;
      const x = itemUsers.value[p]!;
      for (let q = userItems.start[user]!; q < userItems.start[user + 1]!; q++) {
        const j = userItems.column[q]!;
        // Values are positive, so a zero means "not touched yet in this row".
        if (dot[j] === 0) touched[touchedCount++] = j;
        dot[j]! += x * userItems.value[q]!;
      }
    }
    return touchedCount;
  }
}
