// The item model's training input, and the sparse structures built from it once per training run.
// Everything is typed arrays: 5 million interactions are 40 MB per compressed copy, where objects per
// interaction would be hundreds of megabytes and slow to walk.

/** Every interaction as columns: one entry per (user, item), value > 0 = how much it speaks for the person's taste. */
export interface InteractionData {
  userCount: number;
  itemKeys: string[];
  user: Int32Array;
  item: Int32Array;
  value: Float32Array;
  length: number;
}

/**
 * Compressed sparse rows: row r holds columns `column[start[r] .. start[r + 1])` with their values,
 * columns ascending and distinct. Used both ways round: user → items and item → users.
 */
export interface SparseRows {
  rowCount: number;
  columnCount: number;
  start: Int32Array;
  column: Int32Array;
  value: Float32Array;
}

/**
 * User → items, items ascending. Entries with a value that is not positive carry no taste and are
 * dropped; duplicate (user, item) entries are summed, so callers that cannot aggregate still get one
 * entry per pair (and a title's support counts people, not entries).
 */
export function buildUserRows(data: InteractionData): SparseRows {
  const itemCount = data.itemKeys.length;
  for (let e = 0; e < data.length; e++) {
    const user = data.user[e]!,
      item = data.item[e]!;
    if (!(user >= 0 && user < data.userCount && item >= 0 && item < itemCount)) {
      throw new Error(`interaction ${e} is out of range: user ${user} of ${data.userCount}, item ${item} of ${itemCount}`);
    }
  }
  // Grouping by item and then transposing sorts every user's items without a comparison sort.
  const byItem = groupEntries(data.item, data.user, data.value, data.length, itemCount, data.userCount);
  return sumDuplicates(transposeRows(byItem));
}

/** The transpose (e.g. user → items into item → users); each output row comes out with columns ascending. */
export function transposeRows(rows: SparseRows): SparseRows {
  const start = new Int32Array(rows.columnCount + 1);
  const entries = rows.start[rows.rowCount]!;
  for (let p = 0; p < entries; p++) start[rows.column[p]! + 1]!++;
  for (let c = 0; c < rows.columnCount; c++) start[c + 1]! += start[c]!;
  const cursor = start.slice(0, rows.columnCount);
  const column = new Int32Array(entries);
  const value = new Float32Array(entries);
  for (let r = 0; r < rows.rowCount; r++) {
    for (let p = rows.start[r]!; p < rows.start[r + 1]!; p++) {
      const at = cursor[rows.column[p]!]!++;
      column[at] = r;
      value[at] = rows.value[p]!;
    }
  }
  return { rowCount: rows.columnCount, columnCount: rows.rowCount, start, column, value };
}

/** The same rows with only the columns whose flag is set (e.g. each user's eligible titles). */
export function keepColumns(rows: SparseRows, keep: Uint8Array): SparseRows {
  const start = new Int32Array(rows.rowCount + 1);
  let kept = 0;
  for (let p = 0; p < rows.start[rows.rowCount]!; p++) if (keep[rows.column[p]!]) kept++;
  const column = new Int32Array(kept);
  const value = new Float32Array(kept);
  let at = 0;
  for (let r = 0; r < rows.rowCount; r++) {
    for (let p = rows.start[r]!; p < rows.start[r + 1]!; p++) {
      if (!keep[rows.column[p]!]) continue;
      column[at] = rows.column[p]!;
      value[at++] = rows.value[p]!;
    }
    start[r + 1] = at;
  }
  return { rowCount: rows.rowCount, columnCount: rows.columnCount, start, column, value };
}

/** How many entries each column has: for user → item rows, each title's support (distinct people). */
export function columnCounts(rows: SparseRows): Int32Array {
  const counts = new Int32Array(rows.columnCount);
  for (let p = 0; p < rows.start[rows.rowCount]!; p++) counts[rows.column[p]!]!++;
  return counts;
}

/** The Euclidean length of every row. */
export function rowNorms(rows: SparseRows): Float64Array {
  const norms = new Float64Array(rows.rowCount);
  for (let r = 0; r < rows.rowCount; r++) {
    let sum = 0;
    for (let p = rows.start[r]!; p < rows.start[r + 1]!; p++) sum += rows.value[p]! * rows.value[p]!;
    norms[r] = Math.sqrt(sum);
  }
  return norms;
}

/** The longest row's length, to size per-row scratch buffers once. */
export function longestRow(rows: SparseRows): number {
  let longest = 0;
  for (let r = 0; r < rows.rowCount; r++) longest = Math.max(longest, rows.start[r + 1]! - rows.start[r]!);
  return longest;
}

