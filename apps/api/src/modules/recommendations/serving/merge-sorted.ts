// A k-way merge of ascending Int32Arrays on a binary heap of list indexes: every value once, in
// ascending order, lazily (the caller stops as soon as it has enough). The catalogue index uses it
// to walk a person's titles, several people at once, in popularity order.

export function* mergeSortedUnique(lists: readonly Int32Array[]): Generator<number> {
  const heads = lists.filter((list) => list.length > 0);
  const at = new Int32Array(heads.length);
  // heap of list indexes, ordered by each list's current value
  const heap: number[] = [];
  const valueAt = (list: number) => heads[list]![at[list]!]!;
  const up = (i: number) => {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (valueAt(heap[parent]!) <= valueAt(heap[i]!)) return;
      [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
      i = parent;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let least = i;
      if (left < heap.length && valueAt(heap[left]!) < valueAt(heap[least]!)) least = left;
      if (right < heap.length && valueAt(heap[right]!) < valueAt(heap[least]!)) least = right;
      if (least === i) return;
      [heap[least], heap[i]] = [heap[i]!, heap[least]!];
      i = least;
    }
  };
  heads.forEach((_, list) => {
    heap.push(list);
    up(heap.length - 1);
  });
  let previous: number | null = null;
  while (heap.length) {
    const list = heap[0]!;
    const value = valueAt(list);
    if (value !== previous) yield value;
    previous = value;
    if (++at[list]! < heads[list]!.length) down(0);
    else {
      heap[0] = heap[heap.length - 1]!;
      heap.pop();
      if (heap.length) down(0);
    }
  }
}
