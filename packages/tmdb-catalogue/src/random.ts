// Deterministic randomness: a seeded PRNG (mulberry32) and stable integer/string hashing.
// Everything in the catalogue is derived from these, so the same size + seed gives the same data.

/** murmur3's 32-bit finaliser: a cheap, well-mixed avalanche step. */
export function fmix32(input: number): number {
  let h = input >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A stable 32-bit hash of a list of numbers and strings. */
export function hash32(...parts: ReadonlyArray<number | string>): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    if (typeof part === "number") {
      const lo = part | 0;
      const hi = Math.floor(part / 4294967296) | 0;
      h = fmix32(h ^ lo);
      h = fmix32(h ^ hi ^ 0x27d4eb2f);
    } else {
      for (let i = 0; i < part.length; i++) h = Math.imul(h ^ part.charCodeAt(i), 0x01000193);
      h = fmix32(h ^ part.length ^ 0x165667b1);
    }
  }
  return h >>> 0;
}

/** A stable number in [0, 1) from a list of numbers and strings. */
export function unitHash(...parts: ReadonlyArray<number | string>): number {
  return hash32(...parts) / 4294967296;
}

/** 24 lowercase hex characters (the shape of TMDB credit / video ids). */
export function hex24(...parts: ReadonlyArray<number | string>): string {
  const a = hash32(...parts, 1);
  const b = hash32(...parts, 2);
  const c = hash32(...parts, 3);
  return [a, b, c].map((n) => n.toString(16).padStart(8, "0")).join("");
}

const KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** An 11-character YouTube-like key. */
export function videoKey(...parts: ReadonlyArray<number | string>): string {
  let out = "";
  let h = hash32(...parts);
  for (let i = 0; i < 11; i++) {
    if (i % 5 === 0) h = fmix32(h + i * 0x9e3779b9);
    out += KEY_ALPHABET[h & 63];
    h >>>= 6;
  }
  return out;
}

/** mulberry32: a tiny, fast, seedable PRNG. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Convenience helpers on top of mulberry32. */
export class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next();
  }

  /** Integer in [min, max] (inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("Rng.pick on an empty list");
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks from [value, weight] pairs. */
  weighted<T>(pairs: ReadonlyArray<readonly [T, number]>): T {
    let total = 0;
    for (const [, w] of pairs) total += w;
    let r = this.next() * total;
    for (const [value, w] of pairs) {
      r -= w;
      if (r < 0) return value;
    }
    const last = pairs[pairs.length - 1];
    if (!last) throw new Error("Rng.weighted on an empty list");
    return last[0];
  }

  /** Standard normal via Box-Muller. */
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** exp(normal(0, sigma)) */
  logNormal(sigma: number): number {
    return Math.exp(this.normal(0, sigma));
  }

  /**
   * A Zipf-like index in [0, n): P(i) ∝ 1 / (i + c). Small c = heavier head.
   * `bias` in (0, 1] scales the uniform draw towards the head (1 = no bias).
   */
  zipf(n: number, c: number, bias = 1): number {
    return zipfIndex(this.next() * bias, n, c);
  }
}

/** Inverse CDF of the continuous 1/(x+c) density on [0, n). */
export function zipfIndex(u: number, n: number, c: number): number {
  if (n <= 1) return 0;
  const x = c * Math.pow((n + c) / c, u) - c;
  return Math.min(n - 1, Math.max(0, Math.floor(x)));
}