/** Counting sort of entries by row, keeping their order within a row; non-positive values are skipped. */
function groupEntries(rowOf: Int32Array, columnOf: Int32Array, valueAt: Float32Array, length: number, rowCount: number, columnCount: number): SparseRows {
  const start = new Int32Array(rowCount + 1);
  for (let e = 0; e < length; e++) if (valueAt[e]! > 0) start[rowOf[e]! + 1]!++;
  for (let r = 0; r < rowCount; r++) start[r + 1]! += start[r]!;
  const cursor = start.slice(0, rowCount);
  const column = new Int32Array(start[rowCount]!);
  const value = new Float32Array(start[rowCount]!);
  for (let e = 0; e < length; e++) {
    if (!(valueAt[e]! > 0)) continue;
    const at = cursor[rowOf[e]!]!++;
    column[at] = columnOf[e]!;
    value[at] = valueAt[e]!;
  }
  return { rowCount, columnCount, start, column, value };
}

/** Merges equal adjacent columns within each row (rows must be sorted) by adding their values. */
function sumDuplicates(rows: SparseRows): SparseRows {
  const { start, column, value } = rows;
  let at = 0; // compacting in place: the write position never passes the read position
  let readFrom = 0;
  for (let r = 0; r < rows.rowCount; r++) {
    const rowOut = at;
    const readTo = start[r + 1]!;
    for (let p = readFrom; p < readTo; p++) {
      if (at > rowOut && column[at - 1] === column[p]) value[at - 1]! += value[p]!;
      else {
        column[at] = column[p]!;
        value[at++] = value[p]!;
      }
    }
    readFrom = readTo;
    start[r + 1] = at;
  }
  const entries = start[rows.rowCount]!;
  if (entries === column.length) return rows;
  return { ...rows, column: column.slice(0, entries), value: value.slice(0, entries) };
}

/**
 * The best `capacity` (item, weight) pairs offered, with weight > 0; a min-heap on the weight, so a
 * row of any length costs O(length · log capacity). Ties go to the lower item index, which keeps
 * training deterministic whatever order candidates are offered in.
 */
export class TopNeighbours {
  private readonly items: Int32Array;
  private readonly weights: Float64Array;
  private size = 0;

  constructor(readonly capacity: number) {
    this.items = new Int32Array(capacity);
    this.weights = new Float64Array(capacity);
  }

  offer(item: number, weight: number): void {
    if (!(weight > 0)) return;
    if (this.size < this.capacity) {
      this.items[this.size] = item;
      this.weights[this.size] = weight;
      this.siftUp(this.size++);
    } else if (this.capacity > 0 && this.worse(this.items[0]!, this.weights[0]!, item, weight)) {
      this.items[0] = item;
      this.weights[0] = weight;
      this.siftDown(0);
    }
  }

  /** The kept pairs, best first, and empties the heap for the next row. */
  take(): { neighbours: Int32Array; weights: Float32Array } {
    const order = Array.from({ length: this.size }, (_, k) => k);
    // Compared as the float32 they are stored as, so equal stored weights are in item order.
    const stored = Float32Array.from(this.weights.subarray(0, this.size));
    order.sort((a, b) => stored[b]! - stored[a]! || this.items[a]! - this.items[b]!);
    const neighbours = Int32Array.from(order, (k) => this.items[k]!);
    const weights = Float32Array.from(order, (k) => stored[k]!);
    this.size = 0;
    return { neighbours, weights };
  }

  /** Whether (itemA, weightA) ranks below (itemB, weightB). */
  private worse(itemA: number, weightA: number, itemB: number, weightB: number): boolean {
    return weightA < weightB || (weightA === weightB && itemA > itemB);
  }

  private siftUp(at: number): void {
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!this.worse(this.items[at]!, this.weights[at]!, this.items[parent]!, this.weights[parent]!)) return;
      this.swap(at, parent);
      at = parent;
    }
  }

  private siftDown(at: number): void {
    for (;;) {
      const left = 2 * at + 1;
      if (left >= this.size) return;
      const right = left + 1;
      const child = right < this.size && this.worse(this.items[right]!, this.weights[right]!, this.items[left]!, this.weights[left]!) ? right : left;
      if (!this.worse(this.items[child]!, this.weights[child]!, this.items[at]!, this.weights[at]!)) return;
      this.swap(at, child);
      at = child;
    }
  }

  private swap(a: number, b: number): void {
    const item = this.items[a]!,
      weight = this.weights[a]!;
    this.items[a] = this.items[b]!;
    this.weights[a] = this.weights[b]!;
    this.items[b] = item;
    this.weights[b] = weight;
  }
}
