// Small counting helpers over lists of TMDB ids and bit sets of them, shared by the ranking and the
// serving index.

/** How many distinct ids of `ids` are in `set` (arrays may repeat an id: an actor in two roles). */
export function sharedCount(ids: readonly number[], set: ReadonlySet<number>): number {
  let count = 0;
  for (let i = 0; i < ids.length; i++) if (set.has(ids[i]!) && ids.indexOf(ids[i]!) === i) count++;
  return count;
}

/** The number of bits set in a 32-bit integer. */
export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) as number;
}
