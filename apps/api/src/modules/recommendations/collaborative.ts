// Request-time collaborative scoring: the person's own titles as they are now, times each title's
// neighbour list from the trained item-to-item model (model/), summed per candidate:
//
//   score(j) = Σ_i x_i · w(i → j)        x_i = how much title i speaks for the person (kind, recency)
//
// This is how an item-item model (EASE, item-kNN) scores, restricted to the top-K neighbours each
// title keeps, so a new favourite changes the very next answer without waiting for training. The
// seed that contributed most is remembered: it is the one "People who liked X also liked this" names.

/** One title's neighbours in the live model, best first ("movie:550" keys); EASE lists end in negative weights. */
export interface NeighbourList {
  keys: readonly string[];
  weights: ArrayLike<number>;
  /** Each neighbour's number in its model's KeyIds (−1: none), so scoring indexes an array instead of hashing keys. */
  ids?: Int32Array;
}

/** A numbering of one model's titles (0 … size − 1); a Map from key to number is one. */
export interface KeyIds {
  readonly size: number;
  get(key: string): number | undefined;
}

export interface CollaborativeScore {
  score: number;
  /** The seed whose contribution x_i · w(i → j) is largest (ties: the earlier seed). */
  topSeed: string;
  topContribution: number;
}

/** Slot codes: a seed (never scored), and "not reached yet". */
const SEED = -1;
const NONE = -2;

/**
 * The scores of every title reachable from the seeds, in typed arrays (a request reaches thousands
 * of titles through tens of thousands of neighbour entries; an object per title cost more than the
 * sums). Titles are kept in the order first reached. With the model's KeyIds, a title is found by
 * its number in an array; titles without a number go through a Map.
 */
export class CollaborativeScores {
  /** Key → slot for titles without a number (SEED for the seeds). */
  private readonly slots = new Map<string, number>();
  /** Number → slot + 1 (0: not reached; SEED for the seeds). */
  private readonly byId: Int32Array | null;
  /** Keys by slot. */
  readonly keys: string[] = [];
  /** Σ_i x_i · w(i → j) by slot. */
  readonly scores: Float64Array;
  private readonly topSeed: Int32Array;
  private readonly topContribution: Float64Array;

  constructor(
    private readonly seedKeys: readonly string[],
    capacity: number,
    private readonly ids?: KeyIds,
  ) {
    this.scores = new Float64Array(capacity);
    this.topSeed = new Int32Array(capacity);
    this.topContribution = new Float64Array(capacity);
    this.byId = ids ? new Int32Array(ids.size) : null;
    for (const key of seedKeys) {
      const id = ids?.get(key);
      if (id !== undefined && id < ids!.size) this.byId![id] = SEED;
      else this.slots.set(key, SEED);
    }
  }

  get size(): number {
    return this.keys.length;
  }

  /** The slot of `key` (SEED, or NONE when not reached); `id` is its number if the caller has it. */
  private slotOf(key: string, id = -1): number {
    if (this.byId) {
      if (id < 0) id = this.ids!.get(key) ?? -1;
      if (id >= 0 && id < this.byId.length) {
        const code = this.byId[id] as number;
        return code === SEED ? SEED : code === 0 ? NONE : code - 1;
      }
    }
    return this.slots.get(key) ?? NONE;
  }

  get(key: string): CollaborativeScore | undefined {
    const slot = this.slotOf(key);
    if (slot < 0) return undefined;
    return {
      score: this.scores[slot] as number,
      topSeed: this.seedKeys[this.topSeed[slot] as number] as string,
      topContribution: this.topContribution[slot] as number,
    };
  }

  /** Adds seed `seed`'s contribution to `key` (nothing when `key` is a seed); `id` is its number if known. */
  add(key: string, seed: number, contribution: number, id = -1): void {
    let slot = this.slotOf(key, id);
    if (slot === SEED) return;
    if (slot === NONE) {
      slot = this.keys.length;
      if (this.byId && id < 0) id = this.ids!.get(key) ?? -1;
      if (this.byId && id >= 0 && id < this.byId.length) this.byId[id] = slot + 1;
      else this.slots.set(key, slot);
      this.keys.push(key);
      this.scores[slot] = contribution;
      this.topSeed[slot] = seed;
      this.topContribution[slot] = contribution;
    } else {
      this.scores[slot] = (this.scores[slot] as number) + contribution;
      if (contribution > (this.topContribution[slot] as number)) {
        this.topSeed[slot] = seed;
        this.topContribution[slot] = contribution;
      }
    }
  }
}

/**
 * Σ_i x_i · w(i → j) for every j reachable from the seeds; seeds themselves are skipped. `ids` is
 * the numbering the lists' `ids` refer to (the serving index gives both), else keys are hashed.
 */
export function collaborativeScores(
  seeds: ReadonlyArray<{ key: string; weight: number }>,
  neighbours: ReadonlyMap<string, NeighbourList>,
  ids?: KeyIds,
): CollaborativeScores {
  let capacity = 0;
  for (const seed of seeds) capacity += neighbours.get(seed.key)?.keys.length ?? 0;
  const scores = new CollaborativeScores(
    seeds.map((seed) => seed.key),
    capacity,
    ids,
  );
  seeds.forEach((seed, s) => {
    const list = neighbours.get(seed.key);
    if (!list || !(seed.weight > 0)) return;
    const listIds = ids ? list.ids : undefined;
    for (let n = 0; n < list.keys.length; n++)
      scores.add(list.keys[n] as string, s, seed.weight * (list.weights[n] as number), listIds ? (listIds[n] as number) : -1);
  });
  return scores;
}

/**
 * The `limit` best-scored keys, best first (ties by key), for the candidate pool. The scores reach
 * thousands of titles and the pool wants hundreds, so the best are kept in a bounded heap whose root
 * is the worst of them, and only they are sorted.
 */
export function bestCollaborativeKeys(all: CollaborativeScores, limit: number): string[] {
  if (limit <= 0) return [];
  const keys: string[] = [];
  const values: number[] = [];
  /** a ranks below b */
  const below = (a: number, b: number) =>
    (values[a] as number) < (values[b] as number) || (values[a] === values[b] && (keys[a] as string) > (keys[b] as string));
  const swap = (a: number, b: number) => {
    [keys[a], keys[b]] = [keys[b] as string, keys[a] as string];
    [values[a], values[b]] = [values[b] as number, values[a] as number];
  };
  const siftDown = (i: number) => {
    for (;;) {
      const left = 2 * i + 1;
      let least = i;
      if (left < keys.length && below(left, least)) least = left;
      if (left + 1 < keys.length && below(left + 1, least)) least = left + 1;
      if (least === i) return;
      swap(i, least);
      i = least;
    }
  };
  for (let slot = 0; slot < all.size; slot++) {
    const key = all.keys[slot] as string;
    const score = all.scores[slot] as number;
    if (keys.length < limit) {
      keys.push(key);
      values.push(score);
      for (let i = keys.length - 1; i > 0 && below(i, (i - 1) >> 1); i = (i - 1) >> 1) swap(i, (i - 1) >> 1);
    } else if (score > (values[0] as number) || (score === values[0] && key < (keys[0] as string))) {
      keys[0] = key;
      values[0] = score;
      siftDown(0);
    }
  }
  const order = keys.map((_, i) => i).sort((a, b) => (below(a, b) ? 1 : below(b, a) ? -1 : 0));
  return order.map((i) => keys[i] as string);
}
